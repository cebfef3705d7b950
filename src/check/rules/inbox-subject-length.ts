import type { OfflineRule } from '../types.js';

/** Desktop inboxes show about 60–70 characters of a subject, phones fewer. */
export const SUBJECT_MAX_CHARACTERS = 70;

export const inboxSubjectLength: OfflineRule<'inbox/subject-length'> = {
  id: 'inbox/subject-length',
  severity: 'warning',
  description: `the subject (the title) fits an inbox line: at most ${SUBJECT_MAX_CHARACTERS} characters`,
  check({ article }) {
    const length = [...article.title].length;
    if (length <= SUBJECT_MAX_CHARACTERS) return [];
    return [{ message: `the title, which is the subject line, has ${length} characters and inboxes cut it after about ${SUBJECT_MAX_CHARACTERS}: shorten "title" to ${SUBJECT_MAX_CHARACTERS} characters or fewer, key words first` }];
  },
};

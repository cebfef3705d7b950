import type { OfflineRule } from '../types.js';

/** Desktop inboxes show about 60–70 characters of a subject, phones fewer. */
export const SUBJECT_MAX_CHARACTERS = 70;

export const inboxSubjectLength: OfflineRule<'inbox/subject-length'> = {
  id: 'inbox/subject-length',
  severity: 'warning',
  description: `the subject ("subject", else the title) fits an inbox line: at most ${SUBJECT_MAX_CHARACTERS} characters`,
  check({ article }) {
    const subject = article.subject ?? article.title;
    const length = [...subject].length;
    if (length <= SUBJECT_MAX_CHARACTERS) return [];
    const line = article.source.split('\n').findIndex((text) => new RegExp(`^${article.subject === undefined ? 'title' : 'subject'}\\s*:`).test(text)) + 1;
    const message =
      article.subject === undefined
        ? `the title, which is also the subject line, has ${length} characters and inboxes cut it after about ${SUBJECT_MAX_CHARACTERS}: shorten "title", or add a "subject" of ${SUBJECT_MAX_CHARACTERS} characters or fewer for the inbox, key words first`
        : `the subject has ${length} characters and inboxes cut it after about ${SUBJECT_MAX_CHARACTERS}: shorten "subject" to ${SUBJECT_MAX_CHARACTERS} characters or fewer, key words first`;
    return [{ message, ...(line > 0 ? { line } : {}) }];
  },
};

import type { OfflineRule } from '../types.js';

/** Shorter previews get filled with the start of the email; longer ones are cut by every inbox. */
export const PREHEADER_MIN_CHARACTERS = 40;
export const PREHEADER_MAX_CHARACTERS = 140;

export const inboxPreheaderLength: OfflineRule<'inbox/preheader-length'> = {
  id: 'inbox/preheader-length',
  severity: 'warning',
  description: `the preheader has ${PREHEADER_MIN_CHARACTERS}–${PREHEADER_MAX_CHARACTERS} characters`,
  check({ article }) {
    if (article.preheader === undefined) return [];
    const length = [...article.preheader].length;
    if (length < PREHEADER_MIN_CHARACTERS) {
      return [{ message: `the preheader has ${length} characters, so inboxes fill the preview with the start of the email: write ${PREHEADER_MIN_CHARACTERS}–${PREHEADER_MAX_CHARACTERS} characters` }];
    }
    if (length > PREHEADER_MAX_CHARACTERS) {
      return [{ message: `the preheader has ${length} characters and inboxes show about ${PREHEADER_MAX_CHARACTERS} at most: shorten it to ${PREHEADER_MIN_CHARACTERS}–${PREHEADER_MAX_CHARACTERS} characters` }];
    }
    return [];
  },
};

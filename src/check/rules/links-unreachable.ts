import type { OnlineRule } from '../types.js';

/** Runs only with `--online`: see `check-links-online.ts` and `src/io/probe-links.ts`. */
export const linksUnreachable: OnlineRule<'links/unreachable'> = {
  id: 'links/unreachable',
  severity: 'error',
  description: 'with --online: every web link answers (HEAD, then GET) with a status below 400',
  online: true,
};

import { htmlOf } from '../html.js';
import type { OfflineRule } from '../types.js';

export const a11yLayoutTableRole: OfflineRule<'a11y/layout-table-role'> = {
  id: 'a11y/layout-table-role',
  severity: 'warning',
  description: 'layout tables carry role="presentation", so screen readers do not announce rows and columns',
  check(input) {
    const $ = htmlOf(input);
    const bare = $('table')
      .get()
      .filter((table) => $(table).attr('role') !== 'presentation' && $(table).find('th, caption, thead').length === 0);
    if (bare.length === 0) return [];
    return [
      {
        message: `${bare.length === 1 ? 'a layout table lacks' : `${bare.length} layout tables lack`} role="presentation", so screen readers announce rows and columns: add role="presentation" to the <table> in the template (MJML adds it to its own tables)`,
      },
    ];
  },
};

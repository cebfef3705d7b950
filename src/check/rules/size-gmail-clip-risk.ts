import { formatBytes, formatSections, GMAIL_CLIP_BYTES, GMAIL_CLIP_RISK_SHARE, measureSections } from '../measure-sections.js';
import type { OfflineRule } from '../types.js';

export const sizeGmailClipRisk: OfflineRule<'size/gmail-clip-risk'> = {
  id: 'size/gmail-clip-risk',
  severity: 'warning',
  description: `HTML above ${GMAIL_CLIP_RISK_SHARE * 100} % of Gmail's clipping limit: what the sending service adds may push it over`,
  check(input) {
    // what the ESP adds when it sends (esp.overheadBytes) counts too
    const overhead = input.config.esp.overheadBytes;
    const total = Buffer.byteLength(input.html) + overhead;
    if (total > GMAIL_CLIP_BYTES || total <= GMAIL_CLIP_BYTES * GMAIL_CLIP_RISK_SHARE) return [];
    const { sections } = measureSections(input); // only when reporting: finding the sections costs a DOM query
    const share = Math.round((total / GMAIL_CLIP_BYTES) * 100);
    return [
      {
        message: `the HTML is ${formatBytes(total)}${overhead > 0 ? ` with the ${formatBytes(overhead)} the ESP adds` : ''}, ${share} % of Gmail's clipping limit; heaviest: ${formatSections(sections)}: trim the heaviest section so tracking links and footers your sending service adds still fit`,
      },
    ];
  },
};

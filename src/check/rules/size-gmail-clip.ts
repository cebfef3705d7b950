import { formatBytes, formatSections, GMAIL_CLIP_BYTES, measureSections } from '../measure-sections.js';
import type { OfflineRule } from '../types.js';

export const sizeGmailClip: OfflineRule<'size/gmail-clip'> = {
  id: 'size/gmail-clip',
  severity: 'error',
  description: `HTML larger than ${GMAIL_CLIP_BYTES.toLocaleString('en-US')} bytes (UTF-8): Gmail clips the message`,
  check(input) {
    // what the ESP adds when it sends (esp.overheadBytes) counts too
    const overhead = input.config.esp.overheadBytes;
    const total = Buffer.byteLength(input.html) + overhead;
    if (total <= GMAIL_CLIP_BYTES) return [];
    const { sections } = measureSections(input); // only when reporting: finding the sections costs a DOM query
    return [
      {
        message: `the HTML is ${formatBytes(total)}${overhead > 0 ? ` with the ${formatBytes(overhead)} the ESP adds` : ''}, over Gmail's clipping limit of ${formatBytes(GMAIL_CLIP_BYTES)}; heaviest: ${formatSections(sections)}: shorten the heaviest section or move it to the web version`,
      },
    ];
  },
};

/**
 * The email as a dark-mode client shows it: its own
 * `@media (prefers-color-scheme: dark)` rules switched on and any
 * `prefers-color-scheme: light` rules off, whatever the browser's setting.
 * Rewriting the media queries works in every browser, unlike emulating the
 * colour scheme of a single frame.
 */
export function renderDarkEmail(emailHtml: string): string {
  return emailHtml
    .replace(/\(\s*prefers-color-scheme\s*:\s*dark\s*\)/gi, '(min-width: 0px)')
    .replace(/\(\s*prefers-color-scheme\s*:\s*light\s*\)/gi, '(max-width: -1px)')
    .replace(/<html\b/i, '<html style="color-scheme: dark"');
}

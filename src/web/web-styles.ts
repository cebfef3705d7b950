import type { Colors, DarkColors } from '../config/config.js';

/**
 * The web version's stylesheet, written into every page (no request for it,
 * nothing to go stale). The email's design language on a web page: the black
 * brand header with the accent rule, one type scale (13 kicker, 15 meta,
 * 18 body, 22 teaser and subheads, 32 headline; 27 on phones), Georgia at line
 * height 1.65 for text, Helvetica/Arial for headings, the yellow check box
 * with its black frame. The column is 680 px wide at most (about 70
 * characters a line) and fluid below; nothing is wider than the screen from
 * 320 px on: long words wrap, wide tables scroll inside themselves.
 */
export function webStyles(colors: Readonly<Colors>, dark: Readonly<DarkColors>): string {
  return `
:root { color-scheme: light dark; --page: ${colors.page}; --paper: ${colors.paper}; --text: ${colors.text}; --muted: ${colors.muted}; --accent: ${colors.accent}; --rule: ${colors.rule}; }
@media (prefers-color-scheme: dark) {
  :root { --page: ${dark.page}; --paper: ${dark.paper}; --text: ${dark.text}; --muted: ${dark.muted}; --accent: ${dark.accent}; --rule: ${dark.rule}; }
  .check { border-color: ${dark.checkBorder}; }
  .button { background: ${dark.button}; color: ${dark.buttonText}; }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--page); color: var(--text); font-family: Georgia, 'Times New Roman', Times, serif; font-size: 18px; line-height: 1.65; overflow-wrap: break-word; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.sans, h1, h2, h3, .kicker, .meta, .site-header, .site-footer, .sources, figcaption, .archive time, .back { font-family: 'Helvetica Neue', Helvetica, Arial, sans-serif; }
.wrap { max-width: 680px; margin: 0 auto; padding: 0 32px; }
.site-header { background: ${colors.brand}; color: ${colors.brandText}; border-bottom: 6px solid ${colors.accent}; padding: 28px 0 24px; }
.site-header a { color: ${colors.brandText}; text-decoration: none; }
.brand { display: inline-block; font-size: 30px; line-height: 1.1; font-weight: 800; letter-spacing: 3px; }
.brand-sub { margin: 6px 0 0; font-size: 13px; line-height: 1.4; letter-spacing: 1px; }
.brand-sub a { text-decoration: underline; }
main { display: block; background: var(--paper); max-width: 680px; margin: 0 auto; padding: 36px 32px 32px; }
.kicker { margin: 0; color: var(--accent); font-size: 13px; line-height: 1.4; font-weight: 700; letter-spacing: 2px; text-transform: uppercase; }
h1 { margin: 10px 0 0; font-size: 32px; line-height: 1.18; font-weight: 800; hyphens: auto; }
.teaser { margin: 16px 0 0; font-size: 22px; line-height: 1.5; hyphens: auto; }
.meta { margin: 16px 0 0; color: var(--muted); font-size: 15px; line-height: 1.5; }
figure { margin: 24px 0 0; }
img { max-width: 100%; height: auto; border: 0; }
.lead img { display: block; width: 100%; background: var(--rule); }
figcaption { margin-top: 8px; color: var(--muted); font-size: 13px; line-height: 1.5; }
.body { margin-top: 28px; hyphens: auto; }
p { margin: 0 0 18px; }
h2 { font-size: 22px; line-height: 1.3; font-weight: 700; margin: 32px 0 10px; }
h3 { font-size: 18px; line-height: 1.35; font-weight: 700; margin: 24px 0 8px; }
ul, ol { margin: 0 0 18px; padding: 0 0 0 24px; }
li { margin: 0 0 8px; }
blockquote { margin: 0 0 18px; padding: 2px 0 2px 18px; border-left: 4px solid var(--accent); font-style: italic; }
code { font-family: Menlo, Consolas, 'Courier New', monospace; font-size: 15px; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 15px; margin: 0 0 18px; padding: 12px; border: 1px solid var(--rule); }
table { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; margin: 0 0 18px; font-size: 16px; }
th, td { border-bottom: 1px solid var(--rule); padding: 6px 8px 6px 0; text-align: left; vertical-align: top; }
hr { border: 0; border-top: 1px solid var(--rule); margin: 24px 0; }
.check { margin: 12px 0 28px; padding: 24px 24px 8px; background: ${colors.checkBackground}; color: ${colors.checkText}; border: 3px solid ${colors.checkText}; }
.check h2 { margin: 0 0 14px; font-size: 15px; line-height: 1.4; font-weight: 800; letter-spacing: 2px; text-transform: uppercase; color: ${colors.checkText}; }
.check a { color: ${colors.checkText}; }
.faq { border-top: 1px solid var(--rule); margin-top: 8px; padding-top: 8px; }
.faq h2 { margin-top: 16px; }
.faq h3 { margin: 22px 0 6px; }
.sources { border-top: 1px solid var(--rule); margin-top: 12px; padding-top: 16px; color: var(--muted); font-size: 15px; line-height: 1.5; }
.sources a { color: var(--muted); }
.button { display: inline-block; margin: 4px 0 0; padding: 14px 24px; background: ${colors.brand}; color: ${colors.brandText}; font-family: 'Helvetica Neue', Helvetica, Arial, sans-serif; font-size: 16px; font-weight: 700; text-decoration: none; }
.back { margin: 32px 0 0; font-size: 15px; }
.archive-intro { margin: 16px 0 0; color: var(--muted); font-size: 15px; line-height: 1.5; font-family: 'Helvetica Neue', Helvetica, Arial, sans-serif; }
.archive { list-style: none; margin: 28px 0 0; padding: 0; }
.archive li { margin: 0; padding: 24px 0; border-top: 1px solid var(--rule); }
.archive h2 { margin: 6px 0 0; font-size: 22px; line-height: 1.3; }
.archive h2 a { color: var(--text); text-decoration: none; }
.archive h2 a:hover { text-decoration: underline; }
.archive .teaser { margin: 8px 0 0; font-size: 18px; line-height: 1.65; }
.archive time { display: block; margin-top: 8px; color: var(--muted); font-size: 15px; }
.story-title { margin: 10px 0 0; font-size: 26px; line-height: 1.22; font-weight: 800; hyphens: auto; }
.story-title a { color: var(--text); text-decoration: none; }
.story-title a:hover { text-decoration: underline; }
.more { margin: 16px 0 0; font-family: 'Helvetica Neue', Helvetica, Arial, sans-serif; font-size: 16px; font-weight: 700; }
.intro { margin: 20px 0 0; font-size: 19px; line-height: 1.6; hyphens: auto; }
.contents { margin: 28px 0 40px; padding: 20px 0 4px; border-top: 3px solid var(--text); border-bottom: 1px solid var(--rule); font-family: 'Helvetica Neue', Helvetica, Arial, sans-serif; }
.contents h2 { margin: 0 0 12px; font-size: 13px; line-height: 1.4; font-weight: 800; letter-spacing: 2px; text-transform: uppercase; }
.contents ol { margin: 0 0 16px; padding: 0 0 0 28px; font-size: 17px; line-height: 1.45; }
.contents a { color: var(--text); }
.story + .story { margin-top: 48px; padding-top: 36px; border-top: 1px solid var(--rule); }
.site-footer { background: ${colors.brand}; color: ${colors.brandText}; padding: 28px 0 32px; font-size: 13px; line-height: 1.6; }
.site-footer a { color: ${colors.brandText}; }
.site-footer .brand-name { margin: 0 0 8px; font-size: 15px; font-weight: 800; letter-spacing: 2px; }
.site-footer p { margin: 0 0 8px; }
@media (max-width: 480px) {
  .wrap, main { padding-left: 20px; padding-right: 20px; }
  h1 { font-size: 27px; line-height: 1.2; }
  .story-title { font-size: 23px; }
  .teaser { font-size: 19px; }
  .check { padding-left: 16px; padding-right: 16px; }
}
`.trim();
}

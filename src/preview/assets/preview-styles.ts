/** The stylesheet of the preview pages, served as `/_preview/preview.css`. */
export const PREVIEW_STYLES = String.raw`
:root {
  --ink: #1d1d1f; --muted: #5f6368; --line: #e2e0dc; --soft: #f6f5f2; --paper: #fff;
  --accent: #c2185b; --accent-ink: #9c1249; --ok: #1e7e34; --warn: #9a6700; --warn-bg: #fff4d6;
  --error: #b3261e; --error-bg: #fdecea; --stage: #e9e6e1; --radius: 10px;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --mono: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 15px/1.5 var(--sans); color: var(--ink); background: var(--soft); overflow-wrap: anywhere; }
a { color: var(--accent-ink); }
a:hover { color: var(--accent); }
code { font-family: var(--mono); font-size: 0.88em; background: rgba(0,0,0,.05); padding: 0.05em 0.3em; border-radius: 4px; }
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 6px; letter-spacing: -0.01em; }
h2 { font-size: 13px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0 0 12px; }

.topbar { position: sticky; top: 0; z-index: 10; display: flex; align-items: center; gap: 20px; padding: 0 24px; height: 52px; background: #141414; color: #fff; }
.topbar a { color: #fff; text-decoration: none; }
.topbar-brand { font-weight: 700; letter-spacing: 0.01em; white-space: nowrap; }
.topbar-brand .short { display: none; }
.topbar-brand::before { content: ""; display: inline-block; width: 10px; height: 10px; margin-right: 8px; border-radius: 2px; background: var(--accent); vertical-align: 0; }
.topbar-nav { display: flex; gap: 4px; }
.topbar-nav a { padding: 6px 10px; border-radius: 6px; color: #d6d6d6; white-space: nowrap; }
.topbar-nav a:hover { background: #262626; color: #fff; }
.topbar-nav a[aria-current="page"] { background: #2e2e2e; color: #fff; }
.count { display: inline-block; min-width: 20px; padding: 0 6px; margin-left: 2px; border-radius: 10px; background: #3a3a3a; font-size: 12px; text-align: center; }
.topbar-live { margin-left: auto; font-size: 12px; color: #9be29b; white-space: nowrap; }
.topbar-live::before { content: "●"; margin-right: 5px; }
.topbar-live.is-offline { color: #f0b35e; }

.page { max-width: 1280px; margin: 0 auto; padding: 24px; }
.page-head { margin: 4px 0 20px; }
.page-head-row { display: flex; gap: 16px; align-items: flex-start; justify-content: space-between; flex-wrap: wrap; }
.lede { margin: 0; color: var(--muted); max-width: 70ch; }
.crumbs { margin-bottom: 8px; font-size: 14px; }
.crumbs a { text-decoration: none; }
.kicker { display: block; font-size: 12px; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--accent); }
.meta { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 6px 0 0; color: var(--muted); font-size: 14px; }
.empty { padding: 32px; text-align: center; color: var(--muted); background: var(--paper); border: 1px dashed var(--line); border-radius: var(--radius); }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 16px; }

.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; line-height: 18px; white-space: nowrap; }
.badge-ready { background: #e6f4ea; color: var(--ok); }
.badge-draft { background: var(--warn-bg); color: var(--warn); }
.badge-error { background: var(--error-bg); color: var(--error); }
.badge-warning { background: var(--warn-bg); color: var(--warn); }
.badge-info { background: #e8eef9; color: #2a4a7f; }
.col-warnings .badge { cursor: help; }
.findings { margin: 0; padding: 0; list-style: none; font-size: 14px; }
.finding { padding: 8px 0; border-top: 1px solid var(--line); }
.finding:first-child { border-top: 0; padding-top: 0; }
.finding .badge { margin-right: 4px; }
.finding .rule { display: block; margin-top: 2px; font-size: 12px; color: var(--muted); font-family: var(--mono); }

.problems { margin: 0 0 20px; padding: 14px 16px; background: var(--error-bg); border: 1px solid #f3c2bd; border-left: 4px solid var(--error); border-radius: var(--radius); }
.problems h2 { color: var(--error); margin-bottom: 8px; }
.problems ul { margin: 0; padding: 0; list-style: none; }
.problems li { padding: 6px 0; border-top: 1px solid #f3c9c4; }
.problems li:first-child { border-top: 0; padding-top: 0; }
.problems .location { color: var(--error); font-weight: 600; background: rgba(179,38,30,.08); }
.problems .affects { display: block; font-size: 13px; color: var(--muted); }

table { width: 100%; border-collapse: collapse; background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); overflow: hidden; }
th { white-space: nowrap; text-align: left; font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); background: #faf9f7; }
th, td { padding: 12px 14px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
tbody tr:last-child td { border-bottom: 0; }
tbody tr:hover { background: #fbfaf8; }
.hint { font-weight: 400; text-transform: none; letter-spacing: 0; color: var(--muted); font-size: 12px; }
.newsletters caption { caption-side: top; text-align: left; font-weight: 700; font-size: 15px; padding: 12px 14px 8px; background: var(--paper); }
.newsletters + .newsletters { margin-top: 20px; }
.newsletters .title { display: block; font-weight: 650; font-size: 16px; line-height: 1.35; text-decoration: none; color: var(--ink); margin: 2px 0; }
.newsletters .title:hover { color: var(--accent); text-decoration: underline; }
.newsletters .file { font-size: 12px; color: var(--muted); font-family: var(--mono); }
.col-date, .col-time { white-space: nowrap; color: var(--muted); }
.col-size { white-space: nowrap; }
.col-size meter { display: block; width: 140px; height: 8px; margin: 4px 0 2px; }
.size { font-variant-numeric: tabular-nums; font-weight: 600; }
.size-warning { color: var(--warn); }
.size-clipped { color: var(--error); }
.budget { font-size: 12px; color: var(--muted); }
.col-warnings .none { color: var(--muted); }
.footnote { margin: 10px 2px 0; font-size: 13px; color: var(--muted); }
.messages .col-subject a { font-weight: 600; text-decoration: none; }

.viewer { display: grid; gap: 20px; grid-template-columns: minmax(0, 1fr); grid-template-areas: "inbox" "stage" "checks" "send"; }
.viewer-inbox { grid-area: inbox; }
.viewer-checks { grid-area: checks; }
.viewer-stage { grid-area: stage; min-width: 0; }
.viewer-send { grid-area: send; }
@media (min-width: 1100px) {
  .viewer { grid-template-columns: minmax(0, 1fr) 340px; grid-template-areas: "stage inbox" "stage send" "stage checks" "stage ."; grid-template-rows: auto auto auto 1fr; }
}

.toolbar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 10px; margin-bottom: 12px; }
.tabs { display: inline-flex; flex-wrap: wrap; gap: 2px; padding: 3px; background: #e4e1dc; border-radius: 9px; }
.tab { padding: 6px 12px; border-radius: 7px; color: var(--ink); text-decoration: none; font-size: 14px; white-space: nowrap; }
.tab:hover { background: rgba(255,255,255,.6); color: var(--ink); }
.tab[aria-current="page"] { background: var(--paper); font-weight: 600; box-shadow: 0 1px 2px rgba(0,0,0,.12); }
.raw-links { display: inline-flex; gap: 14px; font-size: 14px; }

.stage { background: var(--stage); border-radius: var(--radius); padding: 20px; }
.frame-scroll { overflow-x: auto; }
.email-frame { display: block; width: 100%; min-width: 600px; height: 900px; border: 0; background: #fff; border-radius: 4px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
.stage-mobile .phone { width: 375px; max-width: 100%; margin: 0 auto; padding: 10px 0; background: #1b1b1b; border-radius: 28px; box-shadow: 0 6px 20px rgba(0,0,0,.2); overflow: hidden; }
.stage-mobile .email-frame { min-width: 0; border-radius: 0; box-shadow: none; }
.stage-dark { background: #2a2a2a; }
.stage-dark .email-frame { background: #0f0f0f; min-width: 0; } /* the email's own breakpoints decide, as in a dark-mode phone client */
.stage-message .email-frame { min-width: 0; }
.stage-note { font-size: 13px; color: var(--muted); margin: 8px 2px 0; }
.stage-text { background: var(--paper); border: 1px solid var(--line); }
.plain-text { margin: 0 auto; max-width: 78ch; font: 14px/1.6 var(--mono); white-space: pre-wrap; overflow-wrap: anywhere; }
.plain-text.headers { max-width: none; font-size: 13px; }

.mail-row { display: flex; gap: 12px; padding: 12px; border: 1px solid var(--line); border-radius: 8px; background: #fcfcfc; }
.avatar { flex: none; display: grid; place-items: center; width: 38px; height: 38px; border-radius: 50%; background: #141414; color: #fff; font-weight: 700; }
.mail-lines { min-width: 0; flex: 1; }
.mail-top { display: flex; justify-content: space-between; gap: 8px; }
.sender { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.mail-date { flex: none; font-size: 12px; color: var(--muted); }
.mail-subject { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.mail-preheader { color: var(--muted); font-size: 14px; overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 12px; margin: 12px 0 0; font-size: 13px; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; min-width: 0; }
.facts-wide { font-size: 14px; }

.send-form { display: grid; gap: 6px; }
.send-form label { font-size: 13px; font-weight: 600; }
.send-form input[type="text"] { width: 100%; padding: 8px 10px; font: inherit; border: 1px solid #c9c5bf; border-radius: 7px; background: #fff; }
.send-form input[type="text"]:focus { outline: 2px solid var(--accent); outline-offset: 1px; border-color: transparent; }
button { justify-self: start; padding: 8px 16px; font: inherit; font-weight: 600; color: #fff; background: var(--accent); border: 0; border-radius: 7px; cursor: pointer; }
button:hover { background: var(--accent-ink); }
.button-quiet { color: var(--ink); background: var(--paper); border: 1px solid var(--line); }
.button-quiet:hover { background: #f0eeea; }
.viewer-send .hint { margin: 10px 0 0; font-size: 13px; }
.notice { margin: 0 0 12px; padding: 8px 10px; border-radius: 7px; font-size: 14px; }
.notice-ok { background: #e6f4ea; color: #14532d; }
.notice-error { background: var(--error-bg); color: var(--error); }

@media (max-width: 720px) {
  .topbar { gap: 8px; padding: 0 12px; }
  .topbar-brand .long { display: none; }
  .topbar-brand .short { display: inline; }
  .topbar-nav a { padding: 6px 8px; }
  .topbar-live { font-size: 0; }
  .topbar-live::before { font-size: 12px; margin: 0; }
  .page { padding: 16px 14px; }
  h1 { font-size: 22px; }
  .stage { padding: 12px; }
  .stage-mobile { padding: 12px 0; background: transparent; }
  .stage-mobile .phone { border-radius: 0; padding: 0; box-shadow: none; }
  table, thead, tbody, tr, th, td { display: block; }
  thead { display: none; }
  table { border: 0; background: transparent; }
  tbody tr { margin-bottom: 12px; padding: 12px 14px; background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); }
  td { padding: 2px 0; border: 0; }
  .newsletters td.col-date, .newsletters td.col-status, .newsletters td.col-warnings { display: inline-block; margin-right: 10px; }
  .newsletters td.col-warnings::before { content: "Warnings: "; color: var(--muted); font-size: 13px; }
  .col-size meter { display: inline-block; width: 90px; margin: 0 6px; vertical-align: middle; }
  .messages td.col-time { float: right; }
}
`;

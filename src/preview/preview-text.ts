import type { Locale } from '../i18n/strings.js';

/**
 * Every word of the preview's own interface, one table per language; the
 * project's `locale` picks the table (German by default, like the
 * newsletter). Messages from the build and the checks stay as the tool
 * writes them everywhere else.
 */
export interface PreviewText {
  lang: string;
  appName: string;
  appNameShort: string;
  navNewsletters: string;
  navInbox: string;
  live: string;
  reconnecting: string;
  liveTitle: string;
  /** index */
  newslettersHeading: string;
  lastBuild: (time: string, ms: number) => string;
  reloadsOnSave: string;
  buildErrors: (count: number) => string;
  noNewsletters: string;
  noNewslettersAfter: string;
  columns: { newsletter: string; date: string; status: string; size: string; warnings: string };
  /** Editions (several stories in one email) are listed in their own table above the articles. */
  editionsCaption: string;
  articlesCaption: string;
  editionColumn: string;
  /** With `webBaseUrl` set: the link to the web version and what it holds. */
  webVersionLink: string;
  webVersionAfter: string;
  /** The preview's /web/ pages: no web version, no such page. */
  webOff: readonly [heading: string, message: string];
  webNotFound: string;
  webNoSuchPage: string;
  webMissing: (page: string) => string;
  webArchive: string;
  /** An edition's kicker in the list: how many stories it has. */
  storyCount: (count: number) => string;
  statusError: string;
  statusErrorTitle: string;
  statusDraft: string;
  statusReady: string;
  sizeTitle: (limit: string) => string;
  sizeOf: (limit: string) => string;
  clipFootnote: (limit: string) => string;
  checkFootnote: string;
  checkFootnoteAfter: string;
  /** findings */
  noWarnings: string;
  errors: (count: number) => string;
  warnings: (count: number) => string;
  severity: { error: string; warning: string; info: string };
  noFindings: string;
  noFindingsAfter: string;
  affects: string;
  /** viewer */
  allNewsletters: string;
  articleError: string;
  htmlAndText: (html: string, text: string) => string;
  builtAt: (time: string) => string;
  inTheInbox: string;
  emailPreview: string;
  viewLabel: string;
  htmlFile: string;
  textFile: string;
  checks: string;
  views: Record<'desktop' | 'mobile' | 'dark' | 'text', { label: string; title: string }>;
  frameDesktop: string;
  frameMobile: string;
  frameDark: string;
  darkNote: string;
  textMissing: string;
  from: string;
  subject: string;
  preheader: string;
  characters: (count: number) => string;
  preheaderUnavailable: string;
  /** send form */
  sendHeading: string;
  sendTo: string;
  sendButton: string;
  sendPlaceholder: string;
  sentTo: (recipients: string, size: string, server: string) => string;
  openInbox: string;
  targetInbox: string;
  targetInboxMiddle: string;
  targetSmtp: string;
  targetSmtpAfter: string;
  noRecipients: string;
  notAnAddress: (address: string) => string;
  tooManyRecipients: (count: number, limit: number) => string;
  /** inbox */
  inboxHeading: string;
  inboxLede: (address: string, limit: number) => string;
  emptyInbox: string;
  inboxEmpty: string;
  inboxColumns: { time: string; from: string; to: string; subject: string; size: string };
  noSender: string;
  noSubject: string;
  none: string;
  envelope: string;
  received: string;
  to: string;
  message: string;
  downloadEml: string;
  messageViews: { html: string; text: string; headers: string };
  noHtmlPart: string;
  noTextPart: string;
  htmlPartTitle: string;
  /** error pages */
  didYouMean: string;
  errorPages: {
    somethingWrong: string;
    badRequest: string;
    refused: string;
    refusedBecause: (reason: string) => string;
    notFound: string;
    noPageHere: string;
    methodNotAllowed: string;
    useMethod: (methods: string) => string;
    noSuchNewsletter: string;
    noNewsletterWithSlug: (slug: string) => string;
    noBuiltNewsletter: (slug: string) => string;
    outputGone: (kind: 'html' | 'txt', slug: string) => string;
    inboxOff: string;
    inboxOffMessage: string;
    noSuchMessage: string;
    noSuchMessageText: string;
    sendOnlyFromPreview: string;
    clearOnlyFromPreview: string;
  };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const DE: PreviewText = {
  lang: 'de',
  appName: 'Newsletter-Vorschau',
  appNameShort: 'Vorschau',
  navNewsletters: 'Newsletter',
  navInbox: 'Posteingang',
  live: 'live',
  reconnecting: 'verbinde neu …',
  liveTitle: 'Die Seiten laden sich neu, sobald Sie einen Artikel, ein Template oder die Konfiguration speichern',
  newslettersHeading: 'Newsletter',
  lastBuild: (time, ms) => `Zuletzt gebaut um ${time} in ${ms} ms. `,
  reloadsOnSave: 'Wer einen Artikel, ein Template oder die Konfiguration speichert, baut neu und lädt diese Seite neu.',
  buildErrors: (count) => `${plural(count, 'Fehler', 'Fehler')} beim Bauen: die letzten guten Fassungen bleiben stehen`,
  noNewsletters: 'Noch keine Newsletter. Legen Sie einen Markdown-Artikel in ',
  noNewslettersAfter: ', dann erscheint er hier.',
  columns: { newsletter: 'Newsletter', date: 'Datum', status: 'Status', size: 'HTML-Größe', warnings: 'Warnungen' },
  editionsCaption: 'Ausgaben',
  articlesCaption: 'Artikel',
  editionColumn: 'Ausgabe',
  webVersionLink: 'Die Web-Version',
  webVersionAfter: ': Archiv, Artikelseiten, Feed.',
  webOff: ['Keine Web-Version', 'Die Web-Version entsteht, wenn in newsletter.config.json "webBaseUrl" gesetzt ist, z. B. "https://www.example.com/newsletter".'],
  webNotFound: 'Nicht gefunden',
  webNoSuchPage: 'Diese Seite gibt es in der Web-Version nicht.',
  webMissing: (page) => `Die Web-Version hat kein ${page}: Sie zeigt nur veröffentlichte Artikel (nie Entwürfe), und ein fehlerhafter Artikel behält seine letzte gute Seite.`,
  webArchive: 'Zum Archiv',
  storyCount: (count) => plural(count, 'Geschichte', 'Geschichten'),
  statusError: 'Fehler',
  statusErrorTitle: 'Der Artikel hat einen Fehler (siehe oben); das ist seine letzte gute Fassung',
  statusDraft: 'Entwurf',
  statusReady: 'fertig',
  sizeTitle: (limit) => `HTML-Größe gegen Gmails Grenze von ${limit}, ab der gekürzt wird`,
  sizeOf: (limit) => `von ${limit}`,
  clipFootnote: (limit) => `Gmail kürzt eine E-Mail, deren HTML größer als ${limit} (102.400 Byte) ist, hinter einem Link „Gesamte Nachricht anzeigen“; der Balken wird ab 90 % gelb. `,
  checkFootnote: 'Warnungen sind die Befunde von ',
  checkFootnoteAfter: ': zeigen Sie auf eine Zahl, um sie zu lesen, oder öffnen Sie den Newsletter.',
  noWarnings: 'Keine Warnungen',
  errors: (count) => plural(count, 'Fehler', 'Fehler'),
  warnings: (count) => plural(count, 'Warnung', 'Warnungen'),
  severity: { error: 'Fehler', warning: 'Warnung', info: 'Hinweis' },
  noFindings: 'Keine Befunde: ',
  noFindingsAfter: ' ist für diesen Newsletter grün.',
  affects: 'Betrifft',
  allNewsletters: '← Alle Newsletter',
  articleError: 'Dieser Artikel hat einen Fehler: die Vorschau zeigt seine letzte gute Fassung',
  htmlAndText: (html, text) => `${html} HTML · ${text} Text`,
  builtAt: (time) => `gebaut ${time}`,
  inTheInbox: 'Im Posteingang',
  emailPreview: 'Vorschau der E-Mail',
  viewLabel: 'Ansicht',
  htmlFile: 'HTML-Datei',
  textFile: 'Textdatei',
  checks: 'Prüfungen',
  views: {
    desktop: { label: 'Desktop', title: 'Die E-Mail in einem breiten Fenster (600-px-Spalte)' },
    mobile: { label: 'Mobil', title: 'Die E-Mail 375 px breit, wie auf dem Handy' },
    dark: { label: 'Dunkel', title: 'Die E-Mail mit ihren Styles für den Dunkelmodus' },
    text: { label: 'Text', title: 'Der Nur-Text-Teil' },
  },
  frameDesktop: 'Die E-Mail in Desktop-Breite',
  frameMobile: 'Die E-Mail mit 375 px, in Handy-Breite',
  frameDark: 'Die E-Mail mit ihren Styles für den Dunkelmodus',
  darkNote: 'Wendet die eigenen Styles des Templates für prefers-color-scheme: dark an, wie Apple Mail und Outlook.com im Dunkelmodus. Die Gmail-Apps kehren die Farben dagegen selbst um.',
  textMissing: '(die Textdatei fehlt: speichern Sie den Artikel, um sie neu zu bauen)',
  from: 'Von',
  subject: 'Betreff',
  preheader: 'Vorschautext',
  characters: (count) => plural(count, 'Zeichen', 'Zeichen'),
  preheaderUnavailable: 'nicht verfügbar, solange der Artikel einen Fehler hat',
  sendHeading: 'Test senden',
  sendTo: 'An',
  sendButton: 'Test senden',
  sendPlaceholder: 'sie@example.com, kollegin@example.com',
  sentTo: (recipients, size, server) => `Gesendet an ${recipients} (${size}) über ${server}.`,
  openInbox: 'Posteingang öffnen',
  targetInbox: 'Kein SMTP_URL gesetzt: der Test geht an den eingebauten ',
  targetInboxMiddle: ', nicht an echte Postfächer.',
  targetSmtp: 'Gesendet über ',
  targetSmtpAfter: ', genau wie beim Testversand über die Kommandozeile.',
  noRecipients: 'Keine Empfänger: tragen Sie eine oder mehrere Adressen ein, durch Kommas getrennt.',
  notAnAddress: (address) => `„${address}“ ist keine E-Mail-Adresse: schreiben Sie sie als name@example.com, ohne Namen und <>.`,
  tooManyRecipients: (count, limit) => `${count} Empfänger: ein Test ist für eine Handvoll Leute (höchstens ${limit}); kürzen Sie die Liste.`,
  inboxHeading: 'Posteingang',
  inboxLede: (address, limit) => `Fängt jede Nachricht an ${address} ab, etwa Testsendungen ohne SMTP_URL. Nur im Speicher: die letzten ${limit}, weg, sobald die Vorschau endet.`,
  emptyInbox: 'Posteingang leeren',
  inboxEmpty: 'Noch keine Nachrichten. Senden Sie einen Test von der Seite eines Newsletters.',
  inboxColumns: { time: 'Zeit', from: 'Von', to: 'An', subject: 'Betreff', size: 'Größe' },
  noSender: '(kein Absender)',
  noSubject: '(kein Betreff)',
  none: '(keiner)',
  envelope: 'Umschlag',
  received: 'Empfangen',
  to: 'An',
  message: 'Nachricht',
  downloadEml: '.eml herunterladen',
  messageViews: { html: 'HTML', text: 'Text', headers: 'Kopfzeilen' },
  noHtmlPart: 'Diese Nachricht hat keinen HTML-Teil.',
  noTextPart: 'Diese Nachricht hat keinen Text-Teil.',
  htmlPartTitle: 'HTML-Teil der Nachricht',
  didYouMean: 'Meinten Sie',
  errorPages: {
    somethingWrong: 'Etwas ist schiefgegangen',
    badRequest: 'Ungültige Anfrage',
    refused: 'Abgelehnt',
    refusedBecause: (reason) => `Abgelehnt: ${reason}.`,
    notFound: 'Nicht gefunden',
    noPageHere: 'Die Vorschau hat hier keine Seite.',
    methodNotAllowed: 'Methode nicht erlaubt',
    useMethod: (methods) => `Hier geht nur ${methods}.`,
    noSuchNewsletter: 'Kein solcher Newsletter',
    noNewsletterWithSlug: (slug) => `Kein Newsletter hat den Slug „${slug}“.`,
    noBuiltNewsletter: (slug) => `Kein gebauter Newsletter „${slug}“. Die Liste zeigt jeden Newsletter, den die Vorschau gebaut hat.`,
    outputGone: (kind, slug) => `Die ${kind === 'html' ? 'HTML-Datei' : 'Textdatei'} von „${slug}“ fehlt im Ausgabeordner: speichern Sie den Artikel, um sie neu zu bauen.`,
    inboxOff: 'Der Posteingang ist aus',
    inboxOffMessage: 'Diese Vorschau wurde ohne den eingebauten SMTP-Posteingang gestartet.',
    noSuchMessage: 'Keine solche Nachricht',
    noSuchMessageText: 'Der Posteingang hält Nachrichten nur im Speicher: er wird geleert, wenn die Vorschau neu startet, und die ältesten gehen, wenn er voll ist.',
    sendOnlyFromPreview: 'Testsendungen lassen sich nur von den Seiten der Vorschau aus starten.',
    clearOnlyFromPreview: 'Nur die Seiten der Vorschau dürfen den Posteingang leeren.',
  },
};

const EN: PreviewText = {
  lang: 'en',
  appName: 'Newsletter preview',
  appNameShort: 'Preview',
  navNewsletters: 'Newsletters',
  navInbox: 'Inbox',
  live: 'live',
  reconnecting: 'reconnecting…',
  liveTitle: 'Pages reload when you save an article, a template or the config',
  newslettersHeading: 'Newsletters',
  lastBuild: (time, ms) => `Last build ${time} in ${ms} ms. `,
  reloadsOnSave: 'Saving an article, a template or the config rebuilds and reloads this page.',
  buildErrors: (count) => `${plural(count, 'build error', 'build errors')}: the last good versions stay in place`,
  noNewsletters: 'No newsletters yet. Add a Markdown article to ',
  noNewslettersAfter: ' and it appears here.',
  columns: { newsletter: 'Newsletter', date: 'Date', status: 'Status', size: 'HTML size', warnings: 'Warnings' },
  editionsCaption: 'Editions',
  articlesCaption: 'Articles',
  editionColumn: 'Edition',
  webVersionLink: 'The web version',
  webVersionAfter: ': archive, article pages, feed.',
  webOff: ['No web version', 'The web version is built when "webBaseUrl" is set in newsletter.config.json, e.g. "https://www.example.com/newsletter".'],
  webNotFound: 'Not found',
  webNoSuchPage: 'No such page in the web version.',
  webMissing: (page) => `The web version has no ${page}: it lists published articles only (drafts never), and a failed article keeps its last good page.`,
  webArchive: 'The archive',
  storyCount: (count) => plural(count, 'story', 'stories'),
  statusError: 'error',
  statusErrorTitle: 'The article has an error (see above); this is its last good version',
  statusDraft: 'draft',
  statusReady: 'ready',
  sizeTitle: (limit) => `HTML size against Gmail's clipping limit of ${limit}`,
  sizeOf: (limit) => `of ${limit}`,
  clipFootnote: (limit) => `Gmail clips an email whose HTML is larger than ${limit} (102,400 bytes) behind a “View entire message” link; the bar turns amber at 90 %. `,
  checkFootnote: 'Warnings are the findings of ',
  checkFootnoteAfter: ': point at a count to read them, or open the newsletter.',
  noWarnings: 'No warnings',
  errors: (count) => plural(count, 'error', 'errors'),
  warnings: (count) => plural(count, 'warning', 'warnings'),
  severity: { error: 'error', warning: 'warning', info: 'info' },
  noFindings: 'No findings: ',
  noFindingsAfter: ' passes for this newsletter.',
  affects: 'Affects',
  allNewsletters: '← All newsletters',
  articleError: 'This article has an error: the preview shows its last good version',
  htmlAndText: (html, text) => `${html} HTML · ${text} text`,
  builtAt: (time) => `built ${time}`,
  inTheInbox: 'In the inbox',
  emailPreview: 'Email preview',
  viewLabel: 'View',
  htmlFile: 'HTML file',
  textFile: 'Text file',
  checks: 'Checks',
  views: {
    desktop: { label: 'Desktop', title: 'The email in a wide window (600 px column)' },
    mobile: { label: 'Mobile', title: 'The email 375 px wide, as on a phone' },
    dark: { label: 'Dark', title: 'The email with its dark-mode styles' },
    text: { label: 'Text', title: 'The plain-text part' },
  },
  frameDesktop: 'The email at desktop width',
  frameMobile: 'The email at 375 px, phone width',
  frameDark: 'The email with its dark-mode styles applied',
  darkNote: 'Applies the template\'s own prefers-color-scheme: dark styles, as Apple Mail and Outlook.com do in dark mode. Gmail\'s apps instead invert colours on their own.',
  textMissing: '(the text file is missing: save the article to build it again)',
  from: 'From',
  subject: 'Subject',
  preheader: 'Preheader',
  characters: (count) => plural(count, 'character', 'characters'),
  preheaderUnavailable: 'unavailable while the article has an error',
  sendHeading: 'Send a test',
  sendTo: 'To',
  sendButton: 'Send test',
  sendPlaceholder: 'you@example.com, colleague@example.com',
  sentTo: (recipients, size, server) => `Sent to ${recipients} (${size}) via ${server}.`,
  openInbox: 'Open the inbox',
  targetInbox: 'No SMTP_URL is set: the test goes to the built-in ',
  targetInboxMiddle: ', not to real mailboxes.',
  targetSmtp: 'Sent through ',
  targetSmtpAfter: ', exactly as a test send from the command line.',
  noRecipients: 'No recipients: enter one or more addresses, separated by commas.',
  notAnAddress: (address) => `"${address}" is not an email address: write it as name@example.com, without a name or <>.`,
  tooManyRecipients: (count, limit) => `${count} recipients: a test is for a handful of people (at most ${limit}); trim the list.`,
  inboxHeading: 'Inbox',
  inboxLede: (address, limit) => `Catches every message sent to ${address}, such as test sends without SMTP_URL. Kept in memory: the last ${limit}, gone when the preview stops.`,
  emptyInbox: 'Empty the inbox',
  inboxEmpty: 'No messages yet. Send a test from a newsletter\'s page.',
  inboxColumns: { time: 'Time', from: 'From', to: 'To', subject: 'Subject', size: 'Size' },
  noSender: '(no sender)',
  noSubject: '(no subject)',
  none: '(none)',
  envelope: 'Envelope',
  received: 'Received',
  to: 'To',
  message: 'Message',
  downloadEml: 'Download .eml',
  messageViews: { html: 'HTML', text: 'Text', headers: 'Headers' },
  noHtmlPart: 'This message has no HTML part.',
  noTextPart: 'This message has no text part.',
  htmlPartTitle: 'HTML part of the message',
  didYouMean: 'Did you mean',
  errorPages: {
    somethingWrong: 'Something went wrong',
    badRequest: 'Bad request',
    refused: 'Refused',
    refusedBecause: (reason) => `Refused: ${reason}.`,
    notFound: 'Not found',
    noPageHere: 'The preview has no page here.',
    methodNotAllowed: 'Method not allowed',
    useMethod: (methods) => `Use ${methods} here.`,
    noSuchNewsletter: 'No such newsletter',
    noNewsletterWithSlug: (slug) => `No newsletter has the slug "${slug}".`,
    noBuiltNewsletter: (slug) => `No built newsletter "${slug}". The list shows every newsletter the preview built.`,
    outputGone: (kind, slug) => `${kind === 'html' ? 'The HTML' : 'The text'} file of "${slug}" is gone from the output folder: save the article to build it again.`,
    inboxOff: 'The inbox is off',
    inboxOffMessage: 'This preview was started without the built-in SMTP inbox.',
    noSuchMessage: 'No such message',
    noSuchMessageText: 'The inbox keeps messages in memory only: it is emptied when the preview restarts, and the oldest go when it is full.',
    sendOnlyFromPreview: 'Test sends may only be started from the preview\'s own pages.',
    clearOnlyFromPreview: 'Only the preview\'s own pages may empty the inbox.',
  },
};

export const PREVIEW_TEXT: Readonly<Record<Locale, PreviewText>> = Object.freeze({ de: DE, en: EN });

export function previewText(locale: Locale): PreviewText {
  return PREVIEW_TEXT[locale];
}

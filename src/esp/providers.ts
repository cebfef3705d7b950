/**
 * What each email service provider (ESP) needs in an email it sends to a
 * list: its unsubscribe tag, its "view in browser" tag, and how a personal
 * field with a fallback is written. Every tag is copied into `out/` byte for
 * byte; the pages each syntax comes from are named next to it.
 */
export type EspProvider = 'none' | 'mailchimp' | 'brevo' | 'sendgrid' | 'postmark' | 'listmonk';

export const ESP_PROVIDERS: readonly EspProvider[] = ['none', 'mailchimp', 'brevo', 'sendgrid', 'postmark', 'listmonk'];

export interface EspSyntax {
  /** Shown in messages, e.g. "Mailchimp". */
  name: string;
  /** The unsubscribe link's address, as the ESP writes it. */
  unsubscribe: string;
  /** The web version's address ("view in browser"), or null where the ESP has none. */
  webVersion: string | null;
  /**
   * A personal field: the field's value, or `fallback` where the contact has
   * none. `fallback` is already written for its context (HTML-escaped in the
   * HTML part, as it is in the text part); it never holds `"`, `{`, `}`, `|`,
   * `*`, `<`, `>`, `%`, `[`, `]` or `\` (see `FALLBACK_REFUSED`).
   */
  field(name: string, fallback: string): string;
  /**
   * Bytes the ESP adds to the HTML when it sends (click-tracking redirects
   * around every link, open pixel, its own footer or header): added to the
   * measured size before Gmail's clipping limit is judged.
   */
  overheadBytes: number;
  /** What a field name in `esp.fields` must look like for this ESP, and an example. */
  fieldName: { pattern: RegExp; example: string };
}

/** Characters a fallback may not hold: they would end or change the tag around it in one ESP or another. */
/** A field name as `esp.fields` declares it and `[[field|fallback]]` uses it. */
export const PERSONAL_FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** What a UTM value may name: the article's slug and date, and the edition (an article's own slug). */
export const UTM_PLACEHOLDERS: readonly string[] = ['{slug}', '{date}', '{edition}'];

export const FALLBACK_REFUSED = /["{}|*<>%[\]\\`]/;

const SYNTAX: Readonly<Record<Exclude<EspProvider, 'none'>, EspSyntax>> = {
  mailchimp: {
    name: 'Mailchimp',
    // *|UNSUB|*: "automatically generates a link to your Mailchimp-hosted Unsubscribe form", used as <a href="*|UNSUB|*">
    // (http://kb.mailchimp.com/tag/unsubscribe). *|ARCHIVE|*: the campaign's "view in browser" page
    // (https://mailchimp.com/help/all-the-merge-tags-cheat-sheet/).
    unsubscribe: '*|UNSUB|*',
    webVersion: '*|ARCHIVE|*',
    // Merge tags are *|TAG|* (https://mailchimp.com/developer/marketing/docs/merge-fields/); IF/ELSE/END:IF blocks
    // show alternative content when a field is empty
    // (https://mandrill.zendesk.com/hc/en-us/articles/360039278713-About-Dynamic-and-Conditional-Merge-Tags).
    field: (name, fallback) => `*|IF:${name}|**|${name}|**|ELSE:|*${fallback}*|END:IF|*`,
    overheadBytes: 3000,
    // Merge tags are upper-case letters, digits and underscores, at most 10 characters.
    fieldName: { pattern: /^[A-Z][A-Z0-9_]{0,9}$/, example: 'FNAME' },
  },
  brevo: {
    name: 'Brevo',
    // {{ unsubscribe }} and {{ mirror }} ("View in browser" link), {{ contact.ATTRIBUTE }} for contact attributes
    // (https://help.sendinblue.com/hc/en-us/articles/360000946299-About-Sendinblue-Template-Language); the fallback
    // with the `default` filter (https://help.brevo.com/hc/pt/articles/360000946299).
    unsubscribe: '{{ unsubscribe }}',
    webVersion: '{{ mirror }}',
    field: (name, fallback) => `{{ contact.${name} | default : "${fallback}" }}`,
    overheadBytes: 2500,
    // Attributes are written in capitals (https://developers.brevo.com/reference/create-contact).
    fieldName: { pattern: /^[A-Z][A-Z0-9_]*$/, example: 'FIRSTNAME' },
  },
  sendgrid: {
    name: 'SendGrid',
    // Marketing Campaigns designs use Handlebars: the unsubscribe link is {{{unsubscribe}}} in SendGrid's own
    // unsubscribe module (https://Gist.github.com/CforED/84eabbd4582810f4182bb3ad2a84115c,
    // https://www.twilio.com/docs/sendgrid/ui/sending-email/substitution-and-section-tags.md); a field with a
    // fallback is {{ insert first_name "default=Customer" }}
    // (https://twilio.com/en-us/changelog/default-syntax-for-substitution-tags). There is no web-version tag.
    unsubscribe: '{{{unsubscribe}}}',
    webVersion: null,
    field: (name, fallback) => `{{ insert ${name} "default=${fallback}" }}`,
    overheadBytes: 3000,
    fieldName: { pattern: /^[a-z][a-z0-9_]*$/, example: 'first_name' },
  },
  postmark: {
    name: 'Postmark',
    // Broadcast streams take {{{ pm:unsubscribe }}} in the HTML and the text part
    // (https://postmarkapp.com/support/article/1208-how-to-add-an-unsubscribe-link). Templates are Mustachio:
    // a section {{#x}}…{{/x}} renders when x is set and an inverted one {{^x}}…{{/x}} when it is not
    // (https://postmarkapp.com/support/article/1077-template-syntax). There is no web-version tag.
    unsubscribe: '{{{ pm:unsubscribe }}}',
    webVersion: null,
    field: (name, fallback) => `{{#${name}}}{{ ${name} }}{{/${name}}}{{^${name}}}${fallback}{{/${name}}}`,
    overheadBytes: 1500,
    fieldName: { pattern: /^[A-Za-z_][A-Za-z0-9_.]*$/, example: 'first_name' },
  },
  listmonk: {
    name: 'listmonk',
    // {{ UnsubscribeURL }}, {{ MessageURL }} ("URL to view the hosted version of an e-mail message") and
    // {{ .Subscriber.FirstName }} / {{ .Subscriber.Attribs.city }}, with Sprig functions such as `default`
    // (https://listmonk.app/docs/templating, https://www.github.com/knadh/listmonk/blob/1817bba284d5894dc170aacb2fcc9af56a8ee497/docs/docs/content/templating.md).
    // The field name is the path after ".Subscriber.", e.g. "FirstName" or "Attribs.vorname".
    unsubscribe: '{{ UnsubscribeURL }}',
    webVersion: '{{ MessageURL }}',
    field: (name, fallback) => `{{ .Subscriber.${name} | default "${fallback}" }}`,
    overheadBytes: 1000,
    fieldName: { pattern: /^(?:[A-Z][A-Za-z]*|Attribs\.[A-Za-z_][A-Za-z0-9_]*)$/, example: 'Attribs.vorname' },
  },
};

/** The syntax of a provider; null for "none" (the email is sent as it is, by this tool or another). */
export function espSyntax(provider: EspProvider): EspSyntax | null {
  return provider === 'none' ? null : SYNTAX[provider];
}

/** Every provider's unsubscribe and web-version tags: hrefs that are addresses for the ESP to fill in, not links to check. */
const LINK_TAGS = new Set(Object.values(SYNTAX).flatMap((syntax) => [syntax.unsubscribe, ...(syntax.webVersion === null ? [] : [syntax.webVersion])]));

/** True when an href is exactly one ESP's unsubscribe or web-version tag. */
export function isEspLinkTag(href: string): boolean {
  return LINK_TAGS.has(href.trim());
}

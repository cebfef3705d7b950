import path from 'node:path';
import type { RuleId, RuleSetting } from '../findings/rule-ids.js';
import { espSyntax, type EspProvider } from '../esp/providers.js';
import { STRINGS, type Locale, type Strings } from '../i18n/strings.js';

/**
 * What a project may put in `newsletter.config.json`. Every key is optional;
 * the defaults below are the magazine's own. Secrets (SMTP credentials) never
 * go here: they come from the environment.
 */
export interface UserConfig {
  /** Name in the brand header, the sender name and the footer. @default "Business Punk" */
  brand?: string;
  /** Language of fixed strings and `<html lang>`. @default "de" */
  locale?: Locale;
  /** Sender of test sends, `Name <address>` or a bare address. @default "Business Punk <newsletter@example.com>" */
  from?: string;
  /** Unsubscribe page; shown in the footer and sent as `List-Unsubscribe`. @default "https://example.com/newsletter/abmelden" */
  unsubscribeUrl?: string;
  /** Base for "read on the web" links of articles that set no `url`; null for none. @default null */
  webBaseUrl?: string | null;
  /** Prefix for the subject of test sends, e.g. "[TEST]". @default "" */
  subjectPrefix?: string;
  /** Colours as #rrggbb. Defaults meet WCAG AA on their backgrounds. */
  colors?: Partial<Colors>;
  /** Colours of the dark-mode styles, as #rrggbb. Defaults meet WCAG AA on their backgrounds. */
  darkColors?: Partial<DarkColors>;
  /** Folders, relative to the project root. */
  paths?: Partial<Paths>;
  /** Email quality checks, run by `npm run check` and by every build. See docs/check.md. */
  checks?: ChecksConfig;
  /**
   * Where the build keeps its caches (what each article built to, compiled
   * layouts), relative to the project root. Nothing published goes here.
   * @default "node_modules/.cache/punk-newsletter"
   */
  cacheDir?: string;
  /** Articles larger than this many bytes are refused (a runaway file cannot stall the build). @default 1048576 (1 MB) */
  maxArticleBytes?: number;
  /**
   * Optional article blocks this project requires: an article without one
   * fails `npm run check` and the build (rules `content/check-box`,
   * `content/faq`, `inbox/preheader-missing`). Blocks not listed are optional
   * and their absence is not reported.
   * @default []
   * @example ["check", "faq", "preheader"]
   */
  require?: RequiredBlock[];
  /** The footer's imprint and social links, in the HTML and the plain text. */
  footer?: FooterConfig;
  /** A logo image in the header instead of the brand name as text. @default null (the brand name as text) */
  logo?: LogoConfig | null;
  /**
   * Fixed strings that differ from the locale's defaults (see `src/i18n/strings.ts`
   * for the names), e.g. `{"footerReason": "Du bekommst diese E-Mail, weil du …"}`.
   * @default {}
   */
  strings?: Partial<Omit<Strings, 'languageTag'>>;
  /** The email service provider the newsletter is sent with: `out/` then holds exactly what is uploaded to it. */
  esp?: EspConfig;
  /** UTM parameters appended to every http(s) link; null for none. @default null */
  utm?: UtmConfig | null;
}

export interface EspConfig {
  /**
   * Whose tags the email carries: its unsubscribe and web-version links and
   * personal fields. "none": plain links (`unsubscribeUrl`) and the fallback
   * text of every personal field.
   * @default "none"
   */
  provider?: EspProvider;
  /**
   * Personal fields editors may write as `[[name|fallback]]`: name → the ESP's
   * field, e.g. { "vorname": "FNAME" } for Mailchimp.
   * @default {}
   */
  fields?: Record<string, string>;
  /** Bytes the ESP adds when it sends (tracking links, its footer), counted before Gmail's clipping limit is judged. @default per provider, see README */
  overheadBytes?: number;
  /** The list (Mailchimp audience id, Brevo list id) `npm run esp-upload` addresses the draft to; null leaves it to choose in the ESP. @default null */
  listId?: string | null;
}

export interface UtmConfig {
  /** `utm_source`, e.g. "newsletter". Placeholders: {slug}, {date}, {edition}. */
  source: string;
  /** `utm_medium`, e.g. "email". */
  medium: string;
  /** `utm_campaign`, e.g. "{slug}". */
  campaign: string;
  /** `utm_content`, optional. */
  content?: string;
  /** `utm_term`, optional. */
  term?: string;
}

export interface ResolvedEsp {
  readonly provider: EspProvider;
  readonly fields: Readonly<Record<string, string>>;
  readonly overheadBytes: number;
  readonly listId: string | null;
}

/** Article blocks a project may require with `require`. */
export type RequiredBlock = 'check' | 'faq' | 'preheader';
export const REQUIRABLE_BLOCKS: readonly RequiredBlock[] = ['check', 'faq', 'preheader'];

export interface FooterConfig {
  /**
   * The imprint (Impressum), Markdown: publisher, address, register entry,
   * person responsible for the content. Shown above the unsubscribe link.
   * @default null
   */
  imprint?: string | null;
  /** Links to the brand's profiles, shown in a row in the footer. @default [] */
  social?: { name: string; url: string }[];
}

export interface LogoConfig {
  /** https:// address of the logo image (PNG or JPEG; SVG does not show in Gmail or Outlook). */
  src: string;
  /** Text shown where images are blocked and read by screen readers, usually the brand name. */
  alt: string;
  /** Width in pixels at which the logo is shown (up to 536). @default 200 */
  width?: number;
}

export interface ChecksConfig {
  /**
   * Severity per rule id, overriding the rule's default: "off", "info",
   * "warning" or "error". Errors fail the build and `npm run check`; warnings
   * fail `npm run check -- --strict`. `npm run check -- --rules` lists the ids.
   * @default {} (every rule at its default severity)
   * @example { "inbox/subject-length": "off", "content/check-box": "error" }
   */
  rules?: Partial<Record<RuleId, RuleSetting>>;
}

export interface Colors {
  /** Page background behind the 600 px column. @default "#efebe4" */
  page: string;
  /** Background of the content column. @default "#ffffff" */
  paper: string;
  /** Body text. @default "#1b1b1b" */
  text: string;
  /** Secondary text (byline, captions, footer on paper). @default "#5c5c5c" */
  muted: string;
  /** Brand header and footer background. @default "#111111" */
  brand: string;
  /** Text on the brand background. @default "#ffffff" */
  brandText: string;
  /** Kicker, links and accents on paper. @default "#c2185b" */
  accent: string;
  /** Background of the "Business Punk Check" box. @default "#ffe14d" */
  checkBackground: string;
  /** Text in the check box. @default "#111111" */
  checkText: string;
  /** Hairlines between sections. @default "#e3ddd2" */
  rule: string;
}

/**
 * The dark-mode palette: used by clients that honour `prefers-color-scheme`
 * (Apple Mail, iOS Mail, Outlook for Mac) and by Outlook.com's dark mode. The
 * brand header, footer and the check box keep their light colours.
 */
export interface DarkColors {
  /** Page background. @default "#0f0f0f" */
  page: string;
  /** Background of the content column. @default "#1c1b19" */
  paper: string;
  /** Body text and headings. @default "#ecebe8" */
  text: string;
  /** Secondary text (byline, captions, sources). @default "#b9b6b0" */
  muted: string;
  /** Kicker and links. @default "#ff8fbd" */
  accent: string;
  /** Hairlines between sections and around code and table cells. @default "#3d3a35" */
  rule: string;
  /** Background of the "read on the web" button. @default "#ecebe8" */
  button: string;
  /** Text of the button. @default "#111111" */
  buttonText: string;
  /** Frame of the check box, which the dark paper must set apart. @default colors.checkBackground */
  checkBorder: string;
}

export interface Paths {
  /** @default "articles" */
  articles: string;
  /** @default "templates" */
  templates: string;
  /** @default "out" */
  out: string;
  /** Edition files (`<name>.md`: several stories in one newsletter); built into `<out>/editions/`. @default "editions" */
  editions: string;
}

export interface ResolvedConfig {
  readonly root: string;
  /** The config file that was read, or null when defaults were used. */
  readonly configFile: string | null;
  readonly brand: string;
  readonly locale: Locale;
  readonly from: string;
  readonly unsubscribeUrl: string;
  readonly webBaseUrl: string | null;
  readonly subjectPrefix: string;
  readonly colors: Readonly<Colors>;
  readonly darkColors: Readonly<DarkColors>;
  /** Absolute paths. */
  readonly paths: Readonly<Paths>;
  /** Only the overrides: a rule not named here keeps its default severity. */
  readonly checks: { readonly rules: Readonly<Partial<Record<RuleId, RuleSetting>>> };
  /** Absolute path of the cache folder. */
  readonly cacheDir: string;
  readonly maxArticleBytes: number;
  readonly esp: ResolvedEsp;
  readonly utm: Readonly<UtmConfig> | null;
  readonly require: readonly RequiredBlock[];
  readonly footer: { readonly imprint: string | null; readonly social: readonly { readonly name: string; readonly url: string }[] };
  readonly logo: Readonly<Required<LogoConfig>> | null;
  /** The locale's strings with the project's `strings` overrides. */
  readonly strings: Readonly<Strings>;
}

export const CONFIG_FILE_NAME = 'newsletter.config.json';

export const DEFAULT_COLORS: Readonly<Colors> = Object.freeze({
  page: '#efebe4',
  paper: '#ffffff',
  text: '#1b1b1b',
  muted: '#5c5c5c',
  brand: '#111111',
  brandText: '#ffffff',
  accent: '#c2185b',
  checkBackground: '#ffe14d',
  checkText: '#111111',
  rule: '#e3ddd2',
});

export const DEFAULT_DARK_COLORS: Readonly<DarkColors> = Object.freeze({
  page: '#0f0f0f',
  paper: '#1c1b19',
  text: '#ecebe8',
  muted: '#b9b6b0',
  accent: '#ff8fbd',
  rule: '#3d3a35',
  button: '#ecebe8',
  buttonText: '#111111',
  checkBorder: DEFAULT_COLORS.checkBackground,
});

export const DEFAULT_CONFIG = Object.freeze({
  brand: 'Business Punk',
  locale: 'de' as Locale,
  from: 'Business Punk <newsletter@example.com>',
  unsubscribeUrl: 'https://example.com/newsletter/abmelden',
  webBaseUrl: null,
  subjectPrefix: '',
  paths: Object.freeze({ articles: 'articles', templates: 'templates', out: 'out', editions: 'editions' }),
  cacheDir: 'node_modules/.cache/punk-newsletter',
  maxArticleBytes: 1024 * 1024,
  logoWidth: 200,
});

/** Fill in defaults and make paths absolute. Pure: reads nothing from disk. */
export function resolveConfig(user: UserConfig, root: string, configFile: string | null = null): ResolvedConfig {
  const absoluteRoot = path.resolve(root);
  const paths = { ...DEFAULT_CONFIG.paths, ...user.paths };
  const colors = Object.freeze({ ...DEFAULT_COLORS, ...user.colors });
  return Object.freeze({
    root: absoluteRoot,
    configFile,
    brand: user.brand ?? DEFAULT_CONFIG.brand,
    locale: user.locale ?? DEFAULT_CONFIG.locale,
    from: user.from ?? DEFAULT_CONFIG.from,
    unsubscribeUrl: user.unsubscribeUrl ?? DEFAULT_CONFIG.unsubscribeUrl,
    webBaseUrl: user.webBaseUrl ?? DEFAULT_CONFIG.webBaseUrl,
    subjectPrefix: user.subjectPrefix ?? DEFAULT_CONFIG.subjectPrefix,
    colors,
    // The check box keeps its light colours in dark mode: by default its frame is its own background colour.
    darkColors: Object.freeze({ ...DEFAULT_DARK_COLORS, checkBorder: colors.checkBackground, ...user.darkColors }),
    paths: Object.freeze({
      articles: path.resolve(absoluteRoot, paths.articles),
      templates: path.resolve(absoluteRoot, paths.templates),
      out: path.resolve(absoluteRoot, paths.out),
      editions: path.resolve(absoluteRoot, paths.editions),
    }),
    checks: Object.freeze({ rules: Object.freeze({ ...user.checks?.rules }) }),
    cacheDir: path.resolve(absoluteRoot, user.cacheDir ?? DEFAULT_CONFIG.cacheDir),
    maxArticleBytes: user.maxArticleBytes ?? DEFAULT_CONFIG.maxArticleBytes,
    require: Object.freeze(REQUIRABLE_BLOCKS.filter((block) => user.require?.includes(block))),
    footer: Object.freeze({ imprint: user.footer?.imprint ?? null, social: Object.freeze((user.footer?.social ?? []).map((link) => Object.freeze({ ...link }))) }),
    logo: user.logo ? Object.freeze({ ...user.logo, width: user.logo.width ?? DEFAULT_CONFIG.logoWidth }) : null,
    strings: Object.freeze({ ...STRINGS[user.locale ?? DEFAULT_CONFIG.locale], ...user.strings }),
    esp: resolveEsp(user.esp),
    utm: user.utm ? Object.freeze({ ...user.utm }) : null,
  });
}

function resolveEsp(esp: EspConfig | undefined): ResolvedEsp {
  const provider = esp?.provider ?? 'none';
  return Object.freeze({
    provider,
    fields: Object.freeze({ ...esp?.fields }),
    overheadBytes: esp?.overheadBytes ?? espSyntax(provider)?.overheadBytes ?? 0,
    listId: esp?.listId ?? null,
  });
}

/**
 * The config test sends and the preview build with: no ESP tags (personal
 * fields show their fallback, links are `unsubscribeUrl`), written to a
 * folder of their own under the cache so that `out/` keeps what is uploaded.
 * With provider "none" the config itself.
 */
export function testSendConfig(config: ResolvedConfig): ResolvedConfig {
  if (config.esp.provider === 'none') return config;
  return Object.freeze({
    ...config,
    esp: Object.freeze({ ...config.esp, provider: 'none' as const }),
    paths: Object.freeze({ ...config.paths, out: path.join(config.cacheDir, 'test-sends') }),
  });
}

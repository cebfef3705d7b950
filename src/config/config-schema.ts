import * as z from 'zod';
import { RULE_IDS, RULE_SETTINGS, type RuleId, type RuleSetting } from '../findings/rule-ids.js';
import { ESP_PROVIDERS, espSyntax, isEspLinkTag, PERSONAL_FIELD_NAME, UTM_PLACEHOLDERS, type EspProvider } from '../esp/providers.js';
import { unsafeTextReason, unsafeUrlReason } from '../unsafe-characters.js';
import { OVERRIDABLE_STRINGS } from '../i18n/strings.js';
import { DEFAULT_COLORS, DEFAULT_DARK_COLORS, REQUIRABLE_BLOCKS, type Colors, type DarkColors, type RequiredBlock } from './config.js';

// The config file's schema lives apart from config.ts so that a build without
// a config file (or one with nothing to rebuild) never loads zod.

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour as #rrggbb, e.g. "#c2185b"' });
/** Refuse what the URL parser would drop silently (line breaks, tabs) while the raw text is what the email uses. */
const httpsUrl = z
  .string({ error: 'must be an absolute https:// URL' })
  .superRefine((value, context) => {
    const reason = unsafeUrlReason(value);
    if (reason !== undefined) context.addIssue({ code: 'custom', message: reason, input: value });
  })
  .pipe(z.url({ protocol: /^https$/, error: 'must be an absolute https:// URL' }));
/** The unsubscribe page: an ESP's tag is chosen by "esp.provider", while this page serves test sends and provider "none". */
const unsubscribeUrl = z.string({ error: 'must be an absolute https:// URL' }).superRefine((value, context) => {
  const message = isEspLinkTag(value)
    ? 'is an ESP tag, not a page: set "esp": { "provider": … } and the footer uses that ESP\'s unsubscribe tag by itself; keep an https:// page here for test sends'
    : httpsUrl.safeParse(value).error?.issues[0]?.message;
  if (message !== undefined) context.addIssue({ code: 'custom', message, input: value });
});
/** Text that ends up in one line of the email or its headers: no control characters or bidi controls. */
const oneLine = (schema: z.ZodString) =>
  schema.superRefine((value, context) => {
    const reason = unsafeTextReason(value);
    if (reason !== undefined) context.addIssue({ code: 'custom', message: reason, input: value });
  });
const text = (what: string) => oneLine(z.string({ error: `must be text (${what})` }).trim().min(1, { error: `is empty: write the ${what} or remove the key` }));
const requiredBlock = z.enum(REQUIRABLE_BLOCKS as [RequiredBlock, ...RequiredBlock[]], { error: `must be one of ${REQUIRABLE_BLOCKS.map((block) => `"${block}"`).join(', ')}` });
const ruleSetting = z.enum(RULE_SETTINGS as [RuleSetting, ...RuleSetting[]], { error: 'must be "off", "info", "warning" or "error"' });

/** A UTM value: one line, with only the known placeholders. */
const utmValue = oneLine(z.string({ error: 'must be text, e.g. "newsletter"' }).trim().min(1, { error: 'is empty: write a value or remove the key' })).superRefine((value, context) => {
  for (const [placeholder] of value.matchAll(/\{[^{}]*\}/g)) {
    if (!UTM_PLACEHOLDERS.includes(placeholder)) {
      context.addIssue({ code: 'custom', message: `uses the unknown placeholder ${placeholder}: the placeholders are ${UTM_PLACEHOLDERS.join(', ')}`, input: value });
    }
  }
});

const esp = z
  .strictObject({
    provider: z.enum(ESP_PROVIDERS as [EspProvider, ...EspProvider[]], { error: `must be one of ${ESP_PROVIDERS.map((name) => `"${name}"`).join(', ')}` }).optional(),
    fields: z
      .record(
        z.string(),
        oneLine(z.string({ error: 'must be the ESP\'s field name as text, e.g. "FNAME"' }).trim().min(1, { error: 'is empty: write the ESP\'s field name' })),
        { error: 'must be a mapping of field names, e.g. { "vorname": "FNAME" }' },
      )
      .optional(),
    overheadBytes: z.number({ error: 'must be a number of bytes, e.g. 3000' }).int({ error: 'must be a whole number of bytes' }).min(0, { error: 'must be 0 or more bytes' }).optional(),
    listId: oneLine(z.string({ error: 'must be the list id as text, e.g. "a1b2c3d4e5" or "7"' }).trim().min(1, { error: 'is empty: write the list id or remove the key' })).nullable().optional(),
  })
  .superRefine((value, context) => {
    const syntax = espSyntax(value.provider ?? 'none');
    for (const [name, field] of Object.entries(value.fields ?? {})) {
      if (!PERSONAL_FIELD_NAME.test(name)) {
        context.addIssue({ code: 'custom', path: ['fields', name], message: `"${name}" is not a name editors can write in [[name|fallback]]: use letters, digits and "_", starting with a letter, e.g. "vorname"`, input: name });
      } else if (syntax && !syntax.fieldName.pattern.test(field)) {
        context.addIssue({ code: 'custom', path: ['fields', name], message: `"${field}" is not a ${syntax.name} field name: write it as ${syntax.name} does, e.g. "${syntax.fieldName.example}"`, input: field });
      }
    }
  });

/** Schema of the config file; `strictObject` so typos are reported with a suggestion. */
export const userConfigSchema = z.strictObject({
  brand: oneLine(z.string().trim().min(1)).optional(),
  locale: z.enum(['de', 'en'], { error: 'must be "de" or "en"' }).optional(),
  from: oneLine(z.string().trim().min(3)).optional(),
  unsubscribeUrl: unsubscribeUrl.optional(),
  webBaseUrl: httpsUrl.nullable().optional(),
  subjectPrefix: oneLine(z.string()).optional(),
  colors: z
    .strictObject(Object.fromEntries(Object.keys(DEFAULT_COLORS).map((key) => [key, hexColor.optional()])) as Record<keyof Colors, z.ZodOptional<typeof hexColor>>)
    .optional(),
  darkColors: z
    .strictObject(Object.fromEntries(Object.keys(DEFAULT_DARK_COLORS).map((key) => [key, hexColor.optional()])) as Record<keyof DarkColors, z.ZodOptional<typeof hexColor>>)
    .optional(),
  paths: z
    .strictObject({ articles: z.string().min(1).optional(), templates: z.string().min(1).optional(), out: z.string().min(1).optional(), editions: z.string().min(1).optional() })
    .optional(),
  cacheDir: oneLine(z.string({ error: 'must be a folder as text, e.g. ".cache/newsletter"' }).min(1, { error: 'is empty: name a folder or remove the key' })).optional(),
  maxArticleBytes: z
    .number({ error: 'must be a number of bytes, e.g. 1048576 (1 MB)' })
    .int({ error: 'must be a whole number of bytes' })
    .min(1024, { error: 'must be at least 1024 bytes' })
    .optional(),
  esp: esp.optional(),
  utm: z
    .strictObject({ source: utmValue, medium: utmValue, campaign: utmValue, content: utmValue.optional(), term: utmValue.optional() }, { error: 'must be a mapping like { "source": "newsletter", "medium": "email", "campaign": "{slug}" }, or null' })
    .nullable()
    .optional(),
  require: z.array(requiredBlock, { error: `must be a list of blocks, e.g. ["check", "faq", "preheader"]` }).optional(),
  footer: z
    .strictObject(
      {
        imprint: z.string({ error: 'must be the imprint as Markdown text' }).trim().min(1, { error: 'is empty: write the imprint or remove the key' }).nullable().optional(),
        social: z.array(z.strictObject({ name: text('name of the profile, e.g. "LinkedIn"'), url: httpsUrl }, { error: 'must be a link as {"name": …, "url": "https://…"}' }), { error: 'must be a list of {"name": …, "url": "https://…"}' }).optional(),
      },
      { error: 'must be {"imprint": "…", "social": […]}' },
    )
    .optional(),
  logo: z
    .strictObject(
      {
        src: httpsUrl,
        alt: text('text for blocked images and screen readers, usually the brand name'),
        width: z.number({ error: 'must be a number of pixels, e.g. 200' }).int({ error: 'must be a whole number of pixels' }).min(16, { error: 'must be at least 16 pixels' }).max(536, { error: 'must be at most 536 pixels (the column)' }).optional(),
      },
      { error: 'must be {"src": "https://…", "alt": "…", "width": 200}, or null for the brand name as text' },
    )
    .nullable()
    .optional(),
  strings: z.strictObject(Object.fromEntries(OVERRIDABLE_STRINGS.map((name) => [name, text('text').optional()])) as Record<(typeof OVERRIDABLE_STRINGS)[number], z.ZodOptional<z.ZodString>>).optional(),
  checks: z
    .strictObject({
      rules: z.strictObject(Object.fromEntries(RULE_IDS.map((id) => [id, ruleSetting.optional()])) as Record<RuleId, z.ZodOptional<typeof ruleSetting>>).optional(),
    })
    .optional(),
});

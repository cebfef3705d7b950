import { z } from 'zod';
import { RULE_IDS, RULE_SETTINGS, type RuleId, type RuleSetting } from '../check/rule-ids.js';
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
/** Text that ends up in one line of the email or its headers: no control characters or bidi controls. */
const oneLine = (schema: z.ZodString) =>
  schema.superRefine((value, context) => {
    const reason = unsafeTextReason(value);
    if (reason !== undefined) context.addIssue({ code: 'custom', message: reason, input: value });
  });
const text = (what: string) => oneLine(z.string({ error: `must be text (${what})` }).trim().min(1, { error: `is empty: write the ${what} or remove the key` }));
const requiredBlock = z.enum(REQUIRABLE_BLOCKS as [RequiredBlock, ...RequiredBlock[]], { error: `must be one of ${REQUIRABLE_BLOCKS.map((block) => `"${block}"`).join(', ')}` });
const ruleSetting = z.enum(RULE_SETTINGS as [RuleSetting, ...RuleSetting[]], { error: 'must be "off", "info", "warning" or "error"' });

/** Schema of the config file; `strictObject` so typos are reported with a suggestion. */
export const userConfigSchema = z.strictObject({
  brand: oneLine(z.string().trim().min(1)).optional(),
  locale: z.enum(['de', 'en'], { error: 'must be "de" or "en"' }).optional(),
  from: oneLine(z.string().trim().min(3)).optional(),
  unsubscribeUrl: httpsUrl.optional(),
  webBaseUrl: httpsUrl.nullable().optional(),
  subjectPrefix: oneLine(z.string()).optional(),
  colors: z
    .strictObject(Object.fromEntries(Object.keys(DEFAULT_COLORS).map((key) => [key, hexColor.optional()])) as Record<keyof Colors, z.ZodOptional<typeof hexColor>>)
    .optional(),
  darkColors: z
    .strictObject(Object.fromEntries(Object.keys(DEFAULT_DARK_COLORS).map((key) => [key, hexColor.optional()])) as Record<keyof DarkColors, z.ZodOptional<typeof hexColor>>)
    .optional(),
  paths: z
    .strictObject({ articles: z.string().min(1).optional(), templates: z.string().min(1).optional(), out: z.string().min(1).optional() })
    .optional(),
  cacheDir: oneLine(z.string({ error: 'must be a folder as text, e.g. ".cache/newsletter"' }).min(1, { error: 'is empty: name a folder or remove the key' })).optional(),
  maxArticleBytes: z
    .number({ error: 'must be a number of bytes, e.g. 1048576 (1 MB)' })
    .int({ error: 'must be a whole number of bytes' })
    .min(1024, { error: 'must be at least 1024 bytes' })
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

import { z } from 'zod';
import { RULE_IDS, RULE_SETTINGS, type RuleId, type RuleSetting } from '../check/rule-ids.js';
import { DEFAULT_COLORS, DEFAULT_DARK_COLORS, type Colors, type DarkColors } from './config.js';

// The config file's schema lives apart from config.ts so that a build without
// a config file (or one with nothing to rebuild) never loads zod.

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour as #rrggbb, e.g. "#c2185b"' });
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an absolute https:// URL' });
const ruleSetting = z.enum(RULE_SETTINGS as [RuleSetting, ...RuleSetting[]], { error: 'must be "off", "info", "warning" or "error"' });

/** Schema of the config file; `strictObject` so typos are reported with a suggestion. */
export const userConfigSchema = z.strictObject({
  brand: z.string().trim().min(1).optional(),
  locale: z.enum(['de', 'en'], { error: 'must be "de" or "en"' }).optional(),
  from: z.string().trim().min(3).optional(),
  unsubscribeUrl: httpsUrl.optional(),
  webBaseUrl: httpsUrl.nullable().optional(),
  subjectPrefix: z.string().optional(),
  colors: z
    .strictObject(Object.fromEntries(Object.keys(DEFAULT_COLORS).map((key) => [key, hexColor.optional()])) as Record<keyof Colors, z.ZodOptional<typeof hexColor>>)
    .optional(),
  darkColors: z
    .strictObject(Object.fromEntries(Object.keys(DEFAULT_DARK_COLORS).map((key) => [key, hexColor.optional()])) as Record<keyof DarkColors, z.ZodOptional<typeof hexColor>>)
    .optional(),
  paths: z
    .strictObject({ articles: z.string().min(1).optional(), templates: z.string().min(1).optional(), out: z.string().min(1).optional() })
    .optional(),
  checks: z
    .strictObject({
      rules: z.strictObject(Object.fromEntries(RULE_IDS.map((id) => [id, ruleSetting.optional()])) as Record<RuleId, z.ZodOptional<typeof ruleSetting>>).optional(),
    })
    .optional(),
});

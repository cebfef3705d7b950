/**
 * Every rule id, in report order. Kept apart from the rules themselves so the
 * config can validate `checks.rules` without loading an HTML parser; the
 * registry in `rules/index.ts` is typed so that each id has exactly one rule.
 */
export const RULE_IDS = [
  'size/gmail-clip',
  'size/gmail-clip-risk',
  'links/absolute',
  'links/private-host',
  'links/insecure-http',
  'links/empty-href',
  'links/mailto',
  'links/in-text',
  'links/unreachable',
  'images/alt',
  'images/https',
  'images/width',
  'a11y/lang',
  'a11y/one-h1',
  'a11y/heading-order',
  'a11y/link-text',
  'a11y/contrast',
  'a11y/layout-table-role',
  'inbox/subject-length',
  'inbox/preheader-missing',
  'inbox/preheader-repeat',
  'inbox/preheader-length',
  'clients/unsupported-feature',
  'content/check-box',
  'content/faq',
  'content/faq-answer',
  'content/empty-body',
  'content/sources',
  'web/structured-data',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a project may set per rule in `checks.rules`. */
export type RuleSetting = Severity | 'off';
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', ...SEVERITIES];

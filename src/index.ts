// Public API: everything a library user (or the CLIs) may call.
export { build, type BuildOptions, type BuildResult, type ArticleResult, type BuiltNewsletter, type FastPathSummary } from './build.js';
export {
  resolveConfig,
  testSendConfig,
  DEFAULT_CONFIG,
  DEFAULT_COLORS,
  DEFAULT_DARK_COLORS,
  CONFIG_FILE_NAME,
  type UserConfig,
  type ResolvedConfig,
  type Colors,
  type DarkColors,
  type EspConfig,
  type UtmConfig,
  type ResolvedEsp,
} from './config/config.js';
export { loadConfig } from './io/load-config.js';
export { parseUserConfig } from './config/parse-user-config.js';
export { userConfigSchema } from './config/config-schema.js';
export { STRINGS, stringsFor, type Locale, type Strings } from './i18n/strings.js';
export * from './errors.js';
export { parseFrontmatter, type ParsedFrontmatter } from './pipeline/parse-frontmatter.js';
export { validateArticle, articleSchema, type Article } from './pipeline/validate-article.js';
export { validateImages } from './pipeline/validate-images.js';
export { renderMarkdown } from './pipeline/render-markdown.js';
export { renderView, type NewsletterView } from './pipeline/render-view.js';
export { hyphenateView, hyphenateHtml, hyphenateText, type WordHyphenator } from './pipeline/hyphenate.js';
export { loadHyphenator } from './pipeline/load-hyphenator.js';
export { compileTemplates, type CompiledTemplates, type TemplateSources } from './pipeline/compile-templates.js';
export { compileMjml } from './pipeline/compile-mjml.js';
export { renderText } from './pipeline/render-text.js';
export { readArticle, renderNewsletter, emailView, slugFromFile, type ArticleSource, type RenderedNewsletter } from './pipeline/build-article.js';
export { loadTemplateSources } from './io/load-templates.js';
export { watchProject, type ProjectChange } from './io/watch-project.js';
export { watchProjectSettled } from './io/watch-settled.js';
export { sendTest, RecipientsRejectedError, type SendTestOptions, type SendTestResult } from './send/send-test.js';
export { ESP_PROVIDERS, espSyntax, isEspLinkTag, UTM_PLACEHOLDERS, type EspProvider, type EspSyntax } from './esp/providers.js';
export { findPersonalFields, personaliseText, renderEspText, prepareEspRender, checkPersonalFields, espViewLinks, type PersonalField, type TagTable, type EspRender } from './pipeline/personalise.js';
export { addUtm, addUtmToUrl, utmParameters } from './pipeline/utm.js';
export { espUpload, uploadApi, uploadDraft, type EspUploadOptions, type EspUploadResult } from './esp-upload.js';
export type { DraftCampaign, UploadedDraft, EspApi } from './esp/upload.js';
export { checkProject, type CheckOptions, type CheckReport } from './check-project.js';
export { runChecks } from './check/run-checks.js';
export { RULES, ruleById } from './check/rules/index.js';
export { RULE_IDS, type RuleId, type RuleSetting, type Severity } from './findings/rule-ids.js';
export { dedupeFindings, sortFindings, summarize, failsCheck, type CheckSummary } from './check/report.js';
export type { CheckInput, CheckFinding, Finding, Rule, OfflineRule, OnlineRule } from './check/types.js';
export { probeLinks, type ProbeOptions, type ProbeResult } from './io/probe-links.js';

// Public API: everything a library user (or the CLIs) may call.
export { build, type BuildOptions, type BuildResult, type ArticleResult } from './build.js';
export { resolveConfig, DEFAULT_CONFIG, DEFAULT_COLORS, CONFIG_FILE_NAME, type UserConfig, type ResolvedConfig, type Colors } from './config/config.js';
export { loadConfig, parseUserConfig } from './io/load-config.js';
export { STRINGS, stringsFor, type Locale, type Strings } from './i18n/strings.js';
export * from './errors.js';
export { parseFrontmatter, type ParsedFrontmatter } from './pipeline/parse-frontmatter.js';
export { validateArticle, articleSchema, type Article } from './pipeline/validate-article.js';
export { renderMarkdown } from './pipeline/render-markdown.js';
export { renderView, type NewsletterView } from './pipeline/render-view.js';
export { compileTemplates, type CompiledTemplates, type TemplateSources } from './pipeline/compile-templates.js';
export { compileMjml } from './pipeline/compile-mjml.js';
export { renderText } from './pipeline/render-text.js';
export { readArticle, renderNewsletter, buildArticle, slugFromFile, type ArticleSource, type RenderedNewsletter } from './pipeline/build-article.js';
export { loadTemplateSources } from './io/load-templates.js';
export { watchProject, type ProjectChange } from './io/watch-project.js';
export { sendTest, RecipientsRejectedError, type SendTestOptions, type SendTestResult } from './send/send-test.js';

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from './build.js';
import { splitNamedFiles } from './build/build-editions.js';
import { parseEdition } from './edition/parse-edition.js';
import type { ResolvedConfig } from './config/config.js';
import { SendError } from './errors.js';
import { loadArticle } from './io/load-articles.js';
import { readArticle } from './pipeline/build-article.js';
import { parseSender } from './send/addresses.js';
import { loadEnvFile } from './send/load-env-file.js';
import { resolveArticle } from './send/resolve-article.js';
import { renderEspText } from './pipeline/personalise.js';
import { espSyntax } from './esp/providers.js';
import type { DraftCampaign, EspApi, UploadedDraft } from './esp/upload.js';
import { BREVO_API_URL, uploadBrevoDraft } from './esp/upload-brevo.js';
import { mailchimpApiUrl, uploadMailchimpDraft } from './esp/upload-mailchimp.js';

export interface EspUploadOptions {
  config: ResolvedConfig;
  /** A slug, an article path like `articles/x.md` or an edition path like `editions/x.md`. */
  target: string;
  /** `BREVO_API_KEY`, `BREVO_API_URL`, `MAILCHIMP_API_KEY`, `MAILCHIMP_API_URL`. @default process.env over the project's `.env` */
  env?: Record<string, string | undefined>;
  /** Milliseconds per HTTP request. @default 30000 */
  timeoutMs?: number;
  /** Called as each step starts ("building", "uploading"), for a progress line. */
  onProgress?: (step: 'building' | 'uploading') => void;
}

export interface EspUploadResult extends UploadedDraft {
  slug: string;
  subject: string;
}

/** The providers esp-upload creates drafts for. */
export const UPLOAD_PROVIDERS = ['brevo', 'mailchimp'] as const;

/**
 * Build one newsletter (an article or an edition) and create a draft
 * campaign of it at the config's ESP. Steps:
 *   1. provider and API key (fail fast, before building)
 *   2. resolve the slug or path, build it as build-newsletter does (out/ holds what is uploaded)
 *   3. the draft: subject, preheader (with ESP tags), sender, exactly the out/ files
 *   4. upload it (`uploadDraft`)
 * Throws `SendError` (one line, never the key) or the build's own error.
 */
export async function espUpload(options: EspUploadOptions): Promise<EspUploadResult> {
  const { config } = options;
  const env = options.env ?? { ...(await loadEnvFile(config.root)), ...process.env };

  // 1. Settings first: a missing key should not wait for a build.
  const api = uploadApi(config, env, options.timeoutMs);

  // 2. The same build as `build-newsletter articles/x.md --drafts`.
  const named = splitNamedFiles([options.target], config);
  if (named.editions.length > 0) return uploadEdition(options, api, named.editions[0] as string);
  const file = await resolveArticle(config, options.target);
  options.onProgress?.('building');
  const built = await build({ config, files: [path.relative(config.root, file)], drafts: true });
  const result = built.articles[0];
  if (result === undefined) throw new SendError(`${options.target}: nothing was built: name one article`);
  if (result.status === 'failed') throw result.error;
  if (result.status === 'draft-skipped') throw new SendError(`${result.file}: skipped as a draft: this is a bug, please report it`);

  // 3. and 4.: the subject and preheader the build reports; the HTML and text exactly as written to out/.
  return uploadBuilt(options, api, { ...result, preheader: renderEspText(result.preheader, config.esp) });
}

/** Steps 3 and 4 for a built newsletter: the draft from its out/ files, uploaded. */
async function uploadBuilt(
  options: EspUploadOptions,
  api: EspApi,
  built: { slug: string; date: string; subject: string; preheader: string; htmlFile: string; textFile: string },
): Promise<EspUploadResult> {
  const { config } = options;
  const [html, text] = await Promise.all([readFile(built.htmlFile, 'utf8'), readFile(built.textFile, 'utf8')]);
  const draft: DraftCampaign = {
    name: `${built.slug} (${built.date})`,
    subject: built.subject,
    preheader: built.preheader,
    from: parseSender(config.from, 'config "from"', config.brand),
    html,
    text,
    listId: config.esp.listId,
  };
  options.onProgress?.('uploading');
  const uploaded = await uploadDraft(config, api, draft);
  return { ...uploaded, slug: built.slug, subject: draft.subject };
}

/**
 * An edition (`editions/x.md`): built as `build-newsletter editions/x.md
 * --drafts` does; the draft gets the edition's subject and preheader with
 * the ESP's tags for their personal fields, and exactly the out/ files.
 */
async function uploadEdition(options: EspUploadOptions, api: EspApi, file: string): Promise<EspUploadResult> {
  const { config } = options;
  options.onProgress?.('building');
  const built = await build({ config, files: [path.relative(config.root, file)], drafts: true });
  const result = built.editions?.[0];
  if (result === undefined) throw new SendError(`${options.target}: nothing was built: name one edition`);
  if (result.status === 'failed') throw result.error;
  if (result.status === 'draft-skipped') throw new SendError(`${result.file}: skipped as a draft: this is a bug, please report it`);
  const edition = parseEdition({ file: result.file, source: await readFile(file, 'utf8') });
  const first = result.stories[0];
  const preheader = edition.preheader ?? (first ? readArticle(await loadArticle(path.join(config.root, first.file), config.root)).teaser : edition.subject);
  return uploadBuilt(options, api, {
    slug: edition.slug,
    date: edition.date,
    subject: renderEspText(edition.subject, config.esp),
    preheader: renderEspText(preheader, config.esp),
    htmlFile: result.htmlFile,
    textFile: result.textFile,
  });
}

/** The ESP's API for the config's provider, from the environment; one line when the provider or key is missing. */
export function uploadApi(config: ResolvedConfig, env: Record<string, string | undefined>, timeoutMs?: number): EspApi {
  const provider = config.esp.provider;
  if (provider !== 'brevo' && provider !== 'mailchimp') {
    const what = provider === 'none' ? 'no ESP is set' : `"${espSyntax(provider)?.name ?? provider}" has no draft upload here`;
    throw new SendError(`esp-upload creates drafts in Brevo and Mailchimp, and ${what}: set "esp": { "provider": "brevo" } or "mailchimp" in newsletter.config.json${provider === 'none' ? '' : `, or paste out/<slug>.html into ${espSyntax(provider)?.name ?? provider} yourself`}`);
  }
  const variable = provider === 'brevo' ? 'BREVO_API_KEY' : 'MAILCHIMP_API_KEY';
  const key = env[variable]?.trim() ?? '';
  if (key === '') throw new SendError(`${variable} is not set: put it in the environment or in .env in the project root (never in newsletter.config.json)`);
  const override = env[provider === 'brevo' ? 'BREVO_API_URL' : 'MAILCHIMP_API_URL']?.trim();
  const baseUrl = (override || (provider === 'brevo' ? BREVO_API_URL : mailchimpApiUrl(key))).replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(baseUrl)) throw new SendError(`${provider === 'brevo' ? 'BREVO_API_URL' : 'MAILCHIMP_API_URL'} must be an http(s):// address, e.g. ${provider === 'brevo' ? BREVO_API_URL : 'https://us21.api.mailchimp.com/3.0'}`);
  return { key, baseUrl, timeoutMs };
}

/**
 * Create a draft campaign at the config's ESP (Brevo or Mailchimp). Never
 * sends or schedules it. For articles and editions alike: the caller builds
 * the parts.
 */
export async function uploadDraft(config: ResolvedConfig, api: EspApi, draft: DraftCampaign): Promise<UploadedDraft> {
  if (config.esp.provider === 'brevo') return uploadBrevoDraft(api, draft, { webVersion: espSyntax('brevo')?.webVersion !== null });
  if (config.esp.provider === 'mailchimp') return uploadMailchimpDraft(api, draft);
  throw new SendError(`esp-upload creates drafts in Brevo and Mailchimp only, not for provider "${config.esp.provider}"`);
}

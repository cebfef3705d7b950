import { MjmlError } from '../errors.js';
import type { TemplateSpan } from './compile-templates.js';
import { JUICE_OPTIONS } from './load-juice.js';

import type mjml2htmlFunction from 'mjml';

type Mjml2Html = typeof mjml2htmlFunction;
let mjml2html: Promise<Mjml2Html> | undefined;

/** MJML takes most of a second to load: load it only when something is compiled. */
function loadMjml(): Promise<Mjml2Html> {
  mjml2html ??= import('mjml').then((module) => module.default);
  return mjml2html;
}

const MJML_OPTIONS = {
  validationLevel: 'strict',
  keepComments: false,
  minify: false,
  beautify: false,
  fonts: {}, // no web-font <link>s: the templates use system font stacks
  ignoreIncludes: true, // partials come from Handlebars, never from mj-include
  juiceOptions: JUICE_OPTIONS, // the fast path inlines with the same options (load-juice.ts)
} as const;

/**
 * MJML → email HTML. Strict validation: a template mistake fails the build
 * with the name of the template whose output holds the offending line.
 */
export async function compileMjml(mjml: string, spans: readonly TemplateSpan[] = [], fallbackFile?: string): Promise<string> {
  const compile = await loadMjml();
  try {
    const result = await compile(mjml, MJML_OPTIONS);
    return hidePreviewFromOutlook(result.html);
  } catch (error) {
    const details = (error as { errors?: { line: number; message: string; tagName: string }[] }).errors;
    if (!Array.isArray(details)) throw error;
    const problems = details.map((detail) => {
      const { file, line } = locateMjmlLine(mjml, detail.line, spans);
      return { file: file ?? fallbackFile, line, message: `invalid MJML <${detail.tagName}>: ${detail.message} (fix the template; MJML line ${detail.line})` };
    });
    const first = problems[0];
    throw new MjmlError(first?.message ?? 'invalid MJML', { file: first?.file, line: first?.line, problems, cause: error });
  }
}

/** The hidden preview text as mjml-core 5 writes it (mjml-core/lib/helpers/preview.js). */
const MJML_PREVIEW_DIV = '<div style="display:none;font-size:1px;color:#ffffff;line-height:1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;">';

/**
 * MJML hides the `<mj-preview>` text with `display:none`, which Outlook for
 * Windows ignores: without `mso-hide:all` it shows the preheader above the
 * email. A test fails when MJML writes the element differently.
 */
function hidePreviewFromOutlook(html: string): string {
  return html.replace(MJML_PREVIEW_DIV, () => `${MJML_PREVIEW_DIV.slice(0, -2)}mso-hide:all;">`);
}

/** The innermost template whose output contains `line` of the rendered MJML, and the line within that output. */
export function locateMjmlLine(mjml: string, line: number, spans: readonly TemplateSpan[]): { file: string | undefined; line: number | undefined } {
  let offset = 0;
  for (let current = 1; current < line && offset !== -1; current++) offset = mjml.indexOf('\n', offset) + 1;
  let best: TemplateSpan | undefined;
  for (const span of spans) {
    if (span.start <= offset && offset < span.end && (!best || span.end - span.start < best.end - best.start)) best = span;
  }
  if (!best) return { file: undefined, line: undefined };
  const before = mjml.slice(best.start, offset);
  return { file: best.file, line: before.split('\n').length };
}

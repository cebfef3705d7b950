import Handlebars from 'handlebars';
import { TemplateError } from '../errors.js';
import type { NewsletterView } from './render-view.js';

/** Template sources as read from disk, keyed by project-relative path. */
export interface TemplateSources {
  /** e.g. `templates/layout.mjml.hbs` */
  layout: { file: string; source: string };
  /** Partial name (file name without `.mjml.hbs`) → file and source. */
  partials: Record<string, { file: string; source: string }>;
}

/** Where one template's output sits in the rendered MJML, to map MJML errors back to a template file. */
export interface TemplateSpan {
  file: string;
  start: number;
  end: number;
}

export interface CompiledTemplates {
  /** Files that make up the set, for messages and cache keys. */
  readonly files: readonly string[];
  /** Render the layout with its partials. Pure; throws `TemplateError` naming the template at fault. */
  render(view: NewsletterView): { mjml: string; spans: TemplateSpan[] };
}

const TEMPLATE_OPTIONS = { strict: true, preventIndent: true } as const;

/**
 * Compile the layout and partials in an isolated Handlebars environment.
 * Syntax errors surface here, with the file and line. Strict mode makes a
 * misspelt variable an error instead of an empty string.
 */
export function compileTemplates(sources: TemplateSources): CompiledTemplates {
  const hb = Handlebars.create();
  /** Output of each template call during one render, innermost first. */
  const rendered: { file: string; output: string }[] = [];

  const compile = (file: string, source: string) => {
    let ast: hbs.AST.Program;
    try {
      ast = hb.parse(source); // parsed here so syntax errors name the file; `compile` would defer it
    } catch (error) {
      throw templateError(error, file, 'does not compile');
    }
    const template = hb.compile(ast, TEMPLATE_OPTIONS);
    return (context: unknown, options?: Handlebars.RuntimeOptions): string => {
      let output: string;
      try {
        output = template(context, options);
      } catch (error) {
        throw error instanceof TemplateError ? error : templateError(error, file, 'failed to render');
      }
      rendered.push({ file, output });
      return output;
    };
  };

  for (const [name, { file, source }] of Object.entries(sources.partials)) {
    hb.registerPartial(name, compile(file, source) as unknown as Handlebars.Template);
  }
  const layout = compile(sources.layout.file, sources.layout.source);

  return {
    files: [sources.layout.file, ...Object.values(sources.partials).map((partial) => partial.file)],
    render(view) {
      rendered.length = 0;
      const mjml = layout(view);
      const spans = rendered.map(({ file, output }) => {
        const start = mjml.indexOf(output);
        return { file, start, end: start + output.length };
      });
      rendered.length = 0;
      return { mjml, spans: spans.filter((span) => span.start >= 0) };
    },
  };
}

function templateError(error: unknown, file: string, what: string): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  const located = error as { lineNumber?: number };
  const lineFromMessage = /(?:on line |- )(\d+)(?::\d+)?/.exec(message)?.[1];
  const line = located.lineNumber ?? (lineFromMessage ? Number(lineFromMessage) : undefined);
  const missing = /^"([^"]+)" not defined/.exec(message)?.[1];
  const reason = missing
    ? `uses "${missing}", which the newsletter view does not have: check the spelling (see NewsletterView in src/pipeline/render-view.ts)`
    : `${what}: ${message.split('\n')[0]?.replace(/ - \d+:\d+$/, '')}`;
  return new TemplateError(reason, { file, line, cause: error });
}

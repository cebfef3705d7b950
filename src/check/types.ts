import type { ResolvedConfig } from '../config/config.js';
import type { TemplateSources } from '../pipeline/compile-templates.js';
import type { NewsletterView } from '../pipeline/render-view.js';
import type { Article } from '../pipeline/validate-article.js';
import type { CheckFinding } from '../findings/finding.js';
import type { RuleId, Severity } from '../findings/rule-ids.js';

export type { CheckFinding };

/** Everything a rule may look at for one newsletter. */
export interface CheckInput {
  article: Article;
  view: NewsletterView;
  /** The final email HTML, as written to `out/<slug>.html`. */
  html: string;
  /** The plain-text part, as written to `out/<slug>.txt`. */
  text: string;
  config: ResolvedConfig;
  /** Project-relative path of the article. */
  file: string;
  /** The template sources the HTML was made from, for rules about the templates themselves. */
  templates?: TemplateSources;
}

/** What a rule reports: a message that says what is wrong and how to fix it. */
export interface Finding {
  message: string;
  /** The file at fault when it is not the article (a template, the config). */
  file?: string;
  /** 1-based line in that file, where known. */
  line?: number;
}

interface RuleBase<Id extends RuleId> {
  id: Id;
  /** Severity unless the project's `checks.rules` says otherwise. */
  severity: Severity;
  /** One line for `npm run check -- --rules` and the docs. */
  description: string;
}

/** A pure rule over one newsletter. */
export interface OfflineRule<Id extends RuleId = RuleId> extends RuleBase<Id> {
  check: (input: CheckInput) => Finding[];
}

/** A rule that needs the network; it runs only with `--online` (see `check-links-online.ts`). */
export interface OnlineRule<Id extends RuleId = RuleId> extends RuleBase<Id> {
  online: true;
}

export type Rule<Id extends RuleId = RuleId> = OfflineRule<Id> | OnlineRule<Id>;

import type { RuleId, Severity } from './rule-ids.js';

/** A finding as reported: with its rule, the severity in force and the article it came from. */
export interface CheckFinding {
  /** Project-relative path of the file at fault: the article, a template or the config. */
  file: string;
  line?: number;
  /** Slug of the article; null when the finding is about a template or the config (it then holds for every article). */
  slug: string | null;
  /** Rule id, or `build/failed` when the article did not build at all. */
  rule: RuleId | 'build/failed';
  severity: Severity;
  message: string;
}

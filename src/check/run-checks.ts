import type { RuleSetting } from '../findings/rule-ids.js';
import { RULES } from './rules/index.js';
import type { CheckFinding, CheckInput, Rule } from './types.js';

/** The severity a rule has in this project: its default unless `checks.rules` overrides it. */
export function settingFor(rule: Rule, overrides: Readonly<Partial<Record<string, RuleSetting>>>): RuleSetting {
  return overrides[rule.id] ?? rule.severity;
}

/**
 * Run every offline rule over one newsletter, with the project's severity
 * overrides from `checks.rules` (rules set to "off" do not run). Pure: returns
 * the findings, file order kept, template and config findings included.
 */
export function runChecks(input: CheckInput): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const rule of RULES) {
    if ('online' in rule) continue;
    const severity = settingFor(rule, input.config.checks.rules);
    if (severity === 'off') continue;
    for (const finding of rule.check(input)) {
      const file = finding.file ?? input.file;
      findings.push({
        file,
        ...(finding.line === undefined ? {} : { line: finding.line }),
        slug: file === input.file ? input.article.slug : null,
        rule: rule.id,
        severity,
        message: finding.message,
      });
    }
  }
  return findings;
}

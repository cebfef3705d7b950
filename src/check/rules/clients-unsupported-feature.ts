import { formatClients, unsupportedHtmlFeatures, unsupportedTemplateFeatures, type UnsupportedFeature } from '../client-support.js';
import type { Finding, OfflineRule } from '../types.js';

export const clientsUnsupportedFeature: OfflineRule<'clients/unsupported-feature'> = {
  id: 'clients/unsupported-feature',
  severity: 'warning',
  description: 'CSS and HTML features of the templates and the article that Gmail, Outlook or Apple Mail do not support (caniemail.com data); listed once per template',
  check(input) {
    const findings: Finding[] = [];
    const templates = input.templates ? unsupportedTemplateFeatures(input.templates) : new Map<string, UnsupportedFeature[]>();
    for (const [file, features] of templates) {
      for (const feature of features) findings.push({ file, line: feature.line, message: `${describe(feature)}; or, where it is meant, record that above it: {{!-- clients: accept "${feature.feature}" because … --}}` });
    }
    const { view } = input;
    const fragments = [view.bodyHtml, view.checkHtml ?? '', ...(view.faq ?? []).map((entry) => entry.answerHtml)].join('\n');
    for (const feature of unsupportedHtmlFeatures(fragments)) findings.push({ message: `the article's Markdown ${describe(feature)}` });
    return findings;
  },
};

function describe({ feature, clients, sample }: UnsupportedFeature): string {
  const name = sample.startsWith(feature) ? sample : `${feature} (${sample})`;
  return `uses ${name}, which ${formatClients(clients)} do not support (caniemail.com): make sure the email reads well without it, or drop it`;
}

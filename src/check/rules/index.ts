import type { RuleId } from '../../findings/rule-ids.js';
import { RULE_IDS } from '../../findings/rule-ids.js';
import type { Rule } from '../types.js';
import { a11yContrast } from './a11y-contrast.js';
import { a11yHeadingOrder } from './a11y-heading-order.js';
import { a11yLang } from './a11y-lang.js';
import { a11yLayoutTableRole } from './a11y-layout-table-role.js';
import { a11yLinkText } from './a11y-link-text.js';
import { a11yOneH1 } from './a11y-one-h1.js';
import { clientsUnsupportedFeature } from './clients-unsupported-feature.js';
import { contentCheckBox } from './content-check-box.js';
import { contentEmptyBody } from './content-empty-body.js';
import { contentFaq } from './content-faq.js';
import { contentFaqAnswer } from './content-faq-answer.js';
import { contentSources } from './content-sources.js';
import { imagesAlt } from './images-alt.js';
import { imagesHttps } from './images-https.js';
import { imagesWidth } from './images-width.js';
import { inboxPreheaderLength } from './inbox-preheader-length.js';
import { inboxPreheaderMissing } from './inbox-preheader-missing.js';
import { inboxPreheaderRepeat } from './inbox-preheader-repeat.js';
import { inboxSubjectLength } from './inbox-subject-length.js';
import { linksAbsolute } from './links-absolute.js';
import { linksEmptyHref } from './links-empty-href.js';
import { linksInText } from './links-in-text.js';
import { linksInsecureHttp } from './links-insecure-http.js';
import { linksMailto } from './links-mailto.js';
import { linksPrivateHost } from './links-private-host.js';
import { linksUnreachable } from './links-unreachable.js';
import { sizeGmailClip } from './size-gmail-clip.js';
import { sizeGmailClipRisk } from './size-gmail-clip-risk.js';
import { webStructuredData } from './web-structured-data.js';

/** Every rule by id; the type makes sure each id in RULE_IDS has its rule. */
const REGISTRY: { readonly [Id in RuleId]: Rule<Id> } = {
  'size/gmail-clip': sizeGmailClip,
  'size/gmail-clip-risk': sizeGmailClipRisk,
  'links/absolute': linksAbsolute,
  'links/private-host': linksPrivateHost,
  'links/insecure-http': linksInsecureHttp,
  'links/empty-href': linksEmptyHref,
  'links/mailto': linksMailto,
  'links/in-text': linksInText,
  'links/unreachable': linksUnreachable,
  'images/alt': imagesAlt,
  'images/https': imagesHttps,
  'images/width': imagesWidth,
  'a11y/lang': a11yLang,
  'a11y/one-h1': a11yOneH1,
  'a11y/heading-order': a11yHeadingOrder,
  'a11y/link-text': a11yLinkText,
  'a11y/contrast': a11yContrast,
  'a11y/layout-table-role': a11yLayoutTableRole,
  'inbox/subject-length': inboxSubjectLength,
  'inbox/preheader-missing': inboxPreheaderMissing,
  'inbox/preheader-repeat': inboxPreheaderRepeat,
  'inbox/preheader-length': inboxPreheaderLength,
  'clients/unsupported-feature': clientsUnsupportedFeature,
  'content/check-box': contentCheckBox,
  'content/faq': contentFaq,
  'content/faq-answer': contentFaqAnswer,
  'content/empty-body': contentEmptyBody,
  'content/sources': contentSources,
  'web/structured-data': webStructuredData,
};

/** All rules, in report order. */
export const RULES: readonly Rule[] = RULE_IDS.map((id) => REGISTRY[id] as Rule);

export function ruleById<Id extends RuleId>(id: Id): Rule<Id> {
  return REGISTRY[id];
}

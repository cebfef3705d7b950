import { placeOfLink } from '../article-lines.js';
import { describeLink, linksOf } from '../links.js';
import type { OfflineRule } from '../types.js';

/** Link texts that say nothing about where a link leads, in the newsletter's languages. */
export const VAGUE_LINK_TEXTS: readonly string[] = [
  'hier', 'hier klicken', 'klicken sie hier', 'klick hier', 'mehr', 'mehr lesen', 'mehr erfahren', 'mehr dazu', 'weiter', 'weiterlesen', 'link', 'dieser link', 'zum artikel', 'details',
  'here', 'click here', 'click', 'read more', 'more', 'learn more', 'this link', 'this', 'continue', 'continue reading',
];

export const a11yLinkText: OfflineRule<'a11y/link-text'> = {
  id: 'a11y/link-text',
  severity: 'warning',
  description: 'link text says where the link leads: not "hier", "click here" or a bare URL',
  check(input) {
    return linksOf(input).flatMap((link) => {
      const text = (link.label ?? link.text).toLowerCase().replace(/[.:!…»«›‹→]+/g, '').trim();
      if (text === '') return [{ ...placeOfLink(input, link), message: `the link ${describeLink(link)} has no text: screen readers read out the address; give it a text that names the target` }];
      if (VAGUE_LINK_TEXTS.includes(text)) {
        return [{ ...placeOfLink(input, link), message: `the link text "${link.text}" does not say where it leads (${link.href}): name the target, e.g. [Studie des Ifo-Instituts](…)` }];
      }
      if (/^(?:https?:\/\/|www\.)\S+$/i.test(link.text)) {
        return [{ ...placeOfLink(input, link), message: `the link text is the bare address ${link.text}: screen readers spell it out; write [what it is](${link.href}) instead` }];
      }
      return [];
    });
  },
};

import { isTag, type Element } from 'domhandler';
import { collapse, htmlOf } from './html.js';
import type { CheckInput } from './types.js';
import { classifyHref, type LinkKind } from './urls.js';

export interface Link {
  href: string;
  /** Visible text, or the alt text of an image inside the link. */
  text: string;
  /**
   * The link's `aria-label`, which screen readers read instead of its text
   * ("Weiterlesen" labelled "Weiterlesen: <headline>"). Gmail, Outlook and Apple
   * Mail keep it: https://www.caniemail.com/features/html-aria-label/
   */
  label?: string;
  kind: LinkKind;
}

const links = new WeakMap<CheckInput, Link[]>();

/** Every `<a href>` of the final HTML, in document order. */
export function linksOf(input: CheckInput): Link[] {
  let found = links.get(input);
  if (found) return found;
  const $ = htmlOf(input);
  found = $('a[href]')
    .get()
    .map((element) => {
      const href = $(element).attr('href') ?? '';
      const alt = firstImageAlt(element) ?? '';
      const label = collapse($(element).attr('aria-label') ?? '');
      return { href, text: collapse($(element).text()) || collapse(alt), kind: classifyHref(href), ...(label ? { label } : {}) };
    });
  links.set(input, found);
  return found;
}

/** `"https://x" ("link text")`, for messages. */
export function describeLink(link: Link): string {
  const href = link.href.length > 90 ? `${link.href.slice(0, 89)}…` : link.href;
  const text = link.text.length > 40 ? `${link.text.slice(0, 39)}…` : link.text;
  return text ? `"${href}" ("${text}")` : `"${href}"`;
}

/** The alt text of the first `<img alt>` inside an element (what `$(element).find('img[alt]').first().attr('alt')` gives, without compiling a selector per link). */
function firstImageAlt(element: Element): string | undefined {
  for (const child of element.children) {
    if (!isTag(child)) continue;
    if (child.name === 'img' && child.attribs.alt !== undefined) return child.attribs.alt;
    const inner = firstImageAlt(child);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

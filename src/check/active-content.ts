import type { AnyNode, Element } from 'domhandler';
import { htmlOf, parseFragment } from './html.js';
import type { CheckInput } from './types.js';

/** Elements that run code or load another document; none belongs in an email. */
const ACTIVE_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal']);
/** Attributes that hold a URL a client may follow or load. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'background', 'poster', 'xlink:href', 'data', 'codebase', 'cite', 'srcset']);
/** Markup in a comment worth parsing: MJML's own conditional comments (tables for Outlook) have none of this. */
const SUSPICIOUS_IN_COMMENT = /<\s*(?:script|iframe|frame|object|embed|applet|base|portal|meta|style)|\son[a-z]|script:|data:|expression|binding|&(?:#|colon|tab|newline)/i;
/** Schemes that run code, or (`data:` outside images) hide a document. */
const ACTIVE_SCHEME = /^(?:javascript|vbscript|livescript|mocha|data):/;

/**
 * The first piece of active content in a newsletter's final HTML (a script,
 * an event handler attribute, a `javascript:` URL, a meta refresh, a CSS
 * expression), described for a message; undefined when there is none. Also
 * looks into Outlook's conditional comments. Articles cannot produce any of
 * this (their HTML is escaped and their links filtered); the templates or a
 * tampered layout cache could, and the build refuses to write it. Uses the
 * HTML the checks have parsed already.
 */
export function findActiveContent(input: CheckInput): string | undefined {
  return findIn(htmlOf(input).root().toArray(), 0);
}

function findIn(roots: AnyNode[], depth: number): string | undefined {
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type === 'comment') {
      const text = node.data;
      // conditional comments (<!--[if mso]>…<![endif]-->) are markup for Outlook
      if (depth < 2 && text.includes('<') && SUSPICIOUS_IN_COMMENT.test(text)) {
        const found = findIn(parseFragment(text.replace(/^\s*\[if[^\]]*\]>|<!\[endif\]\s*$/g, '')).root().toArray(), depth + 1);
        if (found) return found;
      }
      continue;
    }
    if (node.type === 'style' || node.type === 'script' || node.type === 'tag') {
      const element = node as Element;
      const found = activeElement(element);
      if (found) return found;
    }
    if ('children' in node && Array.isArray(node.children)) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as AnyNode);
  }
  return undefined;
}

function activeElement(element: Element): string | undefined {
  // htmlparser2 gives tag and attribute names in lower case
  const name = element.name;
  if (ACTIVE_ELEMENTS.has(name)) return `a <${name}> element`;
  if (name === 'meta' && /refresh/i.test(element.attribs['http-equiv'] ?? '')) return 'a <meta http-equiv="refresh">';
  if (name === 'style' && hasCssCode(element.children.map((child) => ('data' in child ? String(child.data) : '')).join(''))) return 'a CSS expression() or script URL in <style>';
  for (const attribute in element.attribs) {
    const value = element.attribs[attribute] ?? '';
    if (attribute.charCodeAt(0) === 111 /* o */ && attribute.charCodeAt(1) === 110 /* n */) return `an event handler attribute (${attribute}) on <${name}>`;
    if (attribute === 'style') {
      if (hasCssCode(value)) return `a CSS expression() or script URL in the style of <${name}>`;
      continue;
    }
    if (!URL_ATTRIBUTES.has(attribute) || !value.includes(':')) continue;
    // browsers drop control characters and white space inside the scheme
    // eslint-disable-next-line no-control-regex
    const scheme = value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
    if (ACTIVE_SCHEME.test(scheme) && !(name === 'img' && attribute === 'src' && scheme.startsWith('data:image/'))) return `a ${scheme.split(':')[0]}: URL in ${attribute} of <${name}>`;
  }
  return undefined;
}

function hasCssCode(css: string): boolean {
  if (!css.includes('(') && !css.includes('\\') && !css.includes('binding')) return false; // most inline styles: nothing to look at
  // eslint-disable-next-line no-control-regex
  const compact = css.replace(/[\u0000-\u0020\u007f]|\\/g, '').toLowerCase();
  return compact.includes('expression(') || /url\((['"]?)(?:javascript|vbscript):/.test(compact) || compact.includes('-moz-binding');
}

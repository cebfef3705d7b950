import type { UtmConfig } from '../config/config.js';

/** `utm_source=…` pairs with the placeholders filled in, in a fixed order. */
export function utmParameters(utm: Readonly<UtmConfig>, values: { slug: string; date: string; edition: string }): [string, string][] {
  const fill = (value: string) => value.replace(/\{(slug|date|edition)\}/g, (_match, name: 'slug' | 'date' | 'edition') => values[name]);
  const pairs: [string, string | undefined][] = [
    ['utm_source', utm.source],
    ['utm_medium', utm.medium],
    ['utm_campaign', utm.campaign],
    ['utm_content', utm.content],
    ['utm_term', utm.term],
  ];
  return pairs.filter((pair): pair is [string, string] => pair[1] !== undefined).map(([key, value]) => [key, fill(value)]);
}

/**
 * The URL with the parameters appended, before any fragment and after any
 * query it has; unchanged when it is not http(s) or already carries a `utm_`
 * parameter.
 */
export function addUtmToUrl(url: string, parameters: readonly [string, string][]): string {
  if (!/^https?:\/\//i.test(url) || parameters.length === 0) return url;
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash);
  const query = base.indexOf('?');
  if (query >= 0 && /(?:^|&)utm_/i.test(base.slice(query + 1))) return url;
  const joiner = query < 0 ? '?' : /[?&]$/.test(base) ? '' : '&';
  const added = parameters.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  return `${base}${joiner}${added}${fragment}`;
}

/**
 * UTM parameters on every http(s) link of the HTML (`<a href>`) except those
 * `skip` names, and on the same addresses in the text part (where images
 * are written out too: their addresses get none).
 */
export function addUtm(parts: { html: string; text: string }, parameters: readonly [string, string][], skip: (url: string) => boolean): { html: string; text: string } {
  const tagged = new Map<string, string>();
  const html = parts.html.replace(/(<a\b[^>]*?\shref=")([^"]*)(")/gi, (match, before: string, raw: string, after: string) => {
    const url = decodeAttribute(raw);
    if (skip(url)) return match;
    const withUtm = addUtmToUrl(url, parameters);
    if (withUtm === url) return match;
    tagged.set(url, withUtm);
    return `${before}${encodeAttribute(withUtm)}${after}`;
  });
  if (tagged.size === 0) return { html, text: parts.text };
  const text = parts.text.replace(/https?:\/\/[^\s<>]+/gi, (found) => {
    const url = found.replace(/[.,;:!?)]+$/, '');
    const withUtm = tagged.get(url) ?? tagged.get(found);
    if (withUtm === undefined) return found;
    return tagged.has(found) ? withUtm : withUtm + found.slice(url.length);
  });
  return { html, text };
}

/** An attribute value as the browser reads it (Handlebars writes `=` as `&#x3D;`, markdown-it `&` as `&amp;`). */
function decodeAttribute(value: string): string {
  const named: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|quot|apos|lt|gt));/gi, (entity, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (decimal !== undefined) return String.fromCodePoint(Number(decimal));
    return named[(name ?? '').toLowerCase()] ?? entity;
  });
}

function encodeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

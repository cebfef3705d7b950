import { readFile } from 'node:fs/promises';
import { parseDocument } from 'htmlparser2';
import { load, type CheerioAPI } from 'cheerio/slim';
import sax from 'sax';

export const BASE = 'https://www.business-punk.com/newsletter';

/** A page of the web version, parsed by a real HTML parser. */
export async function loadPage(file: string): Promise<{ source: string; $: CheerioAPI }> {
  const source = await readFile(file, 'utf8');
  return { source, $: load(parseDocument(source)) };
}

/** The JSON-LD of a page: its one `application/ld+json` script, parsed. */
export function jsonLdOf($: CheerioAPI): { '@context': string; '@graph': Record<string, unknown>[] } {
  const scripts = $('script');
  if (scripts.length !== 1 || scripts.attr('type') !== 'application/ld+json') throw new Error(`expected one JSON-LD script, found ${scripts.length}`);
  return JSON.parse(scripts.text()) as { '@context': string; '@graph': Record<string, unknown>[] };
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

/** XML parsed by sax in strict mode: any well-formedness error throws. */
export function parseXml(source: string): XmlElement {
  const parser = sax.parser(true, { xmlns: false });
  const root: XmlElement = { name: '#document', attributes: {}, text: '', children: [] };
  const stack: XmlElement[] = [root];
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '', children: [] };
    stack.at(-1)?.children.push(element);
    stack.push(element);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  };
  parser.write(source).close();
  const [document] = root.children;
  if (!document || root.children.length !== 1) throw new Error('not one root element');
  return document;
}

export const childrenNamed = (element: XmlElement, name: string) => element.children.filter((child) => child.name === name);
export const childText = (element: XmlElement, name: string) => childrenNamed(element, name)[0]?.text ?? null;

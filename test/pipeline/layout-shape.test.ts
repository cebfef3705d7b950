import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';
import { readArticle } from '../../src/pipeline/build-article.js';
import { layoutShape, ShapeToken } from '../../src/pipeline/layout-shape.js';
import { renderView } from '../../src/pipeline/render-view.js';
import { article } from '../helpers/project.js';

const config = resolveConfig({}, '/tmp/project');
const viewOf = (extra: string, body?: string) => renderView(readArticle({ file: 'articles/x.md', source: article(extra, body) }), config);

describe('layoutShape', () => {
  it('is the same for articles that differ only in text', () => {
    const a = layoutShape(viewOf('author: Eine', 'Ein Text.\n'));
    const b = layoutShape(viewOf('author: Andere Autorin', 'Ganz **anderer** Text, länger.\n\n## Mit Überschrift\n'));
    expect(a.key).toBe(b.key);
    expect(a.values.get('author')).toBe('Eine');
    expect(b.values.get('author')).toBe('Andere Autorin');
  });

  it.each([
    ['an image', 'image:\n  src: https://example.com/a.jpg\n  alt: A'],
    ['a check box', 'check: Urteil'],
    ['an FAQ entry', 'faq:\n  - question: F?\n    answer: A'],
    ['sources', 'sources:\n  - Handelsblatt'],
    ['a web link', 'url: https://example.com/a'],
    ['an author', 'author: A'],
  ])('changes with %s', (_name, extra) => {
    expect(layoutShape(viewOf(extra)).key).not.toBe(layoutShape(viewOf('')).key);
  });

  it('counts FAQ entries and knows which sources have a link', () => {
    const one = layoutShape(viewOf('faq:\n  - question: F?\n    answer: A'));
    const two = layoutShape(viewOf('faq:\n  - question: F?\n    answer: A\n  - question: G?\n    answer: B'));
    expect(one.key).not.toBe(two.key);
    const named = layoutShape(viewOf('sources:\n  - Handelsblatt'));
    const linked = layoutShape(viewOf('sources:\n  - name: Handelsblatt\n    url: https://example.com/'));
    expect(named.key).not.toBe(linked.key);
  });

  it('puts tokens where per-article text goes, printed escaped or raw as the template asks, and keeps config values', () => {
    const shape = layoutShape(viewOf('author: A & B'));
    const render = Handlebars.compile('{{title}}|{{{bodyHtml}}}|{{author}}|{{brand}}|{{colors.accent}}|{{#if image}}bild{{else}}kein bild{{/if}}', { strict: true });
    expect(render(shape.tokenView)).toBe('@@E:title@@|@@R:bodyHtml@@|@@E:author@@|Business Punk|#c2185b|kein bild');
    expect(shape.values.get('author')).toBe('A & B');
    expect(new ShapeToken('faq.0.question').toHTML()).toBe('@@E:faq.0.question@@');
  });
});

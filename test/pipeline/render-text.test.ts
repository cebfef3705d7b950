import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';
import { parseFrontmatter } from '../../src/pipeline/parse-frontmatter.js';
import { renderTable, renderText, TEXT_WIDTH, wrap } from '../../src/pipeline/render-text.js';
import { renderView } from '../../src/pipeline/render-view.js';
import { validateArticle } from '../../src/pipeline/validate-article.js';
import { REPO_ROOT } from '../helpers/project.js';

async function sampleView(name: string) {
  const file = `articles/${name}.md`;
  const text = await readFile(path.join(REPO_ROOT, file), 'utf8');
  return renderView(validateArticle(parseFrontmatter(text, file), file, name), resolveConfig({}, REPO_ROOT));
}

describe('renderText', () => {
  it('has the whole newsletter in reading order', async () => {
    const view = await sampleView('openai-amazon-cloud-deal');
    const text = renderText(view);
    const order = [view.title, 'Sieben Jahre, 38 Milliarden Dollar', 'OpenAI denkt in neuen Dimensionen', 'Raus aus der Abhängigkeit', 'BUSINESS PUNK CHECK', 'HÄUFIG GESTELLTE FRAGEN', 'Lohnt sich OpenAIs Milliardenwette', 'Quellen: „Handelsblatt“, „TechCrunch“, „Spiegel“, „Bild“', 'Newsletter abbestellen: https://example.com/newsletter/abmelden'];
    const positions = order.map((needle) => text.indexOf(needle));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const entry of view.faq ?? []) expect(text).toContain(entry.question.slice(0, 40));
  });

  it('writes links out as URLs and has no HTML', async () => {
    const text = renderText(await sampleView('ki-chips-wettruesten'));
    expect(text).toContain('Amazon Web Services <https://aws.amazon.com/>');
    expect(text).toContain('„Spiegel“ <https://www.spiegel.de/>');
    expect(text).toContain('https://example.com/tech-trends/ki-chips-wettruesten');
    expect(text).not.toMatch(/<\/?[a-z][a-z0-9]*[\s>]/i);
    expect(text).not.toMatch(/&(amp|lt|gt|quot);/);
  });

  it('wraps at about 78 characters; only unbreakable words (URLs) may be longer', async () => {
    for (const name of ['openai-amazon-cloud-deal', 'ki-chips-wettruesten']) {
      for (const line of renderText(await sampleView(name)).split('\n')) {
        if (line.length > TEXT_WIDTH) expect(line.trim()).not.toContain(' ');
      }
    }
  });

  it('writes the lead image as [Bild: alt] url, then its caption', async () => {
    const text = renderText(await sampleView('ki-chips-wettruesten'));
    expect(text).toContain(
      '[Bild: Serverschränke mit blau leuchtenden Statuslampen in einem\nRechenzentrum] https://example.com/images/ki-chips-rechenzentrum.jpg\nRechenzentren sind das Nadelöhr des KI-Booms.',
    );
  });

  describe('the body', () => {
    const bodyText = (body: string, locale: 'de' | 'en' = 'de') => {
      const view = renderView(
        validateArticle(parseFrontmatter(`---\ntitle: T\ncategory: C\ndate: 2025-11-04\nteaser: Teaser.\n---\n${body}`, 'a.md'), 'a.md', 'a'),
        resolveConfig({ locale }, REPO_ROOT),
      );
      const text = renderText(view);
      return text.slice(text.indexOf('2025\n\n') + 6, text.indexOf('\n\n--\n'));
    };

    it.each([
      ['images with their alt text and address', 'Vorher ![Ein Chip](https://example.com/chip.jpg) nachher.', 'Vorher [Bild: Ein Chip] https://example.com/chip.jpg nachher.'],
      ['a first bullet in line with the others', '- eins\n- zwei', ' • eins\n • zwei'],
      ["an indented code line's indent", '```\n  eins\n    zwei\n```', '  eins\n    zwei'],
      ['strikethrough marks', '~~Tool~~ Gespräch', '~~Tool~~ Gespräch'],
      ['task lists as boxes', '- [ ] offen\n- [x] erledigt', ' • ☐ offen\n • ☑ erledigt'],
      ['a narrow table as a grid', '| a | b |\n|---|---|\n| 1 | 2 |', 'a   b\n1   2'],
    ])('keeps %s', (_name, body, expected) => {
      expect(bodyText(body)).toBe(expected);
    });

    it('uses the locale word for images', () => {
      expect(bodyText('![A chip](https://example.com/chip.jpg)', 'en')).toBe('[Image: A chip] https://example.com/chip.jpg');
    });

    it('writes a table wider than the text as one record per row, no line over the width', () => {
      const table = [
        '| Tool | Preis | Einsatz | Bewertung der Redaktion |',
        '|---|---|---|---|',
        '| Notion | 10 Euro pro Monat und Nutzer | Dokumentation, Wissensdatenbank | Sehr gut für kleine Teams |',
        '| Monday.com | 12 Euro | Projektplanung | Gut |',
      ].join('\n');
      const text = bodyText(table);
      expect(text).toBe(
        [
          'Tool: Notion',
          'Preis: 10 Euro pro Monat und Nutzer',
          'Einsatz: Dokumentation, Wissensdatenbank',
          'Bewertung der Redaktion: Sehr gut für kleine Teams',
          '',
          'Tool: Monday.com',
          'Preis: 12 Euro',
          'Einsatz: Projektplanung',
          'Bewertung der Redaktion: Gut',
        ].join('\n'),
      );
      for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(TEXT_WIDTH);
    });
  });

  it.each([
    ['fits: a grid', [['a', 'bb'], ['ccc', 'd']], 20, 'a     bb\nccc   d'],
    ['too wide: records', [['Name', 'Wert'], ['x'.repeat(12), 'y'.repeat(12)]], 20, `Name: ${'x'.repeat(12)}\nWert: ${'y'.repeat(12)}`],
    ['records wrap long values', [['K', 'V'], ['a', 'eins zwei drei vier fünf sechs']], 12, 'K: a\nV: eins zwei\ndrei vier\nfünf sechs'],
  ])('renderTable: %s', (_name, rows, width, expected) => expect(renderTable(rows, width)).toBe(expected));

  it.each([
    ['short', 'a b c', 'a b c'],
    ['long words stay whole', `x ${'y'.repeat(100)} z`, `x\n${'y'.repeat(100)}\nz`],
  ])('wrap: %s', (_name, input, expected) => expect(wrap(input, 10)).toBe(expected));
});

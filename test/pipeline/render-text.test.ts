import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';
import { parseFrontmatter } from '../../src/pipeline/parse-frontmatter.js';
import { renderText, TEXT_WIDTH, wrap } from '../../src/pipeline/render-text.js';
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

  it.each([
    ['short', 'a b c', 'a b c'],
    ['long words stay whole', `x ${'y'.repeat(100)} z`, `x\n${'y'.repeat(100)}\nz`],
  ])('wrap: %s', (_name, input, expected) => expect(wrap(input, 10)).toBe(expected));
});

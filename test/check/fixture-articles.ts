import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CHECK_FIXTURES } from '../helpers/project.js';

export async function fixtureArticle(name: string): Promise<string> {
  return readFile(path.join(CHECK_FIXTURES, 'articles', `${name}.md`), 'utf8');
}

/** One sentence with umlauts, ß and € (2–3 bytes each in UTF-8). */
const MULTIBYTE_SENTENCE = 'Größere Übermaße ärgern Öl- und Fußgängerzonen: 3 € für Äpfel, 5 € für Straßenmaß. ';

/** The clean fixture with `repeat` sentences in each of 12 extra paragraphs: 64 → ~118 KB of HTML in ~100,000 characters, 48 → ~98 KB. */
export async function heavyArticle(repeat: number): Promise<string> {
  const body = Array.from({ length: 12 }, () => MULTIBYTE_SENTENCE.repeat(repeat)).join('\n\n');
  return `${await fixtureArticle('clean')}\n${body}\n`;
}

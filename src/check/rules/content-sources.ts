import { textOf } from '../html.js';
import type { OfflineRule } from '../types.js';

/** A short capitalised name in quotes: „Spiegel“, “Financial Times”, »Bild«, "TechCrunch". */
const QUOTED = /(?:„|“|»|«|")([^„“”»«"\n]{1,60}?)(?:“|”|«|»|")/g;
const NAME = /^\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+[\p{L}\p{N}&'’.-]+){0,4}$/u;
/** Words around a cited outlet: „laut ‚Spiegel‘“, „nach Angaben von ‚Bild‘“, „wie ‚TechCrunch‘ berichtet“, “according to ‘Reuters’”. */
const CUE_BEFORE = /(?:^|[\s(])(?:laut|so|meldet|melden|meldete|berichtet|berichten|berichtete|schreibt|schreiben|schrieb|zitiert|angaben|according to|reports?|reported|writes|wrote|told|says|said|via)(?:\s+(?:das|der|die|dem|den|des|the|a|an|von|vom))?\s*$/iu;
const CUE_AFTER = /^\s*(?:berichtet|berichtete|berichten|schreibt|schrieb|meldet|meldete|zufolge|reports|reported|writes|wrote|says|said)\b/iu;

/** Outlets the text cites by name in quotes, in order of first mention. */
export function citedOutlets(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(QUOTED)) {
    const name = (match[1] ?? '').trim();
    if (!NAME.test(name) || /[.!?,;:]$/.test(name)) continue;
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 30);
    if (!CUE_BEFORE.test(before) && !CUE_AFTER.test(after)) continue;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

export const contentSources: OfflineRule<'content/sources'> = {
  id: 'content/sources',
  severity: 'warning',
  description: 'outlets the body cites in quotes („laut ‚Spiegel‘“) are listed under sources',
  check({ article, view }) {
    const cited = citedOutlets(textOf(view.bodyHtml));
    const listed = article.sources.map((source) => source.name.toLowerCase());
    const missing = cited.filter((name) => !listed.some((entry) => entry.includes(name.toLowerCase()) || name.toLowerCase().includes(entry)));
    if (missing.length === 0) return [];
    const names = missing.map((name) => `${view.strings.quoteOpen}${name}${view.strings.quoteClose}`).join(', ');
    return [
      {
        message:
          listed.length === 0
            ? `the body cites ${names} but the article lists no sources: add them under sources: in the frontmatter`
            : `the body cites ${names}, which sources: does not list: add ${missing.length === 1 ? 'it' : 'them'}`,
      },
    ];
  },
};

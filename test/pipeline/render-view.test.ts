import { describe, expect, it } from 'vitest';
import { STRINGS } from '../../src/i18n/strings.js';
import { formatDate } from '../../src/pipeline/render-view.js';

/** Every day from January 1 of `from` to December 31 of `to`, as YYYY-MM-DD. */
function days(from: number, to: number): string[] {
  const found: string[] = [];
  for (let time = Date.UTC(from, 0, 1); time <= Date.UTC(to, 11, 31); time += 86_400_000) found.push(new Date(time).toISOString().slice(0, 10));
  return found;
}

describe('formatDate', () => {
  const languages = Object.values(STRINGS).map((strings) => strings.languageTag);

  it.each(languages)('writes long dates in %s exactly as Intl.DateTimeFormat does', (languageTag) => {
    const intl = new Intl.DateTimeFormat(languageTag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const dates = [...days(2019, 2031), '0001-01-01', '0099-03-05', '0999-12-31', '1000-01-01', '1582-10-10', '1900-02-28', '2000-02-29', '9999-12-31'];
    const differences = dates.filter((date) => formatDate(date, languageTag) !== intl.format(new Date(`${date}T00:00:00Z`)));
    expect(differences).toEqual([]);
    expect(dates.length).toBeGreaterThan(4000);
  });

  it('leaves other languages to Intl', () => {
    expect(formatDate('2025-11-04', 'fr')).toBe('4 novembre 2025');
    expect(formatDate('2025-11-04', 'de')).toBe('4. November 2025');
    expect(formatDate('2025-11-04', 'en')).toBe('November 4, 2025');
  });
});

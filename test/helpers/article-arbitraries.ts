import fc from 'fast-check';

/**
 * Generators of articles for the property tests: frontmatter structure, YAML
 * syntax (quoting, block scalars, tags, anchors and aliases, nesting, tabs,
 * duplicate keys), Unicode (control characters, bidi controls, invisible
 * characters, NFD, emoji), sizes, and Markdown constructs (raw HTML, links of
 * every scheme, template syntax, deep nesting). Most articles are valid or
 * nearly valid, so that the build gets past validation and renders them.
 */

/** Characters that have broken or could break something: controls, bidi, invisible, quotes, YAML and Markdown syntax. */
const NASTY_CHARACTERS = [
  '\u0000', '\u0007', '\u0008', '\t', '\n', '\r', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u009b',
  '\u00a0', '\u00ad', '\u200b', '\u200d', '\u200e', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069', '\ufeff', '\ufffd',
  '"', "'", '\\', ':', '#', '&', '*', '!', '|', '>', '-', '?', '%', '@', '`', '{', '}', '[', ']', ',', '<', '=',
  'ä', 'Ü', 'u\u0308', 'ß', '€', '💶', '👩‍💻', 'ש', '\u0301',
];

const word = fc.constantFrom('Chips', 'Geld', 'Über', 'Rechenzentrum', 'KI', 'Milliarden', 'Punk', 'Markt', 'Wette', 'Strom', 'x');
/** Mostly words, now and then a nasty character. */
export const text = fc
  .array(fc.oneof({ weight: 6, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom(...NASTY_CHARACTERS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(' '));

/** A YAML scalar as it could be written: double-quoted (always valid), single-quoted, plain, or a block scalar. */
const scalar = fc.oneof(
  { weight: 4, arbitrary: text.map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: text.map((value) => `'${value.replace(/'/g, "''")}'`) },
  { weight: 2, arbitrary: text },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('|', '>', '|-', '>+'), text, text).map(([style, a, b]) => `${style}\n  ${a}\n  ${b}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '~', 'null', 'true', '42', '1e3', '0x1F', '2025-11-04', '[]', '{}', '[a, b]', '{ a: b }') },
);

/** What YAML can do besides plain values: tags, anchors, aliases (defined or not), deep nesting. */
const yamlTrick = fc.oneof(
  fc.constantFrom('!!js/function "function () { return 1 }"', '!!binary aGFsbG8=', '!Ref x', '!!str 42', '!!set {a, b}', '!!timestamp 2025-11-04', '!!float 1'),
  fc.constantFrom('&a Wert', '*a', '*undefiniert', '&b [*a, *a]', '&c { x: *c }'),
  fc.integer({ min: 1, max: 400 }).map((depth) => `${'['.repeat(depth)}x${']'.repeat(depth)}`),
  fc.integer({ min: 1, max: 60 }).map((depth) => `${'{ a: '.repeat(depth)}x${' }'.repeat(depth)}`),
);

const value = fc.oneof({ weight: 8, arbitrary: scalar }, { weight: 1, arbitrary: yamlTrick });

const url = fc.oneof(
  fc.constantFrom('"https://example.com/artikel"', '"https://example.com/a b"', '"http://example.com/"', '"javascript:alert(1)"', '"data:text/html,hi"', '"/relativ"', '""'),
  text.map((value) => JSON.stringify(`https://example.com/${value}`)),
);

const line = (key: string, written: string) => `${key}: ${written}`;

/** Frontmatter lines: the required keys (sometimes missing or odd), optional keys, unknown keys. */
const frontmatterLines = fc
  .record({
    title: fc.option(value, { freq: 12 }),
    category: fc.option(value, { freq: 12 }),
    date: fc.option(fc.constantFrom('2025-11-04', '2025-02-30', '04.11.2025', '"2025-11-04"', '2025-11-04T10:00:00Z', ''), { freq: 12 }),
    teaser: fc.option(value, { freq: 12 }),
    preheader: fc.option(value, { freq: 3 }),
    author: fc.option(value, { freq: 3 }),
    slug: fc.option(fc.constantFrom('gleich', 'anders', '"Mit Leerzeichen"', '../../raus', 'x--y', 'ueber-geld', '"gleich"'), { freq: 4 }),
    url: fc.option(url, { freq: 4 }),
    image: fc.option(fc.tuple(url, value, fc.option(value)).map(([src, alt, caption]) => `\n  src: ${src}\n  alt: ${alt}${caption === null ? '' : `\n  caption: ${caption}`}`), { freq: 4 }),
    check: fc.option(value, { freq: 2 }),
    faq: fc.option(fc.array(fc.tuple(value, value), { minLength: 0, maxLength: 4 }).map((entries) => (entries.length === 0 ? '[]' : entries.map(([q, a]) => `\n  - question: ${q}\n    answer: ${a}`).join(''))), { freq: 3 }),
    sources: fc.option(fc.array(fc.oneof(value, url.map((link) => `{ name: Quelle, url: ${link} }`)), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`), { freq: 3 }),
    draft: fc.option(fc.constantFrom('true', 'false', '"ja"'), { freq: 6 }),
    unknown: fc.option(fc.tuple(fc.constantFrom('teasr', 'titel', '__proto__', 'constructor', '<<', 'x y'), value), { freq: 6 }),
  })
  .map((fields) => {
    const lines: string[] = [];
    for (const [key, written] of Object.entries(fields)) {
      if (written === null) continue;
      if (key === 'unknown') lines.push(line(...(written as unknown as [string, string])));
      else lines.push(line(key, written as string));
    }
    return lines;
  });

/** Damage the YAML now and then: a duplicate key, a tab, a bad indent, an unclosed quote. */
const yamlDamage = fc.constantFrom<(lines: string[]) => string[]>(
  (lines) => lines,
  (lines) => lines,
  (lines) => lines,
  (lines) => lines,
  (lines) => [...lines, lines[0] ?? 'title: doppelt'],
  (lines) => lines.map((entry, index) => (index === 1 ? `\t${entry}` : entry)),
  (lines) => lines.map((entry, index) => (index === 2 ? `   ${entry}` : entry)),
  (lines) => [...lines, 'teaser: "offen'],
);

const markdownBlock = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: text.map((value) => `## ${value}`) },
  { weight: 1, arbitrary: text.map((value) => `# ${value}`) },
  { weight: 1, arbitrary: fc.array(text, { minLength: 1, maxLength: 4 }).map((items) => items.map((item) => `- ${item}`).join('\n')) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 120 }).map((depth) => `${'>'.repeat(depth)} tief`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 60 }).map((depth) => Array.from({ length: depth }, (_, index) => `${'  '.repeat(index)}- ebene ${index}`).join('\n')) },
  { weight: 1, arbitrary: text.map((value) => `\`\`\`\n${value}\n\`\`\``) },
  { weight: 1, arbitrary: fc.constantFrom('| a | b |\n|---|---|\n| 1 | 2 |', '***', '    eingerückter Code', 'Zeile  \nUmbruch') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<iframe src="https://evil.example"></iframe>',
      '[klick](javascript:alert(1))',
      '[klick](JaVaScRiPt&#58;alert(1))',
      '[daten](data:text/html;base64,PHNjcmlwdD4=)',
      '![bild](javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '{{constructor.constructor "alert(1)"}}',
      '{{{body}}}',
      '@@C:0@@ @@E:title@@',
      '<mj-raw><script>alert(1)</script></mj-raw>',
      '<!--[if mso]><script>alert(1)</script><![endif]-->',
      '[link](https://example.com/ "titel onmouseover=alert(1)")',
      '<style>body{background:url(javascript:alert(1))}</style>',
      '&lt;script&gt; &amp;amp; &#0; &#x202e;',
      '*_*_*_*_*_*_*_*_*_*_*_*_*_*_*_*_*_*_*_*_',
      '[a](<https://example.com/ x>)',
      '<https://example.com/autolink>',
      'mailto:someone@example.com',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200 }).map((count) => 'Ein Absatz, der den Text lang macht. '.repeat(count)) },
);

export const body = fc.array(markdownBlock, { maxLength: 8 }).map((blocks) => `${blocks.join('\n\n')}\n`);

/** Text an editor might really write: words, umlauts, quotes, emoji, right-to-left script, markup-looking text. */
const cleanText = fc
  .array(fc.oneof({ weight: 8, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom('„Zitat“', '<b>fett</b>', '{{title}}', 'A & B', 'ש', '💶', 'u\u0308ber', "it's", '50 %', '#1', 'a: b') }), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.join(' '));
const quoted = cleanText.map((value) => JSON.stringify(value));

/** `arbitrary` in about `percent` % of cases, else null. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, percent: number) => fc.oneof({ weight: 100 - percent, arbitrary: fc.constant(null) }, { weight: percent, arbitrary });

/** A valid frontmatter, now and then with one value swapped for a hostile one. */
const validLines = fc
  .record({
    title: quoted,
    category: quoted,
    teaser: quoted,
    preheader: sometimes(quoted, 50),
    author: sometimes(quoted, 50),
    slug: sometimes(fc.constantFrom('gleich', 'anders', 'ueber-geld'), 20),
    url: sometimes(fc.constantFrom('"https://example.com/artikel"', '"https://example.com/%C3%BCber?a=1&b=2#x"'), 30),
    image: sometimes(fc.tuple(quoted, sometimes(quoted, 50)).map(([alt, caption]) => `\n  src: "https://example.com/bild.jpg"\n  alt: ${alt}${caption === null ? '' : `\n  caption: ${caption}`}`), 40),
    check: sometimes(quoted, 70),
    faq: sometimes(fc.array(fc.tuple(quoted, quoted), { minLength: 1, maxLength: 3 }).map((entries) => entries.map(([q, a]) => `\n  - question: ${q}\n    answer: ${a}`).join('')), 60),
    sources: sometimes(fc.array(fc.oneof(quoted, quoted.map((name) => `{ name: ${name}, url: "https://example.com/quelle" }`)), { minLength: 1, maxLength: 3 }).map((items) => `[${items.join(', ')}]`), 60),
    draft: sometimes(fc.constantFrom('true', 'false'), 10),
  })
  .chain((fields) => fc.tuple(fc.constant(fields), sometimes(fc.tuple(fc.constantFrom('title', 'category', 'teaser', 'author', 'url', 'check'), value), 20)))
  .map(([fields, swap]) => {
    const written: Record<string, string | null> = { date: '2025-11-04', ...fields };
    if (swap) written[swap[0]] = swap[1];
    return Object.entries(written).flatMap(([key, entry]) => (entry === null ? [] : [`${key}: ${entry}`]));
  });

/** A whole article file: frontmatter (perhaps damaged, perhaps with a BOM or CRLF) and a body. */
export const articleSource = fc.oneof(
  { weight: 3, arbitrary: fc.record({ lines: validLines, body, crlf: fc.boolean() }).map(({ lines, body: markdown, crlf }) => {
    const source = `---\n${lines.join('\n')}\n---\n\n${markdown}`;
    return crlf ? source.replace(/\n/g, '\r\n') : source;
  }) },
  { weight: 2, arbitrary: fc.record({ lines: frontmatterLines, damage: yamlDamage, body, crlf: fc.boolean(), bom: fc.boolean(), opening: fc.constantFrom('---', '---', '---', '---', '---js', '--- ', '') }).map(({ lines, damage, body: markdown, crlf, bom, opening }) => {
    const source = `${bom ? '\ufeff' : ''}${opening}\n${damage(lines).join('\n')}\n---\n\n${markdown}`;
    return crlf ? source.replace(/\n/g, '\r\n') : source;
  }) },
);

/** File names: plain, uppercase .MD, NFD and NFC umlauts, names whose slug is empty or clashes. */
export const fileName = fc.constantFrom(
  'eins.md', 'zwei.md', 'drei.md', 'vier.md', 'fuenf.md', 'GROSS.MD', 'Über Geld.md'.normalize('NFC'), 'Über Geld.md'.normalize('NFD'), 'ueber-geld.md', '!!!.md', 'a b.md', 'x\u001b[31m.md',
);

/** A set of articles for one project. */
export const articleSet = fc.uniqueArray(fc.tuple(fileName, articleSource), { minLength: 1, maxLength: 5, selector: ([name]) => name });

/**
 * Realistic articles for the benchmark: the size and make-up of
 * articles/openai-amazon-cloud-deal.md (teaser, about 2 KB of body with
 * headings, a list and a quote, a check box, an FAQ, sources), with the
 * optional blocks varied the way a newsroom's archive varies them.
 * Deterministic: the same count and seed give the same files.
 */

export interface GeneratedArticle {
  /** File name in the articles folder. */
  name: string;
  source: string;
}

export interface ArticleShapeChoice {
  image: 'none' | 'image' | 'captioned';
  author: boolean;
  check: boolean;
  /** Number of FAQ entries; 0 for no FAQ. */
  faq: number;
  /** Number of sources; 0 for none. */
  sources: number;
  /** An explicit web link (`url:`). */
  url: boolean;
}

const TOPICS = [
  ['OpenAI', 'Amazon', 'Cloud', 'Rechenleistung'],
  ['Nvidia', 'AMD', 'Chips', 'Rechenzentren'],
  ['SAP', 'Siemens', 'Industrie', 'Software'],
  ['Tesla', 'BYD', 'Elektroautos', 'Batterien'],
  ['Zalando', 'Shein', 'Onlinehandel', 'Retouren'],
  ['N26', 'Revolut', 'Banking', 'Lizenzen'],
  ['Celonis', 'UiPath', 'Automatisierung', 'Prozesse'],
  ['Lufthansa', 'Ryanair', 'Luftfahrt', 'Kerosin'],
] as const;

const CATEGORIES = ['Tech & Trends', 'Money', 'Start-ups', 'Karriere', 'Mobilität', 'Handel'];
const SOURCES = ['Handelsblatt', 'TechCrunch', 'Spiegel', 'Bild', 'Reuters', 'FAZ', 'Wirtschaftswoche', 'The Verge'];
const AUTHORS = ['Redaktion Business Punk', 'Lena Vogt', 'Jonas Öztürk', 'Mira Schäfer'];

const SENTENCES = [
  '{a} denkt in neuen Dimensionen und hat mit {b} einen Vertrag über mehrere Milliarden Euro geschlossen.',
  'Wie „{s}“ berichtet, verteilt sich die Summe auf die kommenden sieben Jahre und fließt vor allem in {x}.',
  'Anleger reagierten sofort: Die Aktie von {b} stieg nach der Ankündigung um vier Prozent.',
  'Dass der Vertrag gerade jetzt kommt, ist kein Zufall, denn der Markt für {x} ordnet sich neu.',
  'Der Schritt ist ein deutliches Signal an die Konkurrenz, die bei {y} bislang den Ton angab.',
  'Bis Ende 2026 soll die gesamte Kapazität bereitstehen, mit der Option auf mehr in den Jahren danach.',
  'Kritiker warnen, dass die Ausgaben schneller wachsen als die Umsätze, und sprechen von einer Blase.',
  'Für mittelständische Unternehmen heißt das: {x} wird teurer, Lieferengpässe sind möglich.',
  'Entscheidend wird sein, wer als Erster mit {y} wirklich Geld verdient – nicht, wer am meisten investiert.',
  'Laut „{s}“ will {a} in den nächsten zehn Jahren mehr als eine Billion Dollar ausgeben.',
];

const QUESTIONS = [
  'Lohnt sich die Milliardenwette von {a} wirtschaftlich?',
  'Wie kommen kleinere Unternehmen an {x}?',
  'Ist der Deal zwischen {a} und {b} ein Zeichen für eine Blase?',
  'Was bedeutet das Wettrennen um {y} für den Markt?',
  'Welche Rolle spielt die Regulierung in Europa?',
  'Wann rechnet sich die Investition für Kundinnen und Kunden?',
];

/** Every shape the generator makes, with how often (out of 100). */
function pickShape(random: () => number): ArticleShapeChoice {
  const roll = (percent: number) => random() * 100 < percent;
  const image = roll(40) ? (roll(70) ? 'captioned' : 'image') : 'none';
  const faqRoll = random();
  const faq = faqRoll < 0.2 ? 0 : faqRoll < 0.3 ? 2 : faqRoll < 0.6 ? 3 : faqRoll < 0.85 ? 4 : 5;
  return { image, author: roll(60), check: roll(85), faq, sources: roll(90) ? 1 + Math.floor(random() * 4) : 0, url: roll(20) };
}

/** `count` articles named `bench-0001-….md`, varied in shape. */
export function generateArticles(count: number, seed = 1): GeneratedArticle[] {
  const random = mulberry32(seed);
  const articles: GeneratedArticle[] = [];
  for (let index = 0; index < count; index++) {
    articles.push(generateArticle(index, pickShape(random), random));
  }
  return articles;
}

/** One article of the given shape, with text drawn from `random`. */
export function generateArticle(index: number, shape: ArticleShapeChoice, random: () => number = mulberry32(index + 1)): GeneratedArticle {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const [a, b, x, y] = pick(TOPICS);
  const fill = (text: string) => text.replaceAll('{a}', a).replaceAll('{b}', b).replaceAll('{x}', x).replaceAll('{y}', y).replaceAll('{s}', pick(SOURCES));
  const paragraph = (sentences: number) =>
    wrapLines(Array.from({ length: sentences }, () => fill(pick(SENTENCES))).join(' '));
  const number = String(index + 1).padStart(4, '0');
  const day = String(1 + (index % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(index / 28) % 12)).padStart(2, '0');
  const slugWords = `${a}-${b}-${x}`.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/[^a-z0-9]+/g, '-');

  const front: string[] = [
    `title: "${a} und ${b}: Milliarden für ${x} (Folge ${index + 1})"`,
    `category: ${pick(CATEGORIES)}`,
    `date: 2025-${month}-${day}`,
    'teaser: >-',
    indent(wrapLines(`${fill(pick(SENTENCES))} ${fill(pick(SENTENCES))}`), 2),
    `preheader: "${a} setzt auf ${x} – und macht sich unabhängiger von der Konkurrenz."`,
  ];
  if (shape.author) front.push(`author: ${pick(AUTHORS)}`);
  if (shape.url) front.push(`url: https://example.com/artikel/${slugWords}-${number}`);
  if (shape.image !== 'none') {
    front.push('image:', `  src: https://example.com/images/${slugWords}-${number}.jpg`, `  alt: Symbolbild zu ${x} bei ${a}`);
    if (shape.image === 'captioned') front.push(`  caption: ${b} und ${a} ringen um ${y}.`);
  }
  if (shape.check) front.push('check: |', indent(`${paragraph(4)}\n\n${paragraph(3).replace(/\.$/, '')}: **Wer jetzt investiert, braucht Ausdauer.**`, 2));
  if (shape.faq > 0) {
    front.push('faq:');
    for (let entry = 0; entry < shape.faq; entry++) {
      front.push(`  - question: ${fill(QUESTIONS[(index + entry) % QUESTIONS.length] ?? '')}`, '    answer: >-', indent(paragraph(3), 6));
    }
  }
  if (shape.sources > 0) {
    front.push('sources:');
    for (let source = 0; source < shape.sources; source++) {
      const name = SOURCES[(index + source) % SOURCES.length] ?? 'Reuters';
      front.push(random() < 0.3 ? `  - name: ${name}\n    url: https://example.com/quelle/${source}` : `  - ${name}`);
    }
  }

  const body = [
    paragraph(3),
    paragraph(4),
    `## ${x}: Raus aus der Abhängigkeit`,
    paragraph(3),
    paragraph(4),
    `## Das Wettrüsten um ${y}`,
    paragraph(4),
    'Vereinbarungen gibt es bereits mit:',
    `- ${b}, ${pick(SOURCES)} und weiteren Partnern,\n- den Herstellern von ${x}, die die nötige Hardware liefern.`,
    `> ${fill(pick(SENTENCES))}`,
    paragraph(2),
  ].join('\n\n');

  return { name: `bench-${number}-${slugWords}.md`, source: `---\n${front.join('\n')}\n---\n\n${body}\n` };
}

function wrapLines(text: string, width = 88): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .map((line) => (line ? ' '.repeat(spaces) + line : line))
    .join('\n');
}

/** A small seeded PRNG (mulberry32): the same seed gives the same articles on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

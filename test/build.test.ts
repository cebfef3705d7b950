import { mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../src/build.js';
import { resolveConfig } from '../src/config/config.js';
import { formatProblem, NewsletterError } from '../src/errors.js';
import { manifestFile } from '../src/io/build-cache.js';
import { sendTest } from '../src/send/send-test.js';
import { describeWithMounts, runInMountNamespace } from './helpers/mount-namespace.js';
import { article, makeProject, REPO_ROOT, type TempProject } from './helpers/project.js';
import { runCli } from './helpers/run-cli.js';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

/** The text a reader sees: tags dropped, entities decoded, whitespace folded. */
function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\u00ad/g, '') // soft hyphens show only where a line breaks
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const statuses = (result: BuildResult) => Object.fromEntries(result.articles.map((entry) => [entry.file, entry.status]));
const problems = (result: BuildResult) => result.problems.map((problem) => `${problem.file}: ${problem.message}`);
const titled = (title: string, extra = '') => article(`${extra}`).replace('title: Testartikel', `title: ${title}`);
const outputs = async (out: string) => (await readdir(out)).sort();
const TAKEN = (file: string, owner: string) => `${file}: the slug "dup" is already used by ${owner}: set a different "slug" in one of them`;

const CLI = path.join(REPO_ROOT, 'dist/cli/build-newsletter.js');
const long = (title: string) => article('', `${`${title}: ein langer Absatz über Rechenzentren, Chips und Strom. `.repeat(120)}\n`).replace('title: Testartikel', `title: ${title}`);

/** Every file in the project whose name says it is a temporary file of an atomic write. */
async function temporaryFiles(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).filter((entry) => entry.endsWith('.tmp'));
}

/** The one line a fault must be: no stack trace, nothing else on stderr. */
function expectOneLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe('build (end to end, sample articles)', () => {
  it('writes an HTML email and a text part per article with everything a reader needs', async () => {
    project = await makeProject({ samples: true });
    const result = await build({ root: project.root });
    expect(result.problems).toEqual([]);
    expect(result.articles.map((entry) => entry.status)).toEqual(['built', 'built']);

    const html = await readFile(path.join(project.out, 'openai-amazon-cloud-deal.html'), 'utf8');
    const text = await readFile(path.join(project.out, 'openai-amazon-cloud-deal.txt'), 'utf8');
    const seen = visibleText(html);

    expect(html).toMatch(/<html lang="de"/);
    expect(html).toContain('<title>OpenAI löst sich von Microsoft: 38 Milliarden Dollar für Amazons Cloud</title>');
    expect(Buffer.byteLength(html)).toBeLessThan(102_400);
    // the preheader is the first thing in the body, and hidden
    const body = html.slice(html.indexOf('<body'));
    const preheaderAt = body.indexOf('Der ChatGPT-Macher kauft für 38 Milliarden Dollar Rechenpower bei AWS');
    expect(preheaderAt).toBeGreaterThan(0);
    expect(preheaderAt).toBeLessThan(body.indexOf('BUSINESS PUNK'));
    expect(body.slice(0, preheaderAt)).toMatch(/display:none/);

    for (const needle of [
      'Tech & Trends',
      'OpenAI löst sich von Microsoft',
      'Sieben Jahre, 38 Milliarden Dollar',
      'Raus aus der Abhängigkeit',
      'Business Punk Check',
      'Die Summen sind atemberaubend',
      'Wer jetzt auf KI setzt, braucht Ausdauer und tiefe Taschen.',
      'Häufig gestellte Fragen',
      'Quellen: „Handelsblatt“, „TechCrunch“, „Spiegel“, „Bild“',
      'Newsletter abbestellen',
    ]) {
      expect(seen).toContain(needle);
    }
    const faqQuestions = [
      'Lohnt sich OpenAIs Milliardenwette auf Rechenleistung wirtschaftlich?',
      'Wie kommen kleinere Unternehmen an KI-Rechenleistung?',
      'Ist der Deal zwischen OpenAI und Amazon ein Zeichen für eine KI-Blase?',
      'Was bedeutet das Wettrennen um Rechenleistung für den Chipmarkt?',
    ];
    for (const question of faqQuestions) {
      expect(seen).toContain(question);
      expect(text).toContain(question.slice(0, 30));
    }
    for (const answerStart of ['Im Moment nicht.', 'Eigene Infrastruktur lohnt sich selten.', 'Die Hinweise mehren sich.', 'Nvidia, AMD und andere Chiphersteller']) {
      expect(seen).toContain(answerStart);
      expect(text).toContain(answerStart);
    }
    // FAQ answers are expanded, never hidden accordions
    expect(html).not.toMatch(/<details|<summary|<input[^>]+checkbox/i);
    expect(html).toContain('href="https://example.com/newsletter/abmelden"');
  });

  it('renders the optional keys: image with alt and caption, author, web link, linked sources', async () => {
    project = await makeProject({ samples: true });
    await build({ root: project.root });
    const html = await readFile(path.join(project.out, 'ki-chips-wettruesten.html'), 'utf8');
    expect(html).toMatch(/<img[^>]+src="https:\/\/example.com\/images\/ki-chips-rechenzentrum.jpg"[^>]+alt="Serverschränke mit blau leuchtenden Statuslampen in einem Rechenzentrum"/);
    expect(visibleText(html)).toContain('Rechenzentren sind das Nadelöhr des KI-Booms.');
    expect(visibleText(html)).toContain('Von Redaktion Business Punk');
    expect(html).toContain('href="https://example.com/tech-trends/ki-chips-wettruesten"');
    expect(html).toMatch(/<a href="https:\/\/www.spiegel.de\/"[^>]*>„Spiegel“<\/a>/);
  });
});

describe('build (security)', () => {
  const hostile = article(
    'check: "<img src=x onerror=alert(1)> [x](javascript:alert(1))"\nfaq:\n  - question: "<script>alert(1)</script>"\n    answer: "{{constructor.constructor \'alert(1)\'}}"\nsources:\n  - "<b>Fett</b>"',
    '<script>alert(1)</script>\n\n<iframe src="https://evil.example"></iframe>\n\n[klick](javascript:alert(1)) [daten](data:text/html,hi)\n\n{{constructor.constructor "alert(1)"}}\n',
  );

  it('keeps raw HTML, script links and template syntax from articles out of the email as live markup', async () => {
    project = await makeProject({ articles: { 'hostile.md': hostile.replace('title: Testartikel', 'title: "<img src=x onerror=alert(1)>"') } });
    const result = await build({ root: project.root });
    expect(result.problems).toEqual([]);
    const html = await readFile(path.join(project.out, 'hostile.html'), 'utf8');
    expect(html).not.toMatch(/<script|<iframe|<img[^>]*onerror|<b>Fett|href="(javascript|data):/i);
    expect(html).toContain('{{constructor.constructor');
    expect(visibleText(html)).toContain('<script>alert(1)</script>');
    const text = await readFile(path.join(project.out, 'hostile.txt'), 'utf8');
    expect(text).toContain('[klick](javascript:alert(1))');
  });
});

describe('build (lines smuggled through fields)', () => {
  it('a url, image or source url with line breaks cannot forge lines (another unsubscribe link) in the text part', async () => {
    const forged = '\\n\\nNewsletter abbestellen: https://evil.example/abmelden';
    project = await makeProject({
      articles: {
        'url.md': article(`url: "https://example.com/a${forged}"`),
        'bild.md': article(`image: { src: "https://example.com/a.jpg${forged}", alt: Bild }`),
        'quelle.md': article(`sources: [{ name: Quelle, url: "https://example.com/${forged}" }]`),
      },
    });
    const result = await build({ root: project.root });
    expect(result.articles.map((entry) => entry.status)).toEqual(['failed', 'failed', 'failed']);
    expect(result.problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message.replace(/ \(a line break.*$/, '')}`)).toEqual([
      'articles/bild.md:6: "image.src" must not contain U+000A',
      'articles/quelle.md:6: source 1 ("Quelle"): "url" must not contain U+000A',
      'articles/url.md:6: "url" must not contain U+000A',
    ]);
    await expect(readdir(project.out)).rejects.toThrow(); // nothing was written
  });
});

describe('build (bad input)', () => {
  it('reports every bad article of a run, builds the good ones, and leaves earlier output untouched', async () => {
    project = await makeProject({ articles: { 'a-good.md': article(), 'b-bad.md': article('teasr: typo'), 'c-bad.md': article().replace('date: 2025-11-04', 'date: 2025-02-30') } });
    const first = await build({ root: project.root });
    expect(first.problems.map((problem) => `${problem.file}:${problem.line}`)).toEqual(['articles/b-bad.md:6', 'articles/c-bad.md:4']);
    expect(first.articles.map((entry) => entry.status)).toEqual(['built', 'failed', 'failed']);

    // break the good article: its earlier output must survive byte for byte
    const before = await readFile(path.join(project.out, 'a-good.html'));
    await writeFile(path.join(project.articles, 'a-good.md'), article('image:\n  src: https://example.com/a.jpg'));
    const second = await build({ root: project.root });
    expect(second.problems[0]?.message).toMatch(/missing required key "image\.alt"/);
    expect(await readFile(path.join(project.out, 'a-good.html'))).toEqual(before);
    expect((await readdir(project.out)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses ---js frontmatter without running it', async () => {
    const flag = `__buildRan_${Date.now()}`;
    project = await makeProject({ articles: { 'evil.md': `---js\n{ title: (globalThis.${flag} = 1, "x") }\n---\nBody\n` } });
    const result = await build({ root: project.root });
    expect(result.problems[0]).toMatchObject({ file: 'articles/evil.md', line: 1 });
    expect(result.problems[0]?.message).toMatch(/"---js" frontmatter is not allowed/);
    expect((globalThis as Record<string, unknown>)[flag]).toBeUndefined();
  });

  it('reports two articles that claim the same slug', async () => {
    project = await makeProject({ articles: { 'a.md': article('slug: gleich'), 'b.md': article('slug: gleich') } });
    const result = await build({ root: project.root });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toMatch(/the slug "gleich" is already used by articles\/a.md/);
  });
});

describe('build (drafts, cache, removal)', () => {
  it('skips drafts unless asked', async () => {
    project = await makeProject({ articles: { 'entwurf.md': article('draft: true') } });
    expect((await build({ root: project.root })).articles[0]?.status).toBe('draft-skipped');
    expect((await build({ root: project.root, drafts: true })).articles[0]?.status).toBe('built');
  });

  it('rebuilds only what changed, everything with force, and removes outputs of deleted articles', async () => {
    project = await makeProject({ articles: { 'eins.md': article(), 'zwei.md': article() } });
    await build({ root: project.root });
    const mtime = async (name: string) => (await stat(path.join(project!.out, name))).mtimeMs;
    const zweiBefore = await mtime('zwei.html');

    await writeFile(path.join(project.articles, 'eins.md'), article('author: Neu'));
    const second = await build({ root: project.root });
    expect(second.articles.map((entry) => entry.status)).toEqual(['built', 'cached']);
    expect(await mtime('zwei.html')).toBe(zweiBefore);

    expect((await build({ root: project.root, force: true })).articles.map((entry) => entry.status)).toEqual(['built', 'built']);

    await rm(path.join(project.articles, 'zwei.md'));
    const third = await build({ root: project.root });
    expect(third.removed.sort()).toEqual(['out/zwei.html', 'out/zwei.txt']);
    expect((await readdir(project.out)).filter((name) => !name.startsWith('.')).sort()).toEqual(['eins.html', 'eins.txt']);
  });

  it('rebuilds everything when a partial changes', async () => {
    project = await makeProject({ articles: { 'eins.md': article() } });
    await build({ root: project.root });
    const footer = path.join(project.root, 'templates/partials/footer.mjml.hbs');
    await writeFile(footer, (await readFile(footer, 'utf8')).replace('{{strings.footerReason}}', 'Geänderter Fußtext'));
    const result = await build({ root: project.root });
    expect(result.articles[0]?.status).toBe('built');
    expect(await readFile(path.join(project.out, 'eins.html'), 'utf8')).toContain('Geänderter Fußtext');
  });
});

describe('build (one output per slug, in full and partial builds)', () => {
  it('a partial build of the second article refuses the slug the first has, and leaves its output alone; so does send-test --dry-run', async () => {
    project = await makeProject({ articles: { 'a.md': titled('Artikel A', 'slug: dup'), 'b.md': titled('Artikel B', 'slug: dup') } });
    const full = await build({ root: project.root });
    expect(statuses(full)).toEqual({ 'articles/a.md': 'built', 'articles/b.md': 'failed' });
    expect(problems(full)).toEqual([TAKEN('articles/b.md', 'articles/a.md')]);

    await writeFile(path.join(project.articles, 'b.md'), titled('Artikel B, neu', 'slug: dup'));
    const partial = await build({ root: project.root, files: ['articles/b.md'] });
    expect(statuses(partial)).toEqual({ 'articles/b.md': 'failed' });
    expect(problems(partial)).toEqual([TAKEN('articles/b.md', 'articles/a.md')]);
    expect(await readFile(path.join(project.out, 'dup.html'), 'utf8')).toContain('Artikel A');

    // a later full build still knows: nothing is "unchanged" under the wrong content
    const again = await build({ root: project.root });
    expect(statuses(again)).toEqual({ 'articles/a.md': 'cached', 'articles/b.md': 'failed' });

    // nor does a test send mix one article's subject with the other's body
    const sent = sendTest({ config: resolveConfig({}, project.root), target: 'articles/b.md', to: ['test@example.com'], dryRun: true, env: {} });
    await expect(sent).rejects.toThrow(TAKEN('articles/b.md', 'articles/a.md').replace(/^articles\/b\.md: /, ''));
    expect(await outputs(project.out)).toEqual(['dup.html', 'dup.txt']);
  });

  it('a partial build that takes a slug from a later article says so for that article too', async () => {
    project = await makeProject({ articles: { 'b.md': titled('Artikel B', 'slug: dup') } });
    await build({ root: project.root });
    await writeFile(path.join(project.articles, 'a.md'), titled('Artikel A', 'slug: dup'));
    const partial = await build({ root: project.root, files: ['articles/a.md'] });
    expect(statuses(partial)).toEqual({ 'articles/a.md': 'built', 'articles/b.md': 'failed' });
    expect(problems(partial)).toEqual([TAKEN('articles/b.md', 'articles/a.md')]);
    expect(await readFile(path.join(project.out, 'dup.html'), 'utf8')).toContain('Artikel A');
  });

  it('an article whose slug changes: its old outputs are removed (partial and full builds), and a slug it frees goes to the article that wanted it', async () => {
    project = await makeProject({ articles: { 'a.md': titled('Artikel A', 'slug: alt'), 'c.md': titled('Artikel C', 'slug: dup'), 'd.md': titled('Artikel D', 'slug: dup') } });
    await build({ root: project.root });
    expect(await outputs(project.out)).toEqual(['alt.html', 'alt.txt', 'dup.html', 'dup.txt']);

    await writeFile(path.join(project.articles, 'a.md'), titled('Artikel A', 'slug: neu'));
    const partial = await build({ root: project.root, files: ['articles/a.md'] });
    expect(partial.removed.sort()).toEqual(['out/alt.html', 'out/alt.txt']);
    expect(await outputs(project.out)).toEqual(['dup.html', 'dup.txt', 'neu.html', 'neu.txt']);

    await writeFile(path.join(project.articles, 'a.md'), titled('Artikel A', 'slug: dritter'));
    const full = await build({ root: project.root });
    expect(full.removed.sort()).toEqual(['out/neu.html', 'out/neu.txt']);

    // c gives "dup" up: d, which was refused it, is built in the same partial build
    await writeFile(path.join(project.articles, 'c.md'), titled('Artikel C', 'slug: eigen'));
    const freed = await build({ root: project.root, files: ['articles/c.md'] });
    expect(statuses(freed)).toEqual({ 'articles/c.md': 'built', 'articles/d.md': 'built' });
    expect(freed.removed).toEqual([]);
    expect(await readFile(path.join(project.out, 'dup.html'), 'utf8')).toContain('Artikel D');
    expect(await outputs(project.out)).toEqual(['dritter.html', 'dritter.txt', 'dup.html', 'dup.txt', 'eigen.html', 'eigen.txt']);
  });

  it('a failed article keeps its last good outputs, and they go once it is deleted', async () => {
    project = await makeProject({ articles: { 'a.md': titled('Artikel A'), 'b.md': titled('Artikel B') } });
    await build({ root: project.root });
    await writeFile(path.join(project.articles, 'a.md'), article('teasr: x'));
    expect(statuses(await build({ root: project.root }))).toEqual({ 'articles/a.md': 'failed', 'articles/b.md': 'cached' });
    expect(await outputs(project.out)).toEqual(['a.html', 'a.txt', 'b.html', 'b.txt']);
    await rm(path.join(project.articles, 'a.md'));
    expect((await build({ root: project.root })).removed.sort()).toEqual(['out/a.html', 'out/a.txt']);
  });
});

describe('build (file names)', () => {
  it('NFC and NFD forms of the same name give the same slug, and so collide', async () => {
    const nfc = 'Über Geld.md'.normalize('NFC');
    const nfd = 'Über Geld.md'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    project = await makeProject({ articles: { [nfd]: titled('Zerlegt') } });
    const alone = await build({ root: project.root });
    expect(alone.articles).toEqual([expect.objectContaining({ status: 'built', slug: 'ueber-geld' })]);

    await writeFile(path.join(project.articles, nfc), titled('Zusammengesetzt'));
    const both = await build({ root: project.root });
    // the decomposed name sorts first ("U" + U+0308 before "Ü") and keeps the slug
    expect(statuses(both)).toEqual({ [`articles/${nfd}`]: 'cached', [`articles/${nfc}`]: 'failed' });
    expect(problems(both)).toEqual([`articles/${nfc}: the slug "ueber-geld" is already used by articles/${nfd}: set a different "slug" in one of them`]);
  });

  it('*.MD files are articles like *.md, in full and partial builds', async () => {
    project = await makeProject({ articles: { 'LAUT.MD': titled('Laut'), 'Gemischt.Md': titled('Gemischt') } });
    expect(statuses(await build({ root: project.root }))).toEqual({ 'articles/Gemischt.Md': 'built', 'articles/LAUT.MD': 'built' });
    expect(await outputs(project.out)).toEqual(['gemischt.html', 'gemischt.txt', 'laut.html', 'laut.txt']);
    await writeFile(path.join(project.articles, 'LAUT.MD'), titled('Lauter'));
    expect(statuses(await build({ root: project.root, files: ['articles/LAUT.MD'] }))).toEqual({ 'articles/LAUT.MD': 'built' });
  });

  it('a symbolic link that leads outside the project is refused; one inside the project is an article', async () => {
    project = await makeProject({ articles: { 'echt.md': titled('Echt') } });
    const outside = path.join(path.dirname(project.root), `${path.basename(project.root)}-outside.md`);
    await writeFile(outside, titled('Von draußen'));
    await symlink(outside, path.join(project.articles, 'draussen.md'));
    await project.write('entwuerfe/drinnen.md', titled('Von drinnen'));
    await symlink(path.join(project.root, 'entwuerfe/drinnen.md'), path.join(project.articles, 'drinnen.md'));
    try {
      const result = await build({ root: project.root });
      expect(statuses(result)).toEqual({ 'articles/draussen.md': 'failed', 'articles/drinnen.md': 'built', 'articles/echt.md': 'built' });
      expect(problems(result)).toEqual([`articles/draussen.md: is a symbolic link to ${outside}, outside the project: copy the article into articles/ instead`]);
    } finally {
      await rm(outside);
    }
  });

  it('a named file must be an article of the articles folder', async () => {
    project = await makeProject({ articles: { 'echt.md': titled('Echt') } });
    await project.write('anderswo/x.md', titled('X', 'slug: echt'));
    await expect(build({ root: project.root, files: ['anderswo/x.md'] })).rejects.toThrow('anderswo/x.md: not in the articles folder: name a .md file in articles/');
    await expect(build({ root: project.root, files: ['articles/echt.txt'] })).rejects.toThrow('not a Markdown article');
  });
});

describeWithMounts('build (disk faults are one line naming the folder, exit 1, nothing earlier lost)', () => {
  it('a read-only output folder', async () => {
    project = await makeProject({ articles: { 'eins.md': long('Eins'), 'zwei.md': long('Zwei') } });
    // what an earlier build wrote
    await project.write('out/eins.html', '<!doctype html><p>Eins, wie es war</p>');
    await project.write('out/eins.txt', 'Eins, wie es war');
    const before = await readFile(path.join(project.out, 'eins.html'), 'utf8');

    const run = await runInMountNamespace(`mount --bind out out; mount -o remount,bind,ro out; exec "$NODE" ${JSON.stringify(CLI)}`, { cwd: project.root });
    expect(run.code).toBe(1);
    expectOneLine(run.stderr, /^error out: cannot write the newsletters \(read-only file system, EROFS\): make out writable, or set "paths\.out" in newsletter\.config\.json to a writable folder$/);
    expect(await readFile(path.join(project.out, 'eins.html'), 'utf8')).toBe(before);
    expect((await readdir(project.out)).sort()).toEqual(['eins.html', 'eins.txt']);
    expect(await temporaryFiles(project.root)).toEqual([]);
  });

  it('a full disk', async () => {
    // what an earlier build wrote, and seven articles for a 64 KB disk
    project = await makeProject({ articles: Object.fromEntries(['a-eins', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => [`${name}.md`, long(name)])) });
    await project.write('earlier/g.html', '<!doctype html><p>G, wie es war</p>');
    await project.write('earlier/g.txt', 'G, wie es war');
    await mkdir(project.out);
    const run = await runInMountNamespace(
      [
        'mount -t tmpfs -o size=64k tmpfs out',
        'cp earlier/* out/',
        `set +e; "$NODE" ${JSON.stringify(CLI)}; echo "exit=$?" > exit-code`,
        'cmp out/g.html earlier/g.html && cmp out/g.txt earlier/g.txt && echo same > compared',
        'ls -A out > listing',
      ].join('\n'),
      { cwd: project.root },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(project.root, 'exit-code'), 'utf8')).toBe('exit=1\n');
    expectOneLine(run.stderr, /^error out: cannot write the newsletters \(no space left on the device, ENOSPC\): free some space and build again$/);
    expect(await readFile(path.join(project.root, 'compared'), 'utf8')).toBe('same\n');
    const listing = (await readFile(path.join(project.root, 'listing'), 'utf8')).trim().split('\n');
    expect(listing.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(listing).toContain('g.html');
  });
});

describe('build (the cache cannot be saved)', () => {
  it('the newsletters are written; the fault is one line naming the cache folder, with no temporary files left', async () => {
    project = await makeProject({ articles: { 'eins.md': article() } });
    const config = resolveConfig({}, project.root);
    await mkdir(manifestFile(config), { recursive: true }); // a folder where the manifest goes
    const error = await build({ root: project.root }).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(NewsletterError);
    expect((error as NewsletterError).problems.map(formatProblem)).toEqual([
      'node_modules/.cache/punk-newsletter: cannot save the build cache (EISDIR): remove what is in the way in node_modules/.cache/punk-newsletter (it holds nothing but caches), or set "cacheDir" in newsletter.config.json',
    ]);
    expect((await readdir(project.out)).sort()).toEqual(['eins.html', 'eins.txt']);
    expect(await temporaryFiles(project.root)).toEqual([]);
  });
});

describe('build (a setting that points at a file instead of a folder is one line, exit 1)', () => {
  it.each([
    ['cacheDir', { cacheDir: 'plan.txt' }, /^plan\.txt: cannot save the build cache \(a file is in the way of a folder, ENOTDIR\): make plan\.txt a folder/],
    ['paths.articles', { paths: { articles: 'plan.txt' } }, /^the articles folder .*plan\.txt is a file, not a folder: set "paths\.articles" in newsletter\.config\.json to a folder$/],
    ['paths.templates', { paths: { templates: 'plan.txt' } }, /^plan\.txt: the templates folder is a file, not a folder: set "paths\.templates" in newsletter\.config\.json/],
    ['paths.out, one level down', { paths: { out: 'plan.txt/out' } }, /^plan\.txt\/out: cannot write the newsletters \(a file is in the way of a folder, ENOTDIR\)/],
  ])('%s', async (_key, config, expected) => {
    project = await makeProject({ articles: { 'eins.md': article() }, config });
    await writeFile(path.join(project.root, 'plan.txt'), 'a file, not a folder\n');
    const error = await build({ root: project.root }).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(NewsletterError);
    expect((error as NewsletterError).problems.map(formatProblem)).toEqual([expect.stringMatching(expected)]);
    expect(await readFile(path.join(project.root, 'plan.txt'), 'utf8')).toBe('a file, not a folder\n');
  });

  it('paths.out, through build-newsletter', async () => {
    project = await makeProject({ articles: { 'eins.md': article() }, config: { paths: { out: 'plan.txt' } } });
    await writeFile(path.join(project.root, 'plan.txt'), 'a file, not a folder\n');
    const run = await runCli('build-newsletter', [], { cwd: project.root });
    expect(run.code).toBe(1);
    expectOneLine(run.stderr, /^error plan\.txt: cannot write the newsletters \(a file is in the way of a folder, ENOTDIR\): make plan\.txt a folder \(remove the file in its place\), or set "paths\.out"/);
    expect(await readFile(path.join(project.root, 'plan.txt'), 'utf8')).toBe('a file, not a folder\n');
  });
});

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../io/load-config.js';
import { loadTemplateSources } from '../io/load-templates.js';
import { readArticle } from '../pipeline/build-article.js';
import { compileTemplates } from '../pipeline/compile-templates.js';
import { renderView } from '../pipeline/render-view.js';
import { generateArticles } from './generate-articles.js';

export interface BenchOptions {
  /** The repository: its templates are copied, its `npm run build-newsletter` and mjml CLI are run. */
  repoRoot: string;
  /** Articles to generate. @default 200 */
  articles?: number;
  /** Runs of each measurement; the median is reported. @default 1 */
  repeat?: number;
  /** Also time a cold build with `--no-fast-path`. @default false */
  fullPath?: boolean;
  /** Also time the mjml CLI with its default options (it then beautifies its output). @default false */
  mjmlDefaults?: boolean;
  /** Keep the temp project for a look afterwards. @default false */
  keep?: boolean;
  /** Progress, one line per run. */
  onProgress?: (line: string) => void;
}

export interface Measurement {
  /** Median wall time of the runs, in ms. */
  ms: number;
  /** Every run, in ms, in round order. */
  runs: number[];
  /** Median over the rounds of this run's time divided by the mjml CLI's in the same round. */
  ratio: number;
  /** That ratio in each round. */
  ratios: number[];
  /** Median peak resident memory of the measured command and its children (via /usr/bin/time), in MB, where known. */
  peakMB: number | null;
  /**
   * Median CPU time (user + system) of the command and its children, in ms, where known. On a machine
   * that other work keeps busy, wall time includes waiting for a core; CPU time says how much work a
   * run was.
   */
  cpuMs: number | null;
  /** Peak resident memory the build process reported itself (`maxRssKB` of `--json`), last run, in MB. */
  buildPeakMB?: number;
  /** Newsletters built in the last run (for builds). */
  built?: number;
  /** Articles filled into compiled layouts and compiled with MJML instead, in the last run. */
  filled?: number;
  fallbacks?: number;
  compiledSkeletons?: number;
}

export interface BenchReport {
  articles: number;
  repeat: number;
  node: string;
  cpus: number;
  /** 1, 5 and 15 minute load averages when the bench started and ended. */
  loadBefore: number[];
  loadAfter: number[];
  project: string;
  mjmlCli: Measurement;
  /** The mjml CLI with its default options, for reference. */
  mjmlCliDefaults?: Measurement;
  cold: Measurement;
  noop: Measurement;
  /** The no-op rebuild with the command's file run by node, as the mjml CLI is run: what `npm run` adds to every command is the difference. */
  noopDirect: Measurement;
  oneArticle: Measurement;
  onePartial: Measurement;
  fullPathCold?: Measurement;
}

interface RunResult {
  ms: number;
  stdout: string;
  peakMB: number | null;
  /** User and system CPU time of the command and its children, where /usr/bin/time is present. */
  cpuMs: number | null;
}

const TIME = '/usr/bin/time';

/**
 * Generate a project in a temp folder and time, as a user runs them:
 * the mjml CLI on the same newsletters as ready-made .mjml files (baseline),
 * a cold build, a build with nothing to do, and builds after editing one
 * article and one partial, all through `npm run build-newsletter`.
 */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const count = options.articles ?? 200;
  const repeat = options.repeat ?? 1;
  const progress = options.onProgress ?? (() => undefined);
  const loadBefore = os.loadavg();
  const root = await mkdtemp(path.join(os.tmpdir(), 'newsletter-bench-'));
  try {
    const articles = generateArticles(count);
    await cp(path.join(options.repoRoot, 'templates'), path.join(root, 'templates'), { recursive: true });
    await mkdir(path.join(root, 'articles'), { recursive: true });
    await Promise.all(articles.map((article) => writeFile(path.join(root, 'articles', article.name), article.source)));
    await writeMjmlFiles(root, path.join(root, 'mjml'));

    const mjmlBin = path.join(options.repoRoot, 'node_modules', '.bin', 'mjml');
    const mjmlFiles = articles.map((article) => path.join(root, 'mjml', article.name.replace(/\.md$/, '.mjml')));
    // The same options our build passes to mjml2html (src/pipeline/compile-mjml.ts).
    const mjmlArgs = ['-r', ...mjmlFiles, '-o', `${path.join(root, 'mjml-out')}${path.sep}`, '--config.beautify', 'false', '--config.validationLevel', 'strict', '--config.keepComments', 'false'];
    const runMjml = async (args: string[]) => {
      await rm(path.join(root, 'mjml-out'), { recursive: true, force: true });
      await mkdir(path.join(root, 'mjml-out'));
      return run(mjmlBin, args, options.repoRoot);
    };
    const build = (...flags: string[]) => run('npm', ['run', '-s', 'build-newsletter', '--', '--root', root, '--json', ...flags], options.repoRoot);
    const buildDirect = () => run(process.execPath, [path.join(options.repoRoot, 'dist', 'cli', 'build-newsletter.js'), '--root', root, '--json'], options.repoRoot);
    // cold: no outputs and no caches (the manifest and compiled layouts live in node_modules/.cache)
    const clean = () => Promise.all(['out', 'node_modules'].map((folder) => rm(path.join(root, folder), { recursive: true, force: true })));
    const partial = path.join(root, 'templates', 'partials', 'footer.mjml.hbs');
    const partialSource = await readFile(partial, 'utf8');
    let edits = 0;

    // One round runs every measurement once; rounds repeat. The ratio to the mjml CLI is taken within
    // each round, so a machine that gets busier or quieter during the bench skews the ratios less.
    const steps: Step[] = [
      { key: 'mjmlCli', label: '(a) mjml CLI', once: () => runMjml(mjmlArgs) },
      ...(options.mjmlDefaults ? [{ key: 'mjmlCliDefaults', label: 'mjml CLI, default options', once: () => runMjml(['-r', ...mjmlFiles, '-o', `${path.join(root, 'mjml-out')}${path.sep}`]) } as const] : []),
      {
        key: 'cold',
        label: '(b) cold build',
        once: async () => {
          await clean();
          return build();
        },
      },
      { key: 'noop', label: '(c) no-op rebuild', once: () => build() },
      { key: 'noopDirect', label: "(c') no-op rebuild, node dist/cli/build-newsletter.js", once: () => buildDirect() },
      {
        key: 'oneArticle',
        label: '(d) one article edited',
        once: async () => {
          edits += 1;
          const article = articles[(edits * 7919) % articles.length];
          if (!article) throw new Error('no article to edit');
          const file = path.join(root, 'articles', article.name);
          await writeFile(file, `${await readFile(file, 'utf8')}\nNachtrag ${edits}: Die Redaktion hat diesen Artikel ergänzt.\n`);
          return build();
        },
      },
      {
        key: 'onePartial',
        label: '(e) one partial edited',
        once: async () => {
          await writeFile(partial, partialSource.replace('{{strings.footerReason}}', `{{strings.footerReason}} (Ausgabe ${edits})`));
          return build();
        },
      },
      ...(options.fullPath
        ? [
            {
              key: 'fullPathCold',
              label: 'full path cold build (--no-fast-path)',
              once: async () => {
                await clean();
                return build('--no-fast-path');
              },
            } as const,
          ]
        : []),
    ];
    const results = new Map<Step['key'], RunResult[]>(steps.map((step) => [step.key, []]));
    for (let round = 1; round <= repeat; round++) {
      for (const step of steps) {
        const result = await step.once();
        results.get(step.key)?.push(result);
        const cpu = result.cpuMs === null ? '' : `, ${(result.cpuMs / 1000).toFixed(2)} s CPU`;
        progress(`round ${round}/${repeat} ${step.label}: ${(result.ms / 1000).toFixed(2)} s${cpu}${result.peakMB === null ? '' : `, ${Math.round(result.peakMB)} MB`}`);
      }
    }
    const baseline = results.get('mjmlCli') ?? [];
    const measurement = (key: Step['key']) => summarise(results.get(key) ?? [], baseline);
    const mjmlCli = measurement('mjmlCli');
    const mjmlCliDefaults = options.mjmlDefaults ? measurement('mjmlCliDefaults') : undefined;
    const cold = measurement('cold');
    const noop = measurement('noop');
    const noopDirect = measurement('noopDirect');
    const oneArticle = measurement('oneArticle');
    const onePartial = measurement('onePartial');
    const fullPathCold = options.fullPath ? measurement('fullPathCold') : undefined;

    return {
      articles: count,
      repeat,
      node: process.version,
      cpus: os.cpus().length,
      loadBefore,
      loadAfter: os.loadavg(),
      project: root,
      mjmlCli,
      ...(mjmlCliDefaults ? { mjmlCliDefaults } : {}),
      cold,
      noop,
      noopDirect,
      oneArticle,
      onePartial,
      ...(fullPathCold ? { fullPathCold } : {}),
    };
  } finally {
    if (!options.keep) await rm(root, { recursive: true, force: true });
  }
}

/** The MJML our build would compile for every article, as ready-made files for the mjml CLI. */
async function writeMjmlFiles(root: string, dir: string): Promise<void> {
  const config = await loadConfig({ root });
  const templates = compileTemplates(await loadTemplateSources(config.paths.templates, root));
  await mkdir(dir, { recursive: true });
  const { listArticleFiles, loadArticle } = await import('../io/load-articles.js');
  for (const file of await listArticleFiles(config.paths.articles)) {
    const article = readArticle(await loadArticle(file, root));
    await writeFile(path.join(dir, path.basename(file).replace(/\.md$/, '.mjml')), templates.render(renderView(article, config)).mjml);
  }
}

interface Step {
  key: 'mjmlCli' | 'mjmlCliDefaults' | 'cold' | 'noop' | 'noopDirect' | 'oneArticle' | 'onePartial' | 'fullPathCold';
  label: string;
  once: () => Promise<RunResult>;
}

/** Medians of the runs of one measurement; the ratio to the mjml CLI run of the same round, median over rounds. */
function summarise(runs: RunResult[], baseline: RunResult[]): Measurement {
  const last = runs[runs.length - 1];
  const summary = last ? buildSummary(last.stdout) : {};
  const peaks = runs.map((result) => result.peakMB).filter((value): value is number => value !== null);
  const ratios = runs.map((result, index) => result.ms / (baseline[index]?.ms ?? Number.NaN)).filter(Number.isFinite);
  return {
    ms: median(runs.map((result) => result.ms)),
    runs: runs.map((result) => Math.round(result.ms)),
    ratio: median(ratios),
    ratios: ratios.map((ratio) => Math.round(ratio * 1000) / 1000),
    peakMB: peaks.length > 0 ? median(peaks) : null,
    cpuMs: runs.every((result) => result.cpuMs !== null) && runs.length > 0 ? median(runs.map((result) => result.cpuMs ?? 0)) : null,
    ...summary,
  };
}

/** Counts from `build-newsletter --json`, to check that each run did what it should. */
function buildSummary(stdout: string): Partial<Measurement> {
  if (!stdout.trimStart().startsWith('{')) return {};
  const json = JSON.parse(stdout) as { articles: { status: string }[]; maxRssKB?: number; fastPath?: { filled: number; fallbacks: number; compiledSkeletons: number } };
  return {
    built: json.articles.filter((article) => article.status === 'built').length,
    ...(json.maxRssKB ? { buildPeakMB: json.maxRssKB / 1024 } : {}),
    ...(json.fastPath ? { filled: json.fastPath.filled, fallbacks: json.fastPath.fallbacks, compiledSkeletons: json.fastPath.compiledSkeletons } : {}),
  };
}

/** Run a command to its end; wall time, stdout, and peak memory via /usr/bin/time where present. */
function run(command: string, args: string[], cwd: string): Promise<RunResult> {
  const timed = existsSync(TIME);
  const [file, argv] = timed ? [TIME, ['-f', '%M %U %S', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const stderr = Buffer.concat(err).toString('utf8');
      if (code !== 0) {
        reject(new Error(`${command} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
        return;
      }
      // /usr/bin/time prints, as the last stderr line, the peak resident set size in KB and the user and system CPU seconds.
      const [kb = NaN, user = NaN, system = NaN] = timed ? (stderr.trim().split('\n').pop() ?? '').split(' ').map(Number) : [];
      const cpuMs = (user + system) * 1000;
      resolve({ ms, stdout: Buffer.concat(out).toString('utf8'), peakMB: Number.isFinite(kb) ? kb / 1024 : null, cpuMs: Number.isFinite(cpuMs) ? cpuMs : null });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

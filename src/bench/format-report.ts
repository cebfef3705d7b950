import type { BenchReport, Measurement } from './run-bench.js';

/** Targets of the performance issue, as ratios against the mjml CLI measured side by side. */
const TARGETS = {
  cold: 0.35,
  noop: 0.1,
  oneArticle: 0.18,
  peakMB: 600,
  /** Cold build of 1,000 articles, in ms. */
  cold1000Ms: 4000,
} as const;

/** The report as a table, with ratios against the mjml CLI and the targets. */
export function formatReport(report: BenchReport): string {
  const baseline = report.mjmlCli.ms;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  // the median of the ratios of each round (run next to each other), not the ratio of the medians
  const ratio = (measurement: Measurement) => `${measurement.ratio.toFixed(3)} ×`;
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const runs = (measurement: Measurement) => (measurement.runs.length > 1 ? measurement.runs.map((ms) => (ms / 1000).toFixed(2)).join(' / ') : '');
  const memory = (measurement: Measurement) => {
    const peak = measurement.buildPeakMB ?? measurement.peakMB;
    return peak === null ? '' : `${Math.round(peak)} MB`;
  };
  const cpu = (measurement: Measurement) => (measurement.cpuMs === null ? '' : `${seconds(measurement.cpuMs)} (${(measurement.cpuMs / (report.mjmlCli.cpuMs ?? Number.NaN)).toFixed(2)} ×)`);
  const rows: string[][] = [['measurement', 'median', '× mjml CLI', 'target', 'CPU (× CLI)', 'peak memory', 'runs (s)', 'built / fast / MJML / layouts compiled']];
  const counts = (measurement: Measurement) =>
    measurement.built === undefined ? '' : `${measurement.built} / ${measurement.filled ?? '-'} / ${measurement.fallbacks ?? '-'} / ${measurement.compiledSkeletons ?? '-'}`;
  rows.push(['(a) mjml CLI, same MJML (baseline)', seconds(baseline), '1.000 ×', '', cpu(report.mjmlCli), memory(report.mjmlCli), runs(report.mjmlCli), '']);
  if (report.mjmlCliDefaults) rows.push(['mjml CLI, default options (beautify)', seconds(report.mjmlCliDefaults.ms), ratio(report.mjmlCliDefaults), '', cpu(report.mjmlCliDefaults), memory(report.mjmlCliDefaults), runs(report.mjmlCliDefaults), '']);
  const coldTarget = report.articles >= 1000 ? `< ${TARGETS.cold1000Ms / 1000} s at 1,000: ${verdict(report.cold.ms < TARGETS.cold1000Ms)}` : '';
  rows.push(['(b) cold build', seconds(report.cold.ms), ratio(report.cold), `≤ ${TARGETS.cold} ×: ${verdict(report.cold.ratio <= TARGETS.cold)}${coldTarget ? `; ${coldTarget}` : ''}`, cpu(report.cold), memory(report.cold), runs(report.cold), counts(report.cold)]);
  rows.push(['(c) no-op rebuild', seconds(report.noop.ms), ratio(report.noop), `≤ ${TARGETS.noop} ×: ${verdict(report.noop.ratio <= TARGETS.noop)}`, cpu(report.noop), memory(report.noop), runs(report.noop), counts(report.noop)]);
  const npm = report.noop.ms - report.noopDirect.ms;
  rows.push([`(c') the same without npm run (npm: ${seconds(npm)})`, seconds(report.noopDirect.ms), ratio(report.noopDirect), '', cpu(report.noopDirect), memory(report.noopDirect), runs(report.noopDirect), counts(report.noopDirect)]);
  rows.push(['(d) one article edited', seconds(report.oneArticle.ms), ratio(report.oneArticle), `≤ ${TARGETS.oneArticle} ×: ${verdict(report.oneArticle.ratio <= TARGETS.oneArticle)}`, cpu(report.oneArticle), memory(report.oneArticle), runs(report.oneArticle), counts(report.oneArticle)]);
  rows.push(['(e) one partial edited', seconds(report.onePartial.ms), ratio(report.onePartial), '', cpu(report.onePartial), memory(report.onePartial), runs(report.onePartial), counts(report.onePartial)]);
  if (report.fullPathCold) rows.push(['cold build, --no-fast-path', seconds(report.fullPathCold.ms), ratio(report.fullPathCold), '', cpu(report.fullPathCold), memory(report.fullPathCold), runs(report.fullPathCold), counts(report.fullPathCold)]);
  const peaks = [report.cold, report.noop, report.oneArticle, report.onePartial].map((measurement) => measurement.buildPeakMB ?? measurement.peakMB ?? 0);
  const peak = Math.max(...peaks);
  rows.push(['(f) peak memory of our builds', `${Math.round(peak)} MB`, '', `< ${TARGETS.peakMB} MB: ${verdict(peak < TARGETS.peakMB)}`, '', '', '', '']);

  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const lines = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
  return [
    `${report.articles} articles, ${report.repeat} round(s) of every measurement (medians; ratios per round, then their median), node ${report.node}, ${report.cpus} cores, load average ${load(report.loadBefore)} → ${load(report.loadAfter)}`,
    '',
    lines[0] ?? '',
    '-'.repeat(lines[0]?.length ?? 0),
    ...lines.slice(1),
  ].join('\n');
}

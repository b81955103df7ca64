/**
 * `tb-core inspect`: loads a log directory once and prints what is in it (runs, tags
 * per plugin, points kept, problems), like TensorBoard's `--inspect`. Useful to check
 * a log directory without a browser.
 */
import type { LoadingStatus } from '../multiplexer/multiplexer.js';
import type { DataProvider } from '../multiplexer/data-provider.js';

/** Renders the inspection report as plain text lines. */
export function inspectReport(provider: DataProvider, status: LoadingStatus, loadMs: number): string[] {
  const lines: string[] = [];
  const runs = provider.listRuns();
  const mb = (status.bytesRead / 1e6).toFixed(1);
  lines.push(`${runs.length} runs, ${status.eventsRead} events, ${mb} MB read in ${loadMs.toFixed(0)} ms`);
  const plugins = ['scalars', 'histograms', 'images', 'audio', 'text', 'pr_curves', 'hparams', 'graphs', 'graph_run_metadata', 'graph_keras_model'];
  for (const run of runs) {
    const start = run.startTime === null ? 'no events yet' : new Date(run.startTime * 1000).toISOString();
    lines.push(`run ${JSON.stringify(run.name)} (started ${start})`);
    for (const plugin of plugins) {
      const tags = provider.listTags(plugin, { runs: [run.name] }).get(run.name);
      if (!tags) continue;
      const parts = [...tags].map(([tag, info]) =>
        info.count > 0 ? `${tag} (${info.count} kept, last step ${info.maxStep})` : `${tag} (empty)`,
      );
      lines.push(`  ${plugin}: ${parts.join(', ')}`);
    }
  }
  if (status.recordsSkipped > 0) lines.push(`${status.recordsSkipped} damaged record(s) skipped`);
  if (status.problemCount > 0) {
    lines.push(`${status.problemCount} problem(s):`);
    for (const p of status.problems) lines.push(`  ${p.run ? `${p.run}: ` : ''}${p.file}: ${p.message}`);
  }
  return lines;
}

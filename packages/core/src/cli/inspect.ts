/**
 * `tb-core inspect`: loads a log directory once and prints what is in it (runs, tags
 * per plugin, points kept, problems), like TensorBoard's `--inspect`. Useful to check
 * a log directory without a browser.
 */
import { consoleLogger } from '../logger.js';
import { LogRootMultiplexer, type LoadingStatus } from '../multiplexer/multiplexer.js';
import type { DataProvider } from '../multiplexer/data-provider.js';
import { flagHelp, HELP_FLAG, parseFlags, type FlagTable } from './args.js';
import { FlagError } from './flag-error.js';
import { LOG_ROOT_FLAGS, logRootFlags, type LogRootFlags } from './flags.js';

/** Every flag of `inspect`: which logs to read, as `serve` takes them. */
export const INSPECT_FLAGS = { ...LOG_ROOT_FLAGS, help: HELP_FLAG } as const satisfies FlagTable;

/** The help text of `inspect`. */
export function inspectHelp(): string {
  return `Usage: tb-core inspect --logdir DIR

Loads a log directory once and prints its runs, the tags of each plugin, the points kept
and any problems (damaged records, unreadable files). Starts no server.

${flagHelp(INSPECT_FLAGS)}
`;
}

/** Parses `inspect`'s arguments (after the command name); a log directory is required. */
export function parseInspectFlags(args: readonly string[]): LogRootFlags {
  const flags = logRootFlags(parseFlags('tb-core inspect', INSPECT_FLAGS, args));
  if (flags.logdir === undefined && flags.logdirSpec === undefined) {
    throw new FlagError('inspect needs a log directory: --logdir DIR (or --logdir_spec name:DIR,...)');
  }
  return flags;
}

/** `tb-core inspect`: prints the report to `out`; resolves to the exit code. */
export async function inspectCommand(args: readonly string[], out: (text: string) => void): Promise<number> {
  const flags = parseInspectFlags(args);
  const mux = new LogRootMultiplexer({ ...flags, reloadInterval: 0, logger: consoleLogger('error') });
  try {
    const t0 = performance.now();
    await mux.reload();
    out(`${inspectReport(mux.provider, mux.status(), performance.now() - t0).join('\n')}\n`);
  } finally {
    await mux.close();
  }
  return 0;
}

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

/**
 * `tb-core demo [--logdir DIR] [--compute_backend NAME]`: writes the demo's logs with
 * @tb/demo (loaded only here, and only when installed: see ./demo-module.ts), printing
 * progress, then how to serve them. Without --logdir it (re)writes the cache folder
 * that `tb-core serve` with no log directory serves.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ComputeBackend } from '../compute/backend.js';
import { flagHelp, HELP_FLAG, parseFlags, type FlagTable } from './args.js';
import { demoCacheDir, ensureDemo } from './demo-cache.js';
import { importModule, loadDemo, type DemoReportShape, type Importer } from './demo-module.js';
import { FlagError } from './flag-error.js';
import { COMPUTE_BACKEND_FLAG, computeBackendFlag } from './flags.js';

export interface DemoFlags {
  logdir: string | undefined;
  computeBackend: ComputeBackend | 'auto';
}

/** Every flag of `demo`, for parsing and for --help. */
export const DEMO_FLAGS = {
  logdir: {
    type: 'string',
    value: 'DIR',
    help: 'Where to write (a new or empty directory). Default: the cache folder that `tb-core serve` with no --logdir serves.',
  },
  compute_backend: COMPUTE_BACKEND_FLAG,
  help: HELP_FLAG,
} as const satisfies FlagTable;

/** The help text of `demo`, naming the cache folder as the environment sets it. */
export function demoHelp(): string {
  return `Usage: tb-core demo [--logdir DIR] [--compute_backend NAME]

Trains a small digit classifier with TensorFlow.js (adam and sgd, 5 epochs each, plus an
8-run hparams sweep) on digits it draws itself, and writes TensorBoard logs of it: scalars,
histograms, the graph, images, a confusion matrix, PR curves, text, hparams and an
embedding. Takes well under a minute. Needs the @tb/demo package (npm i @tb/demo).

${flagHelp(DEMO_FLAGS)}

The cache folder: ${demoCacheDir()} (set TB_CORE_DEMO_DIR to move it).
`;
}

/** Parses `demo`'s arguments (after the command name). */
export function parseDemoFlags(args: readonly string[]): DemoFlags {
  const v = parseFlags('tb-core demo', DEMO_FLAGS, args);
  return { logdir: v.logdir, computeBackend: computeBackendFlag(v.compute_backend) };
}

/** `tb-core demo`: resolves to the exit code. `importer` loads @tb/demo (tests pass their own). */
export async function demoCommand(args: readonly string[], out: (line: string) => void, importer: Importer = importModule): Promise<number> {
  const flags = parseDemoFlags(args);
  const logdir = flags.logdir === undefined ? undefined : path.resolve(flags.logdir);
  if (logdir !== undefined && existsSync(logdir) && readdirSync(logdir).length > 0) {
    throw new FlagError(`--logdir ${flags.logdir} already holds files; give a new or empty directory`);
  }
  const demo = await loadDemo('the demo command needs the @tb/demo package', importer);
  const options = { backend: flags.computeBackend, log: (line: string) => out(`demo: ${line}`) };
  if (logdir !== undefined) {
    done(out, await demo.writeDemo(logdir, options), logdir);
    return 0;
  }
  // The cache folder `serve` uses: written anew, as asked, and only swapped in once complete.
  const dir = demoCacheDir();
  let report: DemoReportShape | undefined;
  await ensureDemo(dir, async (target) => {
    report = await demo.writeDemo(target, options);
  }, { force: true });
  done(out, report!, dir);
  return 0;
}

function done(out: (line: string) => void, report: DemoReportShape, logdir: string): void {
  const acc = Object.entries(report.validationAccuracy).map(([k, v]) => `${k} ${(v * 100).toFixed(1)}%`).join(', ');
  out(`demo: wrote ${report.runs.length} runs in ${report.seconds.toFixed(1)} s (validation accuracy: ${acc})`);
  out(`serve them with: tb-core serve --logdir ${logdir}`);
}

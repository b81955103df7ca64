/**
 * `tb-core demo [--logdir DIR] [--compute_backend NAME]`: writes the demo's logs (see
 * ../demo/demo.ts), printing progress, then how to serve them. Without --logdir it
 * (re)writes the cache folder that `tb-core serve` with no log directory serves.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chooseBackend, parseBackend, type ComputeBackend } from '../compute/backend.js';
import { demoCacheDir, ensureDemo } from '../demo/cache.js';
import { runDemo, type DemoReport } from '../demo/demo.js';
import { FlagError } from './flags.js';
import { describeBackend } from './serve.js';

export interface DemoFlags {
  logdir: string | undefined;
  computeBackend: ComputeBackend | 'auto';
}

export const DEMO_HELP = `Usage: tb-core demo [--logdir DIR] [--compute_backend NAME]

Trains a small digit classifier with TensorFlow.js (adam and sgd, 5 epochs each, plus an
8-run hparams sweep) on digits it draws itself, and writes TensorBoard logs of it: scalars,
histograms, the graph, images, a confusion matrix, PR curves, text, hparams and an
embedding. Takes well under a minute.

  --logdir DIR            Where to write (a new or empty directory). Default: the cache
                          folder that \`tb-core serve\` with no --logdir serves
                          (${demoCacheDir()}).
  --compute_backend NAME  auto (default), tfjs-node-gpu, tfjs-node, wasm or cpu.
`;

/** Parses `demo`'s arguments. */
export function parseDemoFlags(args: readonly string[]): DemoFlags {
  const flags: DemoFlags = { logdir: undefined, computeBackend: 'auto' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new FlagError(`${name} needs a value`);
      return v;
    };
    if (name === '--logdir') flags.logdir = value();
    else if (name === '--compute_backend') {
      try {
        flags.computeBackend = parseBackend(value());
      } catch (err) {
        throw new FlagError(`--compute_backend: ${(err as Error).message}`);
      }
    } else throw new FlagError(`unknown argument '${arg}' for demo; expected --logdir DIR or --compute_backend NAME`);
  }
  return flags;
}

/** Writes the demo into `logdir` with progress on `log`. */
export async function writeDemo(logdir: string, prefer: ComputeBackend | 'auto', log: (line: string) => void): Promise<DemoReport> {
  const { tf, info } = await chooseBackend({ prefer });
  log(`training with tfjs on ${describeBackend(info)}`);
  return runDemo({ logdir, tf, backend: info, log });
}

/** `tb-core demo`. */
export async function demoCommand(args: readonly string[], out: (line: string) => void): Promise<number> {
  const flags = parseDemoFlags(args);
  const log = (line: string) => out(`demo: ${line}`);
  if (flags.logdir === undefined) {
    // The cache folder `serve` uses: written anew, as asked, and only swapped in once complete.
    const dir = demoCacheDir();
    let report: DemoReport | undefined;
    await ensureDemo(dir, async (target) => {
      report = await writeDemo(target, flags.computeBackend, log);
    }, { force: true });
    done(out, report!, dir);
    return 0;
  }
  const logdir = path.resolve(flags.logdir);
  if (existsSync(logdir) && readdirSync(logdir).length > 0) {
    throw new FlagError(`--logdir ${flags.logdir} already holds files; give a new or empty directory`);
  }
  done(out, await writeDemo(logdir, flags.computeBackend, log), logdir);
  return 0;
}

function done(out: (line: string) => void, report: DemoReport, logdir: string): void {
  const acc = Object.entries(report.validationAccuracy).map(([k, v]) => `${k} ${(v * 100).toFixed(1)}%`).join(', ');
  out(`demo: wrote ${report.runs.length} runs in ${report.seconds.toFixed(1)} s (validation accuracy: ${acc})`);
  out(`serve them with: tb-core serve --logdir ${logdir}`);
}

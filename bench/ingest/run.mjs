#!/usr/bin/env node
// The @tb/core ingestion benchmark. Generates the log root if needed (generate.mjs),
// loads it in a fresh Node process (load.mjs) and prints the figures against the
// targets. Exits non-zero only when the loaded data is wrong (or loading fails); a
// missed target is reported, not fatal.
//
//   node bench/ingest/run.mjs [--quick | --shape default|quick|issue19] [--samples scalars=1000]
//       [--out DIR] [--runs N] [--tags N] [--steps N] [--histograms N] [--histogram-runs N]
//       [--histogram-every N] [--histogram-buckets N] [--histogram-samples N] [--json]

import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, defaultOut } from './generate.mjs';
import { SIZE_FLAGS, parseFlags, sizesFromFlags } from './model.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The targets from the issue. */
const TARGETS = Object.freeze({
  mbPerSec: 100, // at least, file bytes per second of load time
  scalarEventsPerSec: 1_000_000, // at least
  bytesPerScalarPoint: 40, // at most, retained memory per kept scalar point
});

const KNOWN_FLAGS = ['quick', 'shape', 'samples', 'out', 'json', 'help', ...Object.keys(SIZE_FLAGS)];

/**
 * Runs load.mjs in a child process and returns its RESULT line, parsed.
 * @param {string} dir
 * @param {string | undefined} samples
 * @returns {Promise<any>}
 */
function load(dir, samples) {
  const args = ['--expose-gc', path.join(HERE, 'load.mjs'), dir];
  if (samples) args.push('--samples', samples);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (line) {
        resolve(JSON.parse(line.slice('RESULT '.length)));
        return;
      }
      const other = stdout.trim();
      reject(new Error(`load.mjs exited with ${signal ?? code} and no result${other ? `; stdout:\n${other}` : ''}`));
    });
  });
}

/** @param {number} n */
const int = (n) => Math.round(n).toLocaleString('en-US');
/** @param {number} n @param {number} [digits] */
const fixed = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));

/**
 * @param {any} r the load.mjs result
 * @param {string} generatedNote
 */
function report(r, generatedNote) {
  const { runs, tags, steps, histograms, histogramBuckets, histogramSamples } = r.sizes;
  const histogramRuns = r.sizes.histogramRuns ?? runs;
  const histogramEvery = r.sizes.histogramEvery;
  /** @param {Record<string, number>} m */
  const fmt = (m) => Object.entries(m).map(([k, v]) => `${k}=${v === 0 ? 'all' : v}`).join(',');
  const given = Object.keys(r.samplesPerPlugin).length > 0 ? `--samples ${fmt(r.samplesPerPlugin)}` : 'library defaults';
  const samples = `${fmt(r.effectiveSamples ?? r.samplesPerPlugin)} (${given})`;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    `@tb/core ingest benchmark (--shape ${r.shape}): ${runs} runs x ${tags} scalar tags x ${int(steps)} steps; ` +
      `${histogramRuns} runs with ${histograms} histogram tags every ${histogramEvery} steps (${histogramBuckets} buckets, ${histogramSamples} samples)`,
    `${fixed(r.totalBytes / 1e6)} MB (${fixed((100 * (r.histogramBytes ?? 0)) / r.totalBytes, 0)}% histograms), ${int(r.totalEvents)} events (${generatedNote})`,
    `samples_per_plugin: ${samples}; node ${process.version}, ${os.platform()} ${os.arch()}, ${r.cores} cores (availableParallelism), ${cpu}`,
    `load average (1/5/15 min) before: ${r.loadavgBefore.map((/** @type {number} */ x) => x.toFixed(2)).join(' ')}, ` +
      `after: ${r.loadavgAfter.map((/** @type {number} */ x) => x.toFixed(2)).join(' ')}`,
    '',
  ];
  /** @type {[string, string, string, string][]} */
  const rows = [['figure', 'measured', 'target', '']];
  /** @param {boolean} ok */
  const mark = (ok) => (r.quick ? 'n/a (smoke test: too small to measure)' : ok ? 'PASS' : 'MISS');
  rows.push(['load time', `${int(r.loadMs)} ms`, '', '']);
  rows.push(['throughput', `${fixed(r.mbPerSec)} MB/s`, `>= ${TARGETS.mbPerSec} MB/s`, mark(r.mbPerSec >= TARGETS.mbPerSec)]);
  rows.push(['throughput per core', `${fixed(r.mbPerSec / r.cores)} MB/s`, `(MB/s / ${r.cores} cores)`, '']);
  rows.push(['CPU time (user+sys)', `${fixed(r.cpuSeconds, 2)} s`, `${fixed(r.cpuUserSeconds, 2)} user + ${fixed(r.cpuSystemSeconds, 2)} sys, all threads`, '']);
  rows.push(['cores busy', fixed(r.cpuSeconds / (r.loadMs / 1000), 2), '(CPU time / load time)', '']);
  rows.push(['MB per CPU-second', fixed(r.mbPerCpuSecond), '', '']);
  rows.push(['events/s', int(r.eventsPerSec), '', '']);
  rows.push(['scalar events/s', int(r.scalarEventsPerSec), `>= ${int(TARGETS.scalarEventsPerSec)}`,
    mark(r.scalarEventsPerSec >= TARGETS.scalarEventsPerSec)]);
  rows.push(['peak RSS', `${fixed(r.maxRssMB)} MB`, '', '']);
  if (r.loopDelayP99Ms !== undefined) {
    rows.push(['main thread held', `p99 ${fixed(r.loopDelayP99Ms)} ms`, `max ${fixed(r.loopDelayMaxMs)} ms (event-loop delay while loading: what a request waits)`, '']);
  }
  rows.push(['retained after load', `${fixed(r.retainedDelta / 1e6)} MB`, '', '']);
  rows.push(['kept scalar points', int(r.keptScalarPoints), '', '']);
  rows.push(['bytes / kept scalar point', `${fixed(r.bytesPerScalarPoint)} B`, `<= ${TARGETS.bytesPerScalarPoint} B`,
    mark(r.bytesPerScalarPoint <= TARGETS.bytesPerScalarPoint)]);
  const c = r.check;
  rows.push(['correctness', c.ok ? 'OK' : `FAILED (${c.errorCount})`,
    `${c.runsListed} runs, ${c.scalarTags} scalar + ${c.histogramTags} histogram tags, ${c.spotSeries} series / ${int(c.spotPoints)} points ` +
    `+ ${c.histogramSpotSeries} histogram series / ${int(c.histogramSpotPoints)} histograms spot-checked`, '']);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.slice(0, -1).map((row) => row[i].length)));
  for (const row of rows) {
    lines.push(row.map((cell, i) => (i < 3 ? cell.padEnd(/** @type {number} */ (widths[i])) : cell)).join('  ').trimEnd());
  }
  for (const note of c.notes) lines.push(`note: ${note}`);
  for (const err of c.errors) lines.push(`ERROR: ${err}`);
  if (c.errorCount > c.errors.length) lines.push(`ERROR: ... and ${c.errorCount - c.errors.length} more`);
  console.log(lines.join('\n'));
}

async function main() {
  const flags = parseFlags(process.argv.slice(2));
  for (const name of flags.keys()) if (!KNOWN_FLAGS.includes(name)) throw new Error(`unknown flag --${name}`);
  if (flags.has('help')) {
    console.log('usage: node bench/ingest/run.mjs [--quick | --shape default|quick|issue19] [--samples scalars=1000] [--out DIR] ' +
      '[--runs N] [--tags N] [--steps N] [--histograms N] [--histogram-runs N] [--histogram-every N] ' +
      '[--histogram-buckets N] [--histogram-samples N] [--json]');
    return 0;
  }
  const { shape, sizes } = sizesFromFlags(flags);
  const quick = shape === 'quick';
  const outFlag = flags.get('out');
  if (outFlag === true) throw new Error('--out wants a directory');
  const out = path.resolve(outFlag ?? defaultOut(shape));
  const samples = flags.get('samples');
  if (samples === true) throw new Error('--samples wants plugin=N[,plugin=N...]');

  const json = flags.has('json');
  const log = json ? (/** @type {string} */ line) => console.error(line) : (/** @type {string} */ line) => console.log(line);
  const { manifest, generated } = await generate({ out, sizes, log });
  const result = await load(out, samples);
  if (json) console.log(JSON.stringify({ ...result, targets: TARGETS }, null, 2));
  else report({ ...result, quick, shape }, generated ? `generated in ${fixed(manifest.generateSeconds, 2)} s` : 'already generated');
  return result.check.ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 2;
  },
);

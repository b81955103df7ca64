#!/usr/bin/env node
// The measuring half of the ingestion benchmark, run by run.mjs in a fresh process:
//
//   node --expose-gc bench/ingest/load.mjs DIR [--samples scalars=1000,histograms=50]
//
// Loads the log root DIR (made by generate.mjs; its MANIFEST.json says what is in it)
// once with @tb/core's LogRootMultiplexer, measures, verifies what the provider returns
// against the generator's model, and prints one line `RESULT {json}` on stdout.
// Progress and errors go to stderr.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { scalarValue, histogramValue, wallTime, parseFlags } from './model.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CORE_MODULE = path.resolve(HERE, '..', '..', 'packages', 'core', 'dist', 'events.js');
const SCALARS = 'scalars';
const HISTOGRAMS = 'histograms';
/** How many (run, tag) series are read back and compared point by point. */
const SPOT_CHECKS = 12;
/** How many histogram series are read back and compared bucket by bucket. */
const HISTOGRAM_SPOT_CHECKS = 4;
/** Problems reported in full; the rest only counted. */
const MAX_ERRORS = 20;

/** heapUsed + external; `external` already includes `arrayBuffers` (typed arrays, Buffers). */
function retainedBytes() {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** Several full collections, so that weak callbacks and finalizers have run too. */
async function settle() {
  const gc = /** @type {(() => void) | undefined} */ (globalThis.gc);
  if (!gc) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const dir = argv.shift();
  if (!dir || dir.startsWith('--')) throw new Error('usage: node --expose-gc bench/ingest/load.mjs DIR [--samples plugin=N,...]');
  const flags = parseFlags(argv);
  const logdir = path.resolve(dir);
  /** @type {import('./generate.mjs').Manifest} */
  const manifest = JSON.parse(fs.readFileSync(path.join(logdir, 'MANIFEST.json'), 'utf8'));
  const { runs, tags, steps } = manifest.sizes;
  // Log roots from before histogramRuns existed had histograms in every run.
  const histogramRuns = manifest.sizes.histogramRuns ?? runs;

  /** @type {any} */
  let core;
  try {
    core = await import(pathToFileURL(CORE_MODULE).href);
  } catch (err) {
    throw new Error(`cannot load @tb/core from ${CORE_MODULE} (build it: npx tsc -b packages/core/tsconfig.build.json): ${String(err)}`);
  }
  if (typeof core.LogRootMultiplexer !== 'function') {
    throw new Error('@tb/core does not export LogRootMultiplexer (yet?)');
  }

  // ---- measure ------------------------------------------------------------------
  await settle();
  const before = retainedBytes();
  const loadavgBefore = os.loadavg();
  // Process-wide: the main thread and any worker threads, user + system.
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const spec = flags.get('samples');
  if (spec === true) throw new Error('--samples wants plugin=N[,plugin=N...]');
  // The library's own parser (0 or `all` keeps every point).
  const samplesPerPlugin = spec === undefined ? {} : core.parseSamplesPerPlugin(spec);
  const mux = new core.LogRootMultiplexer({ logdir, reloadInterval: 0, watch: false, samplesPerPlugin });
  // How long the main thread (where a server answers requests) is held at a time while loading.
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  await mux.reload();
  loopDelay.disable();
  const loadMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const loadavgAfter = os.loadavg();
  const status = mux.status();
  await settle();
  const after = retainedBytes();
  const maxRssMB = process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB

  // ---- verify -------------------------------------------------------------------
  /** @type {string[]} */
  const errors = [];
  let errorCount = 0;
  /** @param {string} msg */
  const fail = (msg) => {
    if (errorCount++ < MAX_ERRORS) errors.push(msg);
  };
  /** @type {string[]} */
  const notes = [];

  const problems = Array.isArray(status.problems) ? status.problems : [];
  const problemCount = typeof status.problemCount === 'number' ? status.problemCount : problems.length;
  if (problemCount > 0) {
    fail(`status reports ${problemCount} problems, first: ${JSON.stringify(problems[0])}`);
  }
  if (status.runsLoaded !== runs || status.runsTotal !== runs) {
    fail(`status: runsLoaded=${status.runsLoaded} runsTotal=${status.runsTotal}, want ${runs}`);
  }
  if (status.bytesRead !== manifest.totalBytes) {
    notes.push(`status.bytesRead=${status.bytesRead}, files hold ${manifest.totalBytes}`);
  }
  if (status.bytesTotal !== manifest.totalBytes) {
    notes.push(`status.bytesTotal=${status.bytesTotal}, files hold ${manifest.totalBytes}`);
  }
  if (status.eventsRead !== manifest.totalEvents) {
    notes.push(`status.eventsRead=${status.eventsRead}; files hold ${manifest.totalEvents} events ` +
      `(${manifest.scalarEvents} scalar, ${manifest.histogramEvents} histogram, ${manifest.fileVersionEvents} file_version)`);
  }

  const provider = mux.provider;
  /** @type {string[]} */
  const listedRuns = provider.listRuns().map((/** @type {{ name: string }} */ r) => r.name);
  const listedSet = new Set(listedRuns);
  for (const run of manifest.runNames) if (!listedSet.has(run)) fail(`listRuns() lacks ${run}`);
  for (const run of listedRuns) if (!manifest.runNames.includes(run)) fail(`listRuns() has unexpected run ${run}`);

  // Points kept per tag: the library's defaults overridden by --samples; 0 keeps all.
  /** @type {Record<string, number>} */
  const effectiveSamples = { ...(core.DEFAULT_SAMPLES ?? {}), ...samplesPerPlugin };
  /** @param {string} plugin @returns {number | undefined} */
  const capOf = (plugin) => {
    const n = effectiveSamples[plugin] ?? effectiveSamples['*'];
    return n === undefined || n === 0 ? undefined : n;
  };
  const scalarCap = capOf(SCALARS);
  const wantScalarCount = scalarCap === undefined ? steps : Math.min(steps, scalarCap);
  /** @type {Map<string, Map<string, { count: number, maxStep: number }>>} */
  const scalarListing = provider.listTags(SCALARS);
  let keptScalarPoints = 0;
  let scalarTagsSeen = 0;
  for (const [run, tagMap] of scalarListing) {
    for (const [tag, info] of tagMap) {
      keptScalarPoints += info.count;
      scalarTagsSeen++;
      if (!manifest.runNames.includes(run) || !manifest.scalarTags.includes(tag)) fail(`listTags(scalars) has unexpected ${run}/${tag}`);
    }
  }
  for (const run of manifest.runNames) {
    const tagMap = scalarListing.get(run);
    if (!tagMap) {
      if (tags > 0) fail(`listTags(scalars) lacks run ${run}`);
      continue;
    }
    for (const tag of manifest.scalarTags) {
      const info = tagMap.get(tag);
      if (!info) fail(`listTags(scalars) lacks ${run}/${tag}`);
      else {
        if (info.count !== wantScalarCount) fail(`${run}/${tag}: count ${info.count}, want ${wantScalarCount}`);
        if (steps > 0 && info.maxStep !== steps - 1) fail(`${run}/${tag}: maxStep ${info.maxStep}, want ${steps - 1}`);
      }
    }
  }

  const histogramCap = capOf(HISTOGRAMS);
  const histogramSteps = Math.ceil(steps / manifest.histogramEvery);
  const wantHistogramCount = histogramCap === undefined ? histogramSteps : Math.min(histogramSteps, histogramCap);
  const histogramListing = provider.listTags(HISTOGRAMS);
  let histogramTagsSeen = 0;
  let keptHistogramPoints = 0;
  for (const [r, run] of manifest.runNames.entries()) {
    if (r >= histogramRuns) {
      if (histogramListing.get(run)?.size) fail(`listTags(histograms) has ${run}, which has no histograms`);
      continue;
    }
    for (const tag of manifest.histogramTags) {
      const info = histogramListing.get(run)?.get(tag);
      if (!info) {
        if (steps > 0) fail(`listTags(histograms) lacks ${run}/${tag}`);
        continue;
      }
      histogramTagsSeen++;
      keptHistogramPoints += info.count;
      if (info.count !== wantHistogramCount) fail(`histograms ${run}/${tag}: count ${info.count}, want ${wantHistogramCount}`);
    }
  }

  // Spot checks: a few whole series, point by point, against the generator's model.
  /** @type {Map<string, [number, number]>} distinct (run, tag) index pairs */
  const pickSet = new Map();
  /** @param {number} r @param {number} t */
  const pick = (r, t) => {
    if (pickSet.size < SPOT_CHECKS) pickSet.set(`${r}/${t}`, [r, t]);
  };
  pick(0, 0);
  pick(runs - 1, tags - 1);
  pick(runs >> 1, tags >> 1);
  for (let i = 0; i < 1000 && runs > 0 && tags > 0; i++) pick((i * 7 + 3) % runs, (i * 11 + 5) % tags);
  const picks = [...pickSet.values()];
  let spotPoints = 0;
  for (const [r, t] of runs > 0 && tags > 0 ? picks : []) {
    const run = /** @type {string} */ (manifest.runNames[r]);
    const tag = /** @type {string} */ (manifest.scalarTags[t]);
    const series = provider.readScalars(SCALARS, run, tag, { downsample: Math.max(steps, 1) });
    if (!series) {
      fail(`readScalars(${run}, ${tag}) returned undefined`);
      continue;
    }
    const n = series.step.length;
    if (n !== wantScalarCount || series.value.length !== n || series.wallTime.length !== n) {
      fail(`readScalars(${run}, ${tag}): ${n} steps/${series.value.length} values/${series.wallTime.length} wall times, want ${wantScalarCount}`);
    }
    let bad = 0;
    let prev = -1;
    for (let i = 0; i < n; i++) {
      const step = /** @type {number} */ (series.step[i]);
      const ok =
        Number.isInteger(step) && step > prev && step < steps &&
        (scalarCap !== undefined || step === i) &&
        series.value[i] === Math.fround(scalarValue(r, t, step)) &&
        series.wallTime[i] === wallTime(r, step);
      if (!ok && bad++ === 0) {
        fail(`readScalars(${run}, ${tag})[${i}]: step ${step} value ${series.value[i]} wallTime ${series.wallTime[i]}, ` +
          `want value ${Math.fround(scalarValue(r, t, step))} wallTime ${wallTime(r, step)}`);
      }
      prev = step;
    }
    if (bad > 1) fail(`readScalars(${run}, ${tag}): ${bad} points differ in all`);
    if (n > 0 && series.step[n - 1] !== steps - 1) fail(`readScalars(${run}, ${tag}): last step ${series.step[n - 1]}, want ${steps - 1}`);
    spotPoints += n;
  }
  // Histogram spot checks: a few whole series, every kept point's buckets against the model.
  const { histogramEvery, histogramBuckets, histogramSamples } = manifest.sizes;
  let histogramSpotSeries = 0;
  let histogramSpotPoints = 0;
  const nHistTags = manifest.histogramTags.length;
  for (let i = 0; i < HISTOGRAM_SPOT_CHECKS && histogramRuns > 0 && nHistTags > 0 && steps > 0; i++) {
    const r = Math.floor((i * (histogramRuns - 1)) / Math.max(1, HISTOGRAM_SPOT_CHECKS - 1));
    const h = (i * 3) % nHistTags;
    const run = /** @type {string} */ (manifest.runNames[r]);
    const tag = /** @type {string} */ (manifest.histogramTags[h]);
    const data = provider.readTensors(HISTOGRAMS, run, tag, { downsample: Math.max(steps, 1) });
    if (!data) {
      fail(`readTensors(histograms, ${run}, ${tag}) returned undefined`);
      continue;
    }
    histogramSpotSeries++;
    if (data.length !== wantHistogramCount) fail(`readTensors(histograms, ${run}, ${tag}): ${data.length} points, want ${wantHistogramCount}`);
    let bad = 0;
    for (const d of data) {
      const problem = d.step % histogramEvery !== 0 || d.step >= steps
        ? `step ${d.step} is not a histogram step`
        : d.wallTime !== wallTime(r, d.step)
          ? `wallTime ${d.wallTime}, want ${wallTime(r, d.step)}`
          : compareTensor(d.value, expectedHistogram(histogramValue(r, h, d.step, histogramBuckets, histogramSamples)));
      if (problem && bad++ === 0) fail(`readTensors(histograms, ${run}, ${tag}) step ${d.step}: ${problem}`);
      histogramSpotPoints++;
    }
    if (bad > 1) fail(`readTensors(histograms, ${run}, ${tag}): ${bad} points differ in all`);
  }

  // The downsampling contract on one series: at most the bound, last point kept.
  if (runs > 0 && tags > 0 && steps > 0) {
    const bound = Math.max(1, Math.min(100, steps >> 1));
    const run = /** @type {string} */ (manifest.runNames[0]);
    const tag = /** @type {string} */ (manifest.scalarTags[0]);
    const s = provider.readScalars(SCALARS, run, tag, { downsample: bound });
    if (!s || s.step.length > bound || s.step[s.step.length - 1] !== steps - 1) {
      fail(`readScalars(${run}, ${tag}, downsample ${bound}): ${s ? `${s.step.length} points, last step ${s.step[s.step.length - 1]}` : 'undefined'}`);
    }
  }

  await mux.close();
  // Keep everything measured reachable until here.
  void listedRuns.length;

  const seconds = loadMs / 1000;
  const result = {
    dir: logdir,
    sizes: manifest.sizes,
    samplesPerPlugin,
    effectiveSamples,
    totalBytes: manifest.totalBytes,
    totalEvents: manifest.totalEvents,
    scalarEvents: manifest.scalarEvents,
    histogramEvents: manifest.histogramEvents,
    histogramBytes: manifest.histogramBytes,
    loadMs,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    cpuUserSeconds: cpu.user / 1e6,
    cpuSystemSeconds: cpu.system / 1e6,
    mbPerCpuSecond: manifest.totalBytes / 1e6 / ((cpu.user + cpu.system) / 1e6),
    cores: os.availableParallelism(),
    loadavgBefore,
    loadavgAfter,
    mbPerSec: manifest.totalBytes / 1e6 / seconds,
    eventsPerSec: manifest.totalEvents / seconds,
    scalarEventsPerSec: manifest.scalarEvents / seconds,
    maxRssMB,
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    loopDelayMaxMs: loopDelay.max / 1e6,
    retainedBefore: before,
    retainedAfter: after,
    retainedDelta: after - before,
    keptScalarPoints,
    keptHistogramPoints,
    bytesPerScalarPoint: keptScalarPoints > 0 ? (after - before) / keptScalarPoints : NaN,
    status: {
      bytesRead: status.bytesRead, bytesTotal: status.bytesTotal, runsLoaded: status.runsLoaded,
      runsTotal: status.runsTotal, eventsRead: status.eventsRead, problems: problemCount,
    },
    check: {
      ok: errorCount === 0,
      errors,
      errorCount,
      notes,
      runsListed: listedRuns.length,
      scalarTags: scalarTagsSeen,
      histogramTags: histogramTagsSeen,
      spotSeries: runs > 0 && tags > 0 ? picks.length : 0,
      spotPoints,
      histogramSpotSeries,
      histogramSpotPoints,
    },
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

/**
 * What @tb/core should make of a generated HistogramProto: TensorBoard's [k, 3] float32
 * tensor (left, right, count), empty edge buckets dropped, outer edges min and max.
 * @param {ReturnType<typeof histogramValue>} h
 * @returns {number[]}
 */
function expectedHistogram(h) {
  let first = 0;
  while (first < h.bucket.length && !(/** @type {number} */ (h.bucket[first]) > 0)) first++;
  let last = h.bucket.length - 1;
  while (last >= 0 && !(/** @type {number} */ (h.bucket[last]) > 0)) last--;
  /** @type {number[]} */
  const out = [];
  for (let b = first; b <= last; b++) {
    const left = b === first ? h.min : /** @type {number} */ (h.bucketLimit[b - 1]);
    const right = b === last ? h.max : /** @type {number} */ (h.bucketLimit[b]);
    out.push(Math.fround(left), Math.fround(right), Math.fround(/** @type {number} */ (h.bucket[b])));
  }
  return out;
}

/**
 * Undefined when `value` is the [k, 3] tensor `want` holds; otherwise what differs.
 * @param {{ shape: number[], numbers: ArrayLike<number> }} value
 * @param {number[]} want
 */
function compareTensor(value, want) {
  const k = want.length / 3;
  if (value.shape.length !== 2 || value.shape[0] !== k || value.shape[1] !== 3 || value.numbers.length !== want.length) {
    return `shape [${value.shape}] (${value.numbers.length} numbers), want [${k},3]`;
  }
  for (let i = 0; i < want.length; i++) {
    if (value.numbers[i] !== want[i]) return `number ${i} is ${value.numbers[i]}, want ${want[i]}`;
  }
  return undefined;
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(2);
});

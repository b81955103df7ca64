// Builds the S3 benchmark's log root with the ingest benchmark's generator
// (bench/ingest/generate.mjs), in two groups of runs under one root:
//
//   ROOT/scalars/run-NN     20 scalar tags + 4 histogram tags per run (the ingest shape)
//   ROOT/histograms/run-NN  2 scalar tags + 100 histogram tags per run (histogram-heavy)
//
// About 80% of the bytes go to the first group and 20% to the second.

import * as path from 'node:path';
import { generate } from '../ingest/generate.mjs';
import { HISTOGRAM_EVERY } from '../ingest/model.mjs';

// Bytes one event takes in the generator's files (measured: a scalar event with the
// ingest tag names is ~53.5 B, a 30-bucket histogram event ~585 B, framing included).
const SCALAR_EVENT_BYTES = 53.5;
const HISTOGRAM_EVENT_BYTES = 585;

/**
 * The two groups' sizes for a root of about `mb` MB (10^6 bytes).
 * @param {number} mb
 */
export function plan(mb) {
  // Long runs for a big root; short ones for a small one, so that there are still
  // several runs of each kind.
  const steps = mb >= 200 ? 10_000 : 2_000;
  const histSteps = Math.ceil(steps / HISTOGRAM_EVERY);
  const shapes = {
    scalars: { tags: 20, steps, histograms: 4 },
    histograms: { tags: 2, steps, histograms: 100 },
  };
  /** @param {{ tags: number, steps: number, histograms: number }} s */
  const runBytes = (s) => s.tags * s.steps * SCALAR_EVENT_BYTES + s.histograms * histSteps * HISTOGRAM_EVENT_BYTES;
  const target = mb * 1e6;
  return {
    scalars: { ...shapes.scalars, runs: Math.max(1, Math.round((0.8 * target) / runBytes(shapes.scalars))) },
    histograms: { ...shapes.histograms, runs: Math.max(1, Math.round((0.2 * target) / runBytes(shapes.histograms))) },
  };
}

/**
 * Writes the root under `dir` and returns what is in it.
 * @param {string} dir
 * @param {number} mb
 * @param {(line: string) => void} log
 */
export async function makeRoot(dir, mb, log) {
  const sizes = plan(mb);
  const t0 = performance.now();
  /** @type {{ group: string, manifest: import('../ingest/generate.mjs').Manifest }[]} */
  const groups = [];
  for (const group of /** @type {const} */ (['scalars', 'histograms'])) {
    const { manifest } = await generate({ out: path.join(dir, group), sizes: sizes[group], force: true, log });
    groups.push({ group, manifest });
  }
  // What the loaded data should hold, with run names as the provider gives them.
  /** @type {Map<string, { scalarTags: string[], histogramTags: string[], steps: number }>} */
  const runs = new Map();
  for (const { group, manifest } of groups) {
    for (const run of manifest.runNames) {
      runs.set(`${group}/${run}`, { scalarTags: manifest.scalarTags, histogramTags: manifest.histogramTags, steps: manifest.sizes.steps });
    }
  }
  const files = groups.flatMap((g) => g.manifest.files);
  return {
    sizes,
    runs,
    files: files.length,
    eventBytes: files.reduce((a, f) => a + f.bytes, 0),
    fileSizes: files.map((f) => f.bytes),
    events: groups.reduce((a, g) => a + g.manifest.totalEvents, 0),
    seconds: (performance.now() - t0) / 1000,
  };
}

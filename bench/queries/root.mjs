// The query benchmark's log root: the ingest generator (bench/ingest/generate.mjs)
// writes every run's scalars (one event per value, no histograms); then this file adds,
// to the first `histogramRuns` runs, a second event file of add_histogram events
// (legacy HistogramProto) every HISTOGRAM_EVERY steps with BUCKETS buckets of about
// SAMPLES samples each: the shape the ingest generator cannot express (its histograms
// are 30 buckets every 100 steps in every run).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate, REPO_ROOT } from '../ingest/generate.mjs';
import { runName, uniform, wallTime } from '../ingest/model.mjs';

export const HISTOGRAM_EVERY = 10;
export const BUCKETS = 1000;
export const SAMPLES = 1000;
const MARKER = 'HISTOGRAMS.json';
const FORMAT = 1;

export const FULL = { runs: 50, tags: 20, steps: 10_000, histogramRuns: 10, histogramTags: 5 };
export const QUICK = { runs: 4, tags: 5, steps: 2_000, histogramRuns: 2, histogramTags: 2 };

/**
 * Writes (or reuses) the root under `out`.
 * @param {string} out
 * @param {typeof FULL} shape
 * @param {(line: string) => void} log
 */
export async function makeRoot(out, shape, log) {
  const { manifest, generated } = await generate({
    out,
    sizes: { runs: shape.runs, tags: shape.tags, steps: shape.steps, histograms: 0 },
    log,
  });
  const want = { format: FORMAT, ...shape, every: HISTOGRAM_EVERY, buckets: BUCKETS, samples: SAMPLES };
  const markerPath = path.join(out, MARKER);
  let have;
  try {
    have = JSON.parse(fs.readFileSync(markerPath, 'utf8'));
  } catch {}
  if (!generated && have && JSON.stringify(have.want) === JSON.stringify(want) && have.files.every((f) => fs.existsSync(path.join(out, f)))) {
    log(`histograms: reusing ${have.files.length} histogram files`);
    return { manifest, histogramTags: have.tags };
  }
  const t0 = performance.now();
  const { maskedCrc32c } = await import(pathToFileURL(path.join(REPO_ROOT, 'packages', 'core', 'dist', 'events', 'crc32c.js')).href);
  const tags = Array.from({ length: shape.histogramTags }, (_, h) => `weights/layer_${String(h).padStart(2, '0')}`);
  const files = [];
  for (let r = 0; r < shape.histogramRuns; r++) {
    const run = runName(r, shape.runs);
    // Named after the scalars' file (same run, later timestamp): read second.
    const file = `${run}/events.out.tfevents.${Math.floor(wallTime(r, 0)) + 1}.bench-histograms.0`;
    const chunks = [record(maskedCrc32c, fileVersion(wallTime(r, 0) - 0.25))];
    for (let step = 0; step < shape.steps; step += HISTOGRAM_EVERY) {
      for (let h = 0; h < tags.length; h++) chunks.push(record(maskedCrc32c, histogramEvent(wallTime(r, step), step, tags[h], r, h)));
    }
    fs.writeFileSync(path.join(out, file), Buffer.concat(chunks));
    files.push(file);
  }
  fs.writeFileSync(markerPath, JSON.stringify({ want, tags, files }, null, 2) + '\n');
  log(`histograms: wrote ${files.length} files in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { manifest, histogramTags: tags };
}

/** One TFRecord: length, masked CRC of the length, data, masked CRC of the data. */
function record(crc, data) {
  const out = Buffer.alloc(data.length + 16);
  out.writeUInt32LE(data.length, 0);
  out.writeUInt32LE(crc(out, 0, 8), 8);
  data.copy(out, 12);
  out.writeUInt32LE(crc(data), 12 + data.length);
  return out;
}

function fileVersion(wall) {
  return Buffer.concat([Buffer.from([0x09]), f64(wall), Buffer.from([0x1a, 13]), Buffer.from('brain.Event:2')]);
}

/** Event { wall_time, step, summary { value { tag, histo { min max num sum sum_squares bucket_limit bucket } } } }. */
function histogramEvent(wall, step, tag, r, h) {
  const { limits, counts, min, max, num, sum, sumSquares } = histogram(r, h, step);
  const histo = Buffer.concat([
    ...[min, max, num, sum, sumSquares].map((v, i) => Buffer.concat([Buffer.from([((i + 1) << 3) | 1]), f64(v)])),
    field(6, packed(limits)),
    field(7, packed(counts)),
  ]);
  const value = Buffer.concat([field(1, Buffer.from(tag)), field(5, histo)]);
  const summary = field(1, value);
  return Buffer.concat([Buffer.from([0x09]), f64(wall), step ? Buffer.concat([Buffer.from([0x10]), varint(step)]) : Buffer.alloc(0), field(5, summary)]);
}

/** A bell curve of about SAMPLES samples over BUCKETS buckets, widening with the step. */
function histogram(r, h, step) {
  const sigma = 0.05 + 0.02 * h + (0.1 * step) / (step + 2000);
  const mean = 0.002 * r;
  const lo = mean - 4 * sigma;
  const width = (8 * sigma) / BUCKETS;
  const limits = new Float64Array(BUCKETS);
  const counts = new Float64Array(BUCKETS);
  let num = 0, sum = 0, sumSquares = 0;
  for (let i = 0; i < BUCKETS; i++) {
    limits[i] = lo + (i + 1) * width;
    const centre = limits[i] - width / 2;
    const z = (centre - mean) / sigma;
    const expected = (SAMPLES * width * Math.exp(-0.5 * z * z)) / (sigma * Math.sqrt(2 * Math.PI));
    counts[i] = Math.floor(expected + uniform(r, 2000 + h, step * BUCKETS + i));
    num += counts[i];
    sum += counts[i] * centre;
    sumSquares += counts[i] * centre * centre;
  }
  return { limits, counts, min: lo, max: lo + BUCKETS * width, num, sum, sumSquares };
}

function f64(v) {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(v);
  return b;
}
function packed(a) {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}
function field(n, bytes) {
  return Buffer.concat([Buffer.from([(n << 3) | 2]), varint(bytes.length), bytes]);
}
function varint(v) {
  const out = [];
  while (v >= 128) {
    out.push((v & 127) | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Buffer.from(out);
}

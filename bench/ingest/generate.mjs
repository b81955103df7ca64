#!/usr/bin/env node
// Generates a large TensorBoard log root for the ingestion benchmark: per run one event
// file holding what PyTorch's SummaryWriter writes for add_scalar (old-style
// Summary.Value.simple_value) and add_histogram (old-style HistogramProto), framed as
// TFRecords. The protobuf wire format is encoded by hand straight into ~8 MB chunks.
//
//   node bench/ingest/generate.mjs [--out DIR] [--shape default|quick|issue19] [--quick]
//       [--runs N] [--tags N] [--steps N] [--histograms N] [--histogram-runs N]
//       [--histogram-every N] [--histogram-buckets N] [--histogram-samples N] [--force]
//
// Skips the work when DIR/MANIFEST.json already describes the same sizes and the files
// it lists are there with their sizes.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DEFAULTS, FORMAT_VERSION, SEED, SIZE_FLAGS,
  scalarTagName, histogramTagName, runName, wallTime, scalarValue, histogramValue,
  parseFlags, sizesFromFlags,
} from './model.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const DEFAULT_OUT = path.join(REPO_ROOT, '.bench-data', 'ingest');

/** Where a shape's log root goes unless --out says: .bench-data/ingest[-SHAPE]. @param {string} shape */
export function defaultOut(shape) {
  return shape === 'default' ? DEFAULT_OUT : `${DEFAULT_OUT}-${shape}`;
}
const CRC_MODULE = path.join(REPO_ROOT, 'packages', 'core', 'dist', 'events', 'crc32c.js');

const CHUNK_BYTES = 8 * 1024 * 1024;
/** Room kept free at the end of a chunk: more than any one record needs. */
const CHUNK_SLACK = 64 * 1024;
const FILE_VERSION = 'brain.Event:2';

/**
 * @typedef {import('./model.mjs').Sizes} Sizes
 * @typedef {{ path: string, run: string, bytes: number, records: number, scalarEvents: number, histogramEvents: number, histogramBytes: number }} FileEntry
 * @typedef {{
 *   format: number, seed: number, sizes: Sizes, histogramEvery: number, histogramBuckets: number,
 *   runNames: string[], scalarTags: string[], histogramTags: string[], files: FileEntry[],
 *   totalBytes: number, histogramBytes: number, scalarEvents: number, histogramEvents: number, fileVersionEvents: number,
 *   totalEvents: number, generatedAt: string, generateSeconds: number,
 * }} Manifest
 */

/**
 * Reads DIR/MANIFEST.json when it describes `sizes` and every file it lists is there
 * with the recorded size; otherwise undefined.
 * @param {string} out
 * @param {Sizes} sizes
 * @returns {Manifest | undefined}
 */
export function readMatchingManifest(out, sizes) {
  let manifest;
  try {
    manifest = /** @type {Manifest} */ (JSON.parse(fs.readFileSync(path.join(out, 'MANIFEST.json'), 'utf8')));
  } catch {
    return undefined;
  }
  if (manifest.format !== FORMAT_VERSION || manifest.seed !== SEED) return undefined;
  for (const key of /** @type {(keyof Sizes)[]} */ (Object.values(SIZE_FLAGS))) {
    if (manifest.sizes?.[key] !== sizes[key]) return undefined;
  }
  for (const file of manifest.files ?? []) {
    try {
      if (fs.statSync(path.join(out, file.path)).size !== file.bytes) return undefined;
    } catch {
      return undefined;
    }
  }
  return manifest;
}

/**
 * Generates the log root unless a matching one is there already.
 * @param {{ out?: string, sizes?: Partial<Sizes>, force?: boolean, log?: (line: string) => void }} [options]
 * @returns {Promise<{ manifest: Manifest, generated: boolean }>}
 */
export async function generate(options = {}) {
  const out = path.resolve(options.out ?? DEFAULT_OUT);
  const given = { ...DEFAULTS, ...options.sizes };
  // Every run carries histograms unless `histogramRuns` says fewer.
  /** @type {Sizes} */
  const sizes = { ...given, histogramRuns: Math.min(given.runs, given.histogramRuns ?? given.runs) };
  const log = options.log ?? ((line) => console.log(line));
  if (!options.force) {
    const existing = readMatchingManifest(out, sizes);
    if (existing) {
      log(`generate: ${out} already holds ${describe(existing)}; skipping`);
      return { manifest: existing, generated: false };
    }
  }

  const { maskedCrc32c } = await loadCrc();
  const t0 = performance.now();
  fs.mkdirSync(out, { recursive: true });
  clearPrevious(out);

  const writer = new ChunkWriter(maskedCrc32c);
  const secsBase = Math.floor(wallTime(0, 0));
  /** @type {FileEntry[]} */
  const files = [];
  const scalarTags = Array.from({ length: sizes.tags }, (_, t) => scalarTagName(t));
  const histogramTags = Array.from({ length: sizes.histograms }, (_, h) => histogramTagName(h));
  const runNames = Array.from({ length: sizes.runs }, (_, r) => runName(r, sizes.runs));
  // Everything that does not change from step to step, encoded once.
  const scalarPrefixes = scalarTags.map(scalarPrefix);
  const histogramTagBytes = histogramTags.map((tag) => Buffer.from(tag, 'utf8'));

  for (let r = 0; r < sizes.runs; r++) {
    const run = /** @type {string} */ (runNames[r]);
    const dir = path.join(out, run);
    fs.mkdirSync(dir, { recursive: true });
    const name = `events.out.tfevents.${secsBase + r * 3600}.bench.${process.pid}.0`;
    const fd = fs.openSync(path.join(dir, name), 'w');
    writer.begin(fd);
    writer.fileVersionEvent(wallTime(r, 0) - 0.5);
    let scalarEvents = 0;
    let histogramEvents = 0;
    let histogramBytes = 0;
    // The first `histogramRuns` runs carry the histogram tags.
    const histogramsHere = r < sizes.histogramRuns ? sizes.histograms : 0;
    for (let step = 0; step < sizes.steps; step++) {
      const wall = wallTime(r, step);
      for (let t = 0; t < sizes.tags; t++) {
        writer.scalarEvent(wall, step, /** @type {Uint8Array} */ (scalarPrefixes[t]), scalarValue(r, t, step));
      }
      scalarEvents += sizes.tags;
      if (histogramsHere > 0 && step % sizes.histogramEvery === 0) {
        for (let h = 0; h < histogramsHere; h++) {
          const value = histogramValue(r, h, step, sizes.histogramBuckets, sizes.histogramSamples);
          histogramBytes += writer.histogramEvent(wall, step, /** @type {Uint8Array} */ (histogramTagBytes[h]), value);
        }
        histogramEvents += histogramsHere;
      }
    }
    const { bytes, records } = writer.end();
    fs.closeSync(fd);
    files.push({ path: `${run}/${name}`, run, bytes, records, scalarEvents, histogramEvents, histogramBytes });
  }

  const seconds = (performance.now() - t0) / 1000;
  const scalarEvents = files.reduce((a, f) => a + f.scalarEvents, 0);
  const histogramEvents = files.reduce((a, f) => a + f.histogramEvents, 0);
  /** @type {Manifest} */
  const manifest = {
    format: FORMAT_VERSION,
    seed: SEED,
    sizes,
    histogramEvery: sizes.histogramEvery,
    histogramBuckets: sizes.histogramBuckets,
    runNames,
    scalarTags,
    histogramTags,
    files,
    totalBytes: files.reduce((a, f) => a + f.bytes, 0),
    histogramBytes: files.reduce((a, f) => a + f.histogramBytes, 0),
    scalarEvents,
    histogramEvents,
    fileVersionEvents: files.length,
    totalEvents: scalarEvents + histogramEvents + files.length,
    generatedAt: new Date().toISOString(),
    generateSeconds: Math.round(seconds * 1000) / 1000,
  };
  // Written last: an interrupted run leaves no manifest, so the next one starts over.
  fs.writeFileSync(path.join(out, 'MANIFEST.json'), JSON.stringify(manifest, null, 2) + '\n');
  log(`generate: wrote ${describe(manifest)} to ${out} in ${seconds.toFixed(2)} s`);
  return { manifest, generated: true };
}

/** @param {Manifest} m */
function describe(m) {
  const { runs, tags, steps, histograms, histogramRuns, histogramBuckets, histogramSamples } = m.sizes;
  return `${m.files.length} files, ${(m.totalBytes / 1e6).toFixed(1)} MB, ${(m.histogramBytes / 1e6).toFixed(1)} MB of it histograms ` +
    `(${runs} runs x ${tags} tags x ${steps} steps; ${histogramRuns} runs with ${histograms} histogram tags every ${m.histogramEvery} steps, ` +
    `${histogramBuckets} buckets of ${histogramSamples} samples), ` +
    `${m.scalarEvents.toLocaleString('en-US')} scalar events, ${m.histogramEvents.toLocaleString('en-US')} histogram events`;
}

/** Removes what an earlier generation left: run directories and the manifest. */
function clearPrevious(/** @type {string} */ out) {
  fs.rmSync(path.join(out, 'MANIFEST.json'), { force: true });
  for (const entry of fs.readdirSync(out, { withFileTypes: true })) {
    if (entry.isDirectory() && /^run-\d+$/.test(entry.name)) {
      fs.rmSync(path.join(out, entry.name), { recursive: true, force: true });
    }
  }
}

/** @returns {Promise<{ maskedCrc32c: (data: Uint8Array, start?: number, end?: number) => number }>} */
async function loadCrc() {
  try {
    return await import(pathToFileURL(CRC_MODULE).href);
  } catch (err) {
    throw new Error(
      `cannot load ${path.relative(REPO_ROOT, CRC_MODULE)} (build @tb/core first: npx tsc -b packages/core/tsconfig.build.json): ${String(err)}`,
    );
  }
}

/**
 * The constant part of an add_scalar event after wall_time and step: Event.summary
 * (field 5) > Summary.value (field 1) > tag (field 1), then the key of simple_value
 * (field 2, fixed32). The float32 itself follows.
 * @param {string} tag
 * @returns {Uint8Array}
 */
function scalarPrefix(tag) {
  const tagBytes = Buffer.from(tag, 'utf8');
  const valueLen = 1 + varintSize(tagBytes.length) + tagBytes.length + 1 + 4;
  const summaryLen = 1 + varintSize(valueLen) + valueLen;
  const bytes = new Uint8Array(1 + varintSize(summaryLen) + summaryLen - 4);
  let p = 0;
  bytes[p++] = 0x2a; // Event.summary: field 5, length-delimited
  p = putVarint(bytes, p, summaryLen);
  bytes[p++] = 0x0a; // Summary.value: field 1, length-delimited
  p = putVarint(bytes, p, valueLen);
  bytes[p++] = 0x0a; // Summary.Value.tag: field 1, length-delimited
  p = putVarint(bytes, p, tagBytes.length);
  bytes.set(tagBytes, p);
  p += tagBytes.length;
  bytes[p++] = 0x15; // Summary.Value.simple_value: field 2, fixed32
  if (p !== bytes.length) throw new Error('scalarPrefix: size mismatch');
  return bytes;
}

/** @param {number} v a non-negative safe integer */
function varintSize(v) {
  let n = 1;
  while (v >= 128) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

/**
 * @param {Uint8Array} buf
 * @param {number} p
 * @param {number} v a non-negative safe integer
 * @returns {number} the position after it
 */
function putVarint(buf, p, v) {
  while (v >= 128) {
    buf[p++] = (v & 127) | 128;
    v = Math.floor(v / 128);
  }
  buf[p++] = v;
  return p;
}

/**
 * Encodes TFRecords into an ~8 MB buffer and writes it out whenever it is nearly full.
 * Each record: u64 LE length, u32 LE masked CRC32C of those 8 bytes, the data, u32 LE
 * masked CRC32C of the data.
 */
class ChunkWriter {
  /** @param {(data: Uint8Array, start?: number, end?: number) => number} maskedCrc32c */
  constructor(maskedCrc32c) {
    this.crc = maskedCrc32c;
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES + CHUNK_SLACK);
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    this.pos = 0;
    this.fd = -1;
    this.bytes = 0;
    this.records = 0;
    /** Where the data of the record being encoded starts. */
    this.dataStart = 0;
  }

  /** @param {number} fd */
  begin(fd) {
    this.fd = fd;
    this.pos = 0;
    this.bytes = 0;
    this.records = 0;
  }

  /** @returns {{ bytes: number, records: number }} */
  end() {
    this.flush();
    return { bytes: this.bytes, records: this.records };
  }

  flush() {
    let off = 0;
    while (off < this.pos) off += fs.writeSync(this.fd, this.buf, off, this.pos - off);
    this.bytes += this.pos;
    this.pos = 0;
  }

  /** Reserves the 12-byte header; the event's bytes go from this.pos on. */
  open() {
    if (this.pos > CHUNK_BYTES) this.flush();
    this.dataStart = this.pos + 12;
    this.pos = this.dataStart;
  }

  /** Fills in the header and appends the data CRC. */
  close() {
    const { view, dataStart } = this;
    const headerStart = dataStart - 12;
    const len = this.pos - dataStart;
    view.setUint32(headerStart, len, true);
    view.setUint32(headerStart + 4, 0, true);
    view.setUint32(headerStart + 8, this.crc(this.buf, headerStart, headerStart + 8), true);
    view.setUint32(this.pos, this.crc(this.buf, dataStart, this.pos), true);
    this.pos += 4;
    this.records++;
  }

  /** @param {number} wall */
  putWallTime(wall) {
    this.buf[this.pos] = 0x09; // Event.wall_time: field 1, fixed64
    this.view.setFloat64(this.pos + 1, wall, true);
    this.pos += 9;
  }

  /** Event.step: field 2, varint; proto3 leaves out a 0. @param {number} step */
  putStep(step) {
    if (step === 0) return;
    this.buf[this.pos] = 0x10;
    this.pos = putVarint(this.buf, this.pos + 1, step);
  }

  /** The first record of a file: wall_time and file_version (field 3). @param {number} wall */
  fileVersionEvent(wall) {
    this.open();
    this.putWallTime(wall);
    this.buf[this.pos++] = 0x1a; // Event.file_version: field 3, length-delimited
    this.buf[this.pos++] = FILE_VERSION.length;
    this.pos += this.buf.write(FILE_VERSION, this.pos, 'latin1');
    this.close();
  }

  /**
   * @param {number} wall
   * @param {number} step
   * @param {Uint8Array} prefix from scalarPrefix()
   * @param {number} value
   */
  scalarEvent(wall, step, prefix, value) {
    this.open();
    this.putWallTime(wall);
    this.putStep(step);
    this.buf.set(prefix, this.pos);
    this.pos += prefix.length;
    this.view.setFloat32(this.pos, value, true);
    this.pos += 4;
    this.close();
  }

  /**
   * An add_histogram event: Event.summary > Summary.value > { tag, histo (field 5) }.
   * @param {number} wall
   * @param {number} step
   * @param {Uint8Array} tag
   * @param {ReturnType<typeof histogramValue>} h
   * @returns {number} the bytes of the record
   */
  histogramEvent(wall, step, tag, h) {
    const scalars = [h.min, h.max, h.num, h.sum, h.sumSquares];
    const nLimits = h.bucketLimit.length;
    const nBuckets = h.bucket.length;
    let histoLen = 0;
    for (const v of scalars) if (v !== 0) histoLen += 9; // proto3 leaves out zeros
    if (nLimits > 0) histoLen += 1 + varintSize(nLimits * 8) + nLimits * 8;
    if (nBuckets > 0) histoLen += 1 + varintSize(nBuckets * 8) + nBuckets * 8;
    const valueLen = 1 + varintSize(tag.length) + tag.length + 1 + varintSize(histoLen) + histoLen;
    const summaryLen = 1 + varintSize(valueLen) + valueLen;

    this.open();
    this.putWallTime(wall);
    this.putStep(step);
    const { buf, view } = this;
    let p = this.pos;
    buf[p++] = 0x2a; // Event.summary
    p = putVarint(buf, p, summaryLen);
    buf[p++] = 0x0a; // Summary.value
    p = putVarint(buf, p, valueLen);
    buf[p++] = 0x0a; // Summary.Value.tag
    p = putVarint(buf, p, tag.length);
    buf.set(tag, p);
    p += tag.length;
    buf[p++] = 0x2a; // Summary.Value.histo: field 5, length-delimited
    p = putVarint(buf, p, histoLen);
    for (let i = 0; i < scalars.length; i++) {
      const v = /** @type {number} */ (scalars[i]);
      if (v === 0) continue;
      buf[p++] = ((i + 1) << 3) | 1; // min=1 max=2 num=3 sum=4 sum_squares=5: fixed64
      view.setFloat64(p, v, true);
      p += 8;
    }
    if (nLimits > 0) {
      buf[p++] = 0x32; // bucket_limit: field 6, packed doubles
      p = putVarint(buf, p, nLimits * 8);
      for (const v of h.bucketLimit) {
        view.setFloat64(p, v, true);
        p += 8;
      }
    }
    if (nBuckets > 0) {
      buf[p++] = 0x3a; // bucket: field 7, packed doubles
      p = putVarint(buf, p, nBuckets * 8);
      for (const v of h.bucket) {
        view.setFloat64(p, v, true);
        p += 8;
      }
    }
    this.pos = p;
    this.close();
    return this.pos - this.dataStart + 12;
  }
}

async function main() {
  const flags = parseFlags(process.argv.slice(2));
  for (const name of flags.keys()) {
    if (!['out', 'shape', 'quick', 'force', 'help', ...Object.keys(SIZE_FLAGS)].includes(name)) {
      throw new Error(`unknown flag --${name}`);
    }
  }
  if (flags.has('help')) {
    console.log('usage: node bench/ingest/generate.mjs [--out DIR] [--shape default|quick|issue19] [--quick] [--runs N] [--tags N] ' +
      '[--steps N] [--histograms N] [--histogram-runs N] [--histogram-every N] [--histogram-buckets N] [--histogram-samples N] [--force]');
    return;
  }
  const out = flags.get('out');
  if (out === true) throw new Error('--out wants a directory');
  const { shape, sizes } = sizesFromFlags(flags);
  await generate({ out: out ?? defaultOut(shape), force: flags.has('force'), sizes });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}

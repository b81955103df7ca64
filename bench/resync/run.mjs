#!/usr/bin/env node
// The resynchronisation benchmark: how fast @tb/core's TFRecord reader hunts through a
// damaged region for the next valid record. Writes one file of valid records, a damaged
// region (zeros or random bytes) and valid records again, reads it once with
// TfRecordReader, checks that every valid record on both sides came back, and prints
// the hunt's MB/s and the longest time the event loop was held (a setInterval probe).
//
//   node bench/resync/run.mjs [--mb 1024] [--fill zeros|random|both] [--quick]
//
// --quick: a 64 MB region. Needs the built core (tsc -b packages/core/tsconfig.build.json).
// Exits 1 when a valid record is missing or the reader reports the wrong thing.

import { randomFillSync } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CORE = path.resolve(HERE, '..', '..', 'packages', 'core', 'dist', 'events.js');
const TARGET_MB_PER_SEC = 200;
const RECORDS_EACH_SIDE = 1000;
const WRITE_CHUNK = 8 * 1024 * 1024;

/** @returns {{ mb: number, fills: string[] }} */
function parseArgs(argv) {
  let mb = 1024;
  let fill = 'both';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') mb = 64;
    else if (a === '--mb') mb = Number(argv[++i]);
    else if (a === '--fill') fill = String(argv[++i]);
    else if (a === '--help') {
      console.log('usage: node bench/resync/run.mjs [--mb 1024] [--fill zeros|random|both] [--quick]');
      process.exit(0);
    } else throw new Error(`unknown argument '${a}' (expected --mb N, --fill zeros|random|both or --quick)`);
  }
  if (!(Number.isInteger(mb) && mb > 0)) throw new Error(`--mb wants a positive whole number of MiB, got ${mb}`);
  const fills = fill === 'both' ? ['zeros', 'random'] : [fill];
  for (const f of fills) if (f !== 'zeros' && f !== 'random') throw new Error(`--fill wants zeros, random or both, got '${f}'`);
  return { mb, fills };
}

/** A distinguishable payload for record `i`. */
function payload(i) {
  const b = new Uint8Array(40 + (i % 50));
  for (let k = 0; k < b.length; k++) b[k] = (i * 131 + k * 7 + 1) & 0xff;
  return b;
}

/** Writes the file and returns its path and the payloads expected back. */
function writeDamaged(dir, core, mb, fill) {
  const file = path.join(dir, `damaged-${fill}.tfevents`);
  const fd = openSync(file, 'w');
  const expected = [];
  const writeRecords = (from) => {
    const parts = [];
    for (let i = from; i < from + RECORDS_EACH_SIDE; i++) {
      const p = payload(i);
      expected.push(p);
      parts.push(core.encodeRecord(p));
    }
    writeSync(fd, Buffer.concat(parts));
  };
  try {
    writeRecords(0);
    const block = new Uint8Array(WRITE_CHUNK);
    let left = mb * 1024 * 1024;
    while (left > 0) {
      const n = Math.min(left, block.length);
      if (fill === 'random') randomFillSync(block, 0, n);
      writeSync(fd, block, 0, n);
      left -= n;
    }
    writeRecords(RECORDS_EACH_SIDE);
  } finally {
    closeSync(fd);
  }
  return { file, expected };
}

function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

async function measure(core, dir, mb, fill) {
  const { file, expected } = writeDamaged(dir, core, mb, fill);
  const got = [];
  let maxGap = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 5);
  const reader = new core.TfRecordReader(file);
  const t0 = performance.now();
  const report = await reader.read((data) => void got.push(data.slice()), { final: true });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(probe);
  maxGap = Math.max(maxGap, performance.now() - last);
  const size = statSync(file).size;
  rmSync(file);

  const errors = [];
  if (got.length !== expected.length) errors.push(`expected ${expected.length} records back, found ${got.length}`);
  else if (!got.every((g, i) => equalBytes(g, expected[i]))) errors.push('records came back with other bytes than were written');
  if (report.ended) errors.push(`the reader ended the file: ${report.problems.join('; ')}`);
  if (reader.offset !== size) errors.push(`expected the reader at the end of the file (${size}), found it at ${reader.offset}`);
  const mbPerSec = mb * 1.048576 / seconds;
  return { fill, mb, seconds, mbPerSec, maxGap, errors, problems: report.problems };
}

async function main() {
  const { mb, fills } = parseArgs(process.argv.slice(2));
  let core;
  try {
    core = await import(pathToFileURL(CORE).href);
  } catch (err) {
    throw new Error(`cannot load @tb/core from ${CORE} (build it: node node_modules/typescript/bin/tsc -b packages/core/tsconfig.build.json): ${String(err)}`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-bench-resync-'));
  let failed = false;
  try {
    console.log(`@tb/core resync benchmark: ${RECORDS_EACH_SIDE} valid records, ${mb} MiB damaged, ${RECORDS_EACH_SIDE} valid records; node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
    for (const fill of fills) {
      const r = await measure(core, dir, mb, fill);
      const verdict = r.mbPerSec >= TARGET_MB_PER_SEC ? 'PASS' : 'MISS';
      console.log(
        `${fill.padEnd(6)} ${r.mb} MiB hunted in ${r.seconds.toFixed(2)} s: ${r.mbPerSec.toFixed(0)} MB/s ` +
          `(target >= ${TARGET_MB_PER_SEC} MB/s: ${verdict}); event loop held at most ${r.maxGap.toFixed(0)} ms; ` +
          `records ${r.errors.length === 0 ? 'all back' : 'WRONG'}`,
      );
      for (const p of r.problems) console.log(`  reported: ${p.replace(dir + path.sep, '')}`);
      for (const e of r.errors) console.log(`  ERROR: ${e}`);
      if (r.errors.length > 0) failed = true;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
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

#!/usr/bin/env node
// The @tb/writer benchmark: how fast a training loop can log. Writes N scalar events
// (and histograms of 10,000 values, and 28x28 images) through SummaryWriter into a
// temporary directory, closes it, reads everything back with @tb/core to check it, and
// prints events/s, MB/s of event file written and the peak heap.
//
//   node bench/writer/run.mjs [--quick]

import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LogRootMultiplexer, memoryLogger } from '@tb/core/events';
import { SummaryWriter } from '@tb/writer';

const quick = process.argv.includes('--quick');
const SCALARS = quick ? 50_000 : 500_000;
const HISTOGRAMS = quick ? 50 : 500;
const IMAGES = quick ? 100 : 1000;

const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-bench-writer-'));
let peakHeap = 0;
const sample = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));

async function timed(label, count, body) {
  const w = new SummaryWriter(path.join(dir, label));
  const t0 = performance.now();
  body(w);
  await w.close();
  const seconds = (performance.now() - t0) / 1000;
  sample();
  const bytes = readdirSync(path.join(dir, label)).reduce((n, f) => n + statSync(path.join(dir, label, f)).size, 0);
  console.log(
    `${label.padEnd(10)} ${String(count).padStart(8)} events in ${seconds.toFixed(2)} s: ` +
      `${Math.round(count / seconds).toLocaleString('en')} events/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s (${(bytes / 1e6).toFixed(1)} MB)`,
  );
  return { seconds, bytes };
}

await timed('scalars', SCALARS, (w) => {
  for (let i = 0; i < SCALARS; i++) {
    w.addScalar('loss', Math.exp(-i / 1e5), i);
    if (i % 1000 === 0) sample();
  }
});
const weights = Float32Array.from({ length: 10_000 }, (_, i) => Math.sin(i) * Math.exp(-i / 5000));
await timed('histograms', HISTOGRAMS, (w) => {
  for (let i = 0; i < HISTOGRAMS; i++) w.addHistogram('dense/kernel', weights, i);
});
const digit = { data: Uint8Array.from({ length: 28 * 28 }, (_, i) => (i * 7) % 256), width: 28, height: 28, channels: 1 };
await timed('images', IMAGES, (w) => {
  for (let i = 0; i < IMAGES; i++) w.addImage('digit', digit, i);
});

// Read back: every event must be there.
const mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0, samplesPerPlugin: { images: IMAGES, histograms: HISTOGRAMS }, logger: memoryLogger() });
await mux.reload();
const all = { downsample: Infinity };
const got = [
  mux.provider.readScalars('scalars', 'scalars', 'loss', all)?.step.length,
  mux.provider.readTensors('histograms', 'histograms', 'dense/kernel', all)?.length,
  mux.provider.readBlobSequences('images', 'images', 'digit', all)?.length,
];
await mux.close();
rmSync(dir, { recursive: true, force: true });
console.log(`peak heap ${(peakHeap / 1e6).toFixed(0)} MB; read back ${got.join(' / ')} of ${SCALARS} / ${HISTOGRAMS} / ${IMAGES}`);
if (got[0] !== SCALARS || got[1] !== HISTOGRAMS || got[2] !== IMAGES) {
  console.error('writer benchmark: the events read back do not match what was written');
  process.exit(1);
}

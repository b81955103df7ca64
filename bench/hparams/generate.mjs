#!/usr/bin/env node
// Writes a hyper-parameter sweep for the hparams benchmark with @tb/writer: 1,000 sessions
// (runs `trial-0000` ... `trial-0999`), each with 6 hyperparameters (learning rate,
// dropout, batch size, layers, optimizer, batch norm: numbers, a string and a boolean)
// and 3 metrics (`hparam/accuracy`, `hparam/loss`, `hparam/f1`) written by addHparams as
// PyTorch's add_hparams writes them (the experiment, the session's start and end, each
// metric a scalar), plus a 50-step `train/loss` curve per session. Values come from a
// seeded generator, so every run writes the same sweep.
//
//   node bench/hparams/generate.mjs [--out DIR] [--sessions N] [--force]
//
// Skips the work when DIR/MANIFEST.json already describes the same sweep.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SummaryWriter } from '@tb/writer';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const DEFAULT_OUT = path.join(REPO_ROOT, '.bench-data', 'hparams');
export const METRICS = ['hparam/accuracy', 'hparam/loss', 'hparam/f1'];
export const HPARAMS = ['lr', 'dropout', 'batch_size', 'layers', 'optimizer', 'batch_norm'];
const FORMAT = 1;
const CURVE_STEPS = 50;

/** mulberry32: a small seeded generator, so the sweep is the same every time. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sweep's sessions: names, hyperparameters and final metrics. */
export function sweep(sessions) {
  const rand = random(20261123);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  return Array.from({ length: sessions }, (_, i) => {
    const hparams = {
      lr: Number((10 ** (-4 + 3 * rand())).toPrecision(3)),
      dropout: Number((0.5 * rand()).toFixed(2)),
      batch_size: pick([16, 32, 64, 128, 256]),
      layers: 1 + Math.floor(rand() * 6),
      optimizer: pick(['adam', 'sgd', 'rmsprop', 'adagrad']),
      batch_norm: rand() < 0.5,
    };
    const quality = 1 - Math.abs(Math.log10(hparams.lr) + 2.5) / 2 - hparams.dropout / 4 + (hparams.batch_norm ? 0.05 : 0);
    const accuracy = Math.min(0.99, Math.max(0.1, 0.55 + 0.4 * quality + 0.05 * (rand() - 0.5)));
    const metrics = { 'hparam/accuracy': accuracy, 'hparam/loss': -Math.log(accuracy) + 0.1 * rand(), 'hparam/f1': accuracy - 0.03 * rand() };
    return { name: `trial-${String(i).padStart(4, '0')}`, hparams, metrics };
  });
}

async function main() {
  const args = process.argv.slice(2);
  const arg = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const out = path.resolve(arg('--out') ?? DEFAULT_OUT);
  const sessions = Number(arg('--sessions') ?? 1000);
  if (!Number.isSafeInteger(sessions) || sessions < 1) throw new Error(`--sessions should be a positive whole number, found ${arg('--sessions')}`);
  const manifestPath = path.join(out, 'MANIFEST.json');
  const manifest = { format: FORMAT, sessions, hparams: HPARAMS.length, metrics: METRICS.length, curveSteps: CURVE_STEPS };
  if (!args.includes('--force') && fs.existsSync(manifestPath)) {
    const old = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    if (JSON.stringify(old) === JSON.stringify(manifest)) {
      console.log(`hparams sweep already at ${out} (${sessions} sessions); --force rewrites it`);
      return;
    }
  }
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const started = performance.now();
  const domains = { batch_size: [16, 32, 64, 128, 256], optimizer: ['adam', 'sgd', 'rmsprop', 'adagrad'] };
  for (const { name, hparams, metrics } of sweep(sessions)) {
    const w = new SummaryWriter(path.join(out, name));
    const loss = metrics['hparam/loss'];
    for (let step = 0; step < CURVE_STEPS; step++) w.addScalar('train/loss', loss + 2 * Math.exp(-step / 10), step);
    w.addHparams(hparams, metrics, { runName: '.', hparamDomains: domains });
    await w.close();
  }
  fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote ${sessions} sessions x ${HPARAMS.length} hparams x ${METRICS.length} metrics to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

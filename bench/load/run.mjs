#!/usr/bin/env node
// tb-core under many polling clients while a run grows.
//
//   node bench/load/run.mjs [--clients 200] [--seconds 60] [--rate 200] [--quick]
//
// Writes a small log root (4 finished runs) into a temp dir, starts `tb-core serve` on it
// with --reload_interval 5 (so it also watches the files, as a plain `tb-core serve` does),
// then for --seconds: a SummaryWriter appends --rate scalar events per second to the run
// `live` (flushing every 100 ms), while --clients clients in this process poll the way the
// scalars dashboard does. Each client loops: GET tags, GET scalars?run=live&tag=..&downsample=1000,
// POST scalars_multirun (the tag for all runs, downsample=1000: what a card fetches), then
// thinks 250-1000 ms (uniform), as a page refetching after each reload notice would.
// --quick: 20 clients for 10 s.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SummaryWriter } from '@tb/writer';
import { flag, positiveFlag } from '../support/args.mjs';
import { startServer } from '../support/server.mjs';

const quick = process.argv.includes('--quick');
const CLIENTS = positiveFlag('clients', quick ? 20 : 200);
const SECONDS = positiveFlag('seconds', quick ? 10 : 60, { fraction: true });
const RATE = positiveFlag('rate', 200);
const THINK_MS = [250, 1000];
const TIMEOUT_MS = 30_000;
const FLUSH_MS = 100;
const DOWNSAMPLE = 1000; // what a ~500 px wide card asks for (downsampleFor in the page)
const TAG = 'train/loss';
const STATIC_RUNS = ['run-a', 'run-b', 'run-c', 'run-d'];
const GOAL_P99_MS = 100;
if (flag('help') !== undefined || process.argv.includes('--help')) {
  console.log('usage: node bench/load/run.mjs [--clients 200] [--seconds 60] [--rate 200] [--quick]');
  process.exit(0);
}

/** The value written at `step` of the live run (float32 in the file). */
const liveValue = (step) => Math.fround(2 * Math.exp(-step / 3000) + 0.01 * Math.sin(step));
/** Percentile p (0..100) of an already sorted array. */
const pctOf = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : '-');

/** CPU seconds and peak RSS (MB) of process `pid`, from /proc (Linux only; undefined elsewhere). */
function procUsage(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in clock ticks (100/s)
    const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpu, rssMB: hwm ? Number(hwm[1]) / 1024 : NaN };
  } catch {
    return undefined;
  }
}

// ---- the log root ----------------------------------------------------------------
const logdir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-bench-load-'));
for (const run of STATIC_RUNS) {
  const w = new SummaryWriter(path.join(logdir, run), { maxQueue: 10_000 });
  for (let step = 0; step < 2000; step++) {
    w.addScalar(TAG, 2 * Math.exp(-step / 1000), step);
    w.addScalar('train/accuracy', 1 - Math.exp(-step / 1000), step);
    w.addScalar('eval/loss', 2.1 * Math.exp(-step / 1000), step);
  }
  await w.close();
}
const live = new SummaryWriter(path.join(logdir, 'live'), { maxQueue: 1_000_000, flushSecs: 3600 });
live.addScalar(TAG, liveValue(0), 0);
await live.flush();
const totalSteps = Math.max(1, Math.round(RATE * SECONDS));
/** When the flush that wrote each step finished (ms, performance.now()). */
const flushedAt = new Float64Array(totalSteps).fill(NaN);
flushedAt[0] = performance.now();

const server = await startServer(logdir, { plugins: 'scalars', runs: STATIC_RUNS.length + 1, reloadInterval: 5 });
const base = `${server.url}data/plugin/scalars/`;

// ---- the clients -----------------------------------------------------------------
/** Per route: latencies (ms) of answered requests, errors, timeouts, answer bytes. */
const routes = new Map(['tags', 'scalars', 'scalars_multirun'].map((r) => [r, { lat: [], errors: 0, timeouts: 0, bytes: 0, firstError: '' }]));
let seenUpTo = 0; // the highest live step any client has seen
const lags = []; // freshness lag per step, ms
let stopping = false;

/** One request; its latency and outcome go to `routes`. @returns {Promise<any>} the parsed JSON, or undefined */
async function timed(route, url, init) {
  const r = routes.get(route);
  const t0 = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const text = await res.text();
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
    r.lat.push(performance.now() - t0);
    r.bytes += text.length;
    return JSON.parse(text);
  } catch (err) {
    if (err?.name === 'TimeoutError') r.timeouts++;
    else {
      r.errors++;
      r.firstError ||= String(err?.message ?? err);
    }
    return undefined;
  }
}

/** Notes the live run's last step in an answer ([[wall, step, value], ...]). */
function saw(points) {
  const last = Array.isArray(points) && points.length ? points[points.length - 1][1] : -1;
  if (last <= seenUpTo) return;
  const now = performance.now();
  for (let s = seenUpTo + 1; s <= last && s < totalSteps; s++) lags.push(now - flushedAt[s]);
  seenUpTo = last;
}

async function client() {
  await sleep(Math.random() * THINK_MS[1]); // do not start in lockstep
  const multirunBody = () => {
    const body = new URLSearchParams({ tag: TAG });
    for (const run of [...STATIC_RUNS, 'live']) body.append('runs', run);
    body.set('downsample', String(DOWNSAMPLE));
    return body;
  };
  while (!stopping) {
    await timed('tags', `${base}tags`);
    const one = await timed('scalars', `${base}scalars?${new URLSearchParams({ run: 'live', tag: TAG, downsample: String(DOWNSAMPLE) })}`);
    if (one) saw(one);
    const many = await timed('scalars_multirun', `${base}scalars_multirun`, { method: 'POST', body: multirunBody() });
    if (many) saw(many.live);
    await sleep(THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0]));
  }
}

// ---- the run ---------------------------------------------------------------------
const loadavgBefore = os.loadavg();
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const cpu0 = process.cpuUsage();
const server0 = procUsage(server.pid);
const t0 = performance.now();
const clients = Array.from({ length: CLIENTS }, client);

// The writer: catch up to RATE steps per second, flush every FLUSH_MS.
let written = 1;
while (written < totalSteps) {
  const due = Math.min(totalSteps, 1 + Math.floor(((performance.now() - t0) / 1000) * RATE));
  const from = written;
  for (; written < due; written++) live.addScalar(TAG, liveValue(written), written);
  await live.flush();
  const now = performance.now();
  for (let s = from; s < written; s++) flushedAt[s] = now;
  await sleep(FLUSH_MS);
}
await live.close();
const writerSeconds = (performance.now() - t0) / 1000;
stopping = true;
await Promise.all(clients);
const elapsed = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const server1 = procUsage(server.pid);
loopDelay.disable();
const loadavgAfter = os.loadavg();

// Nothing lost: once the server has caught up, every step is served once with its value.
const tFinal = performance.now();
let all = [];
while (performance.now() - tFinal < 30_000) {
  const res = await fetch(`${base}scalars?${new URLSearchParams({ run: 'live', tag: TAG, downsample: String(totalSteps + 10) })}`);
  all = res.ok ? await res.json() : [];
  if (all.length && all[all.length - 1][1] === totalSteps - 1) break;
  await sleep(200);
}
const catchUpMs = performance.now() - tFinal;
let wrong = 0;
const served = new Set();
for (const [, step, value] of all) {
  if (served.has(step) || !(step >= 0 && step < totalSteps) || value !== liveValue(step)) wrong++;
  served.add(step);
}
const missing = totalSteps - served.size;
server.stop();
fs.rmSync(logdir, { recursive: true, force: true });

// ---- the report ------------------------------------------------------------------
const fmtAvg = (xs) => xs.map((x) => x.toFixed(2)).join(' ');
const lines = [
  `tb-core load: ${CLIENTS} clients for ${writerSeconds.toFixed(1)} s while run 'live' grows by ${RATE} steps/s (${totalSteps} steps, ` +
    `flushed every ${FLUSH_MS} ms); server --reload_interval 5 (watching); think ${THINK_MS[0]}-${THINK_MS[1]} ms; downsample ${DOWNSAMPLE}`,
  `node ${process.version}, ${os.availableParallelism()} cores; load average (1/5/15 min) before: ${fmtAvg(loadavgBefore)}, after: ${fmtAvg(loadavgAfter)}`,
  '',
  'route               requests   req/s   p50      p90      p99      max      errors  timeouts  avg answer',
];
let total = 0;
let worstP99 = 0;
let timeouts = 0;
let errors = 0;
for (const [name, r] of routes) {
  const sorted = r.lat.sort((a, b) => a - b);
  const n = sorted.length + r.errors + r.timeouts;
  total += n;
  timeouts += r.timeouts;
  errors += r.errors;
  worstP99 = Math.max(worstP99, pctOf(sorted, 99) || 0);
  lines.push([name.padEnd(18), String(n).padStart(9), (n / elapsed).toFixed(1).padStart(7), ...[50, 90, 99].map((p) => ms(pctOf(sorted, p)).padStart(8)),
    ms(sorted[sorted.length - 1]).padStart(8), String(r.errors).padStart(7), String(r.timeouts).padStart(9),
    `${(r.bytes / Math.max(1, sorted.length) / 1024).toFixed(1)} KiB`.padStart(11)].join(' '));
  if (r.firstError) lines.push(`  first error: ${r.firstError}`);
}
lines.push(`all routes          ${String(total).padStart(9)} ${(total / elapsed).toFixed(1).padStart(7)}`);
const lagSorted = lags.sort((a, b) => a - b);
lines.push('', `freshness lag (writer's flush of step s -> a client first sees s; ${lags.length} steps): ` +
  `p50 ${ms(pctOf(lagSorted, 50))}, p90 ${ms(pctOf(lagSorted, 90))}, p99 ${ms(pctOf(lagSorted, 99))}, max ${ms(lagSorted[lagSorted.length - 1])}`);
lines.push(`nothing lost: ${missing === 0 && wrong === 0 ? 'yes' : 'NO'}: ${served.size} of ${totalSteps} steps served after the run ended ` +
  `(${missing} missing, ${wrong} wrong or repeated; caught up ${catchUpMs.toFixed(0)} ms after the writer closed)`);
lines.push(`this process (clients + writer): ${((cpu.user + cpu.system) / 1e6 / elapsed).toFixed(2)} cores busy, ` +
  `event-loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, max ${(loopDelay.max / 1e6).toFixed(1)} ms`);
if (server0 && server1) {
  lines.push(`tb-core server: ${((server1.cpu - server0.cpu) / elapsed).toFixed(2)} cores busy, peak RSS ${server1.rssMB.toFixed(0)} MB`);
}
const pass = worstP99 <= GOAL_P99_MS && timeouts === 0;
lines.push('', `goal: p99 <= ${GOAL_P99_MS} ms on every route, no timeouts: ${pass ? 'PASS' : 'MISS'} (worst p99 ${ms(worstP99)}, ${timeouts} timeouts, ${errors} errors)`);
console.log(lines.join('\n'));
process.exitCode = missing === 0 && wrong === 0 && errors === 0 ? 0 : 1;

#!/usr/bin/env node
// How fast tb-core answers the scalars and histograms queries on a big log root:
// 50 runs x 20 scalar tags x 10,000 steps, 10 of the runs with 5 histogram tags every
// 10th step (1,000 buckets). Starts `tb-core serve` on it, waits until it is loaded, then
// per route makes 3 warm-up calls and 20 timed ones (gzip accepted, as a browser does)
// and prints p50/p99, the bytes on the wire and decoded, and the goal: PASS or MISS.
//
//   node bench/queries/run.mjs [--quick] [--out DIR]
//
// Needs a build (npx -y pnpm@9 run build).

import * as http from 'node:http';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { flag } from '../support/args.mjs';
import { ROOT, startServer } from '../support/server.mjs';
import { FULL, QUICK, makeRoot } from './root.mjs';

const quick = process.argv.includes('--quick');
const shape = quick ? QUICK : FULL;
const out = path.resolve(flag('out', path.join(ROOT, '.bench-data', quick ? 'queries-quick' : 'queries')));
const WARMUP = 3;
const CALLS = 20;

const { manifest, histogramTags } = await makeRoot(out, shape, (line) => console.log(line));
const runs = manifest.runNames;
const tag = manifest.scalarTags[0];
const server = await startServer(out, { plugins: 'scalars,histograms', runs: runs.length, timeoutMs: 600_000 });
console.log(`server: loaded ${runs.length} runs in ${(server.loadMs / 1000).toFixed(1)} s (from its first answer to /data/status idle)`);

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const base = new URL(server.url);
const multirunBody = (downsample) => {
  const form = new URLSearchParams({ tag });
  for (const r of runs) form.append('runs', r);
  if (downsample) form.set('downsample', String(downsample));
  return form.toString();
};
const hist = `run=${encodeURIComponent(runs[0])}&tag=${encodeURIComponent(histogramTags[0])}`;
const scalars = `run=${encodeURIComponent(runs[0])}&tag=${encodeURIComponent(tag)}`;
/** name, method, path, body, goal in ms (undefined: shown for reference). */
const cases = [
  ['scalars downsample=1000', 'GET', `scalars/scalars?${scalars}&downsample=1000`, undefined, 2],
  ['scalars full', 'GET', `scalars/scalars?${scalars}`, undefined, undefined],
  [`scalars_multirun ${runs.length} runs downsample=1000`, 'POST', 'scalars/scalars_multirun', multirunBody(1000), 30],
  [`scalars_multirun ${runs.length} runs full`, 'POST', 'scalars/scalars_multirun', multirunBody(), undefined],
  ['histograms (default)', 'GET', `histograms/histograms?${hist}`, undefined, 50],
  ['histograms full=true', 'GET', `histograms/histograms?${hist}&full=true`, undefined, undefined],
];

/** One call: milliseconds to the last byte, wire bytes, decoded bytes, status. */
function call(method, route, body) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(
      new URL(`data/plugin/${route}`, base),
      {
        method,
        agent,
        headers: {
          'accept-encoding': 'gzip',
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const ms = performance.now() - t0;
          const wire = Buffer.concat(chunks);
          resolve({ ms, status: res.statusCode, wire, gzip: res.headers['content-encoding'] === 'gzip' });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const kb = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(1)} KB`);
const results = [];
try {
  for (const [name, method, route, body, goal] of cases) {
    // The first call computes the answer (nothing kept yet); the next ones may reuse it.
    let last = await call(method, route, body);
    const first = last.ms;
    for (let i = 1; i < WARMUP; i++) last = await call(method, route, body);
    if (last.status !== 200) {
      console.log(`${name}: HTTP ${last.status} ${last.wire.toString().slice(0, 200)}`);
      results.push({ name, status: last.status });
      continue;
    }
    const times = [];
    for (let i = 0; i < CALLS; i++) times.push((last = await call(method, route, body)).ms);
    times.sort((a, b) => a - b);
    const decoded = last.gzip ? zlib.gunzipSync(last.wire).length : last.wire.length;
    const p50 = pct(times, 50);
    const verdict = goal === undefined ? '' : `  goal <= ${goal} ms: ${p50 <= goal ? 'PASS' : 'MISS'}`;
    console.log(
      `${name.padEnd(40)} p50 ${p50.toFixed(2).padStart(8)} ms  p99 ${pct(times, 99).toFixed(2).padStart(8)} ms  ` +
        `(first call ${first.toFixed(0)} ms)  ${kb(last.wire.length)} on the wire${last.gzip ? ' (gzip)' : ''}, ${kb(decoded)} JSON${verdict}`,
    );
    results.push({ name, first, p50, p99: pct(times, 99), wireBytes: last.wire.length, jsonBytes: decoded, goal });
  }
} finally {
  server.stop();
  agent.destroy();
}
if (process.argv.includes('--json')) console.log(JSON.stringify({ loadMs: server.loadMs, results }, null, 2));

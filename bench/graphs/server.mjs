#!/usr/bin/env node
// The server half of the graphs benchmark: loads the log root of generate.mjs (one run, a
// GraphDef of ~50,000 nodes and a tagged RunMetadata), then prints
//
// - the GraphDef's bytes, the time to decode it (all at once, and paced as the routes
//   do it) and to write it as protobuf text;
// - each route's time, cold (read + parse + render) and repeated (cached), and its answer's
//   size: `graph`, `graph` with limit_attr_size, `graph_json`, `graph_json` of the profile
//   tag (graph + step stats), `run_metadata`;
// - the longest the event loop was held while the cold requests ran (a 1 ms timer's
//   largest lateness), and the peak RSS.
//
//   node bench/graphs/server.mjs [--out DIR] [--json]
//
// Needs `pnpm run build` first (it runs the built @tb/core and @tb/plugin-graphs).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hostPlugin, loadLogRoot } from '@tb/core/testing';
import { DEFAULT_OUT, PROFILE_TAG, RUN } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PLUGIN_DIST = path.join(HERE, '..', '..', 'packages', 'plugin-graphs', 'dist');
const load = (/** @type {string} */ file) => import(pathToFileURL(path.join(PLUGIN_DIST, file)).href);

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : DEFAULT_OUT;
const asJson = args.includes('--json');

if (!fs.existsSync(path.join(out, 'MANIFEST.json'))) {
  console.error(`no benchmark log root at ${out}: run node bench/graphs/generate.mjs first`);
  process.exit(2);
}
if (!fs.existsSync(path.join(PLUGIN_DIST, 'index.js'))) {
  console.error(`@tb/plugin-graphs is not built (${PLUGIN_DIST}/index.js is missing): run npx -y pnpm@9 run build first`);
  process.exit(2);
}

const { default: plugin } = await load('index.js');
const { decodeMessage, decodeMessageAsync } = await load('proto/decode.js');
const { toTextFormat } = await load('proto/text-format.js');
const { pace } = await load('pace.js');

/** Largest lateness of a 1 ms interval timer while `fn` runs: how long the loop was held. */
async function withLoopProbe(/** @type {() => Promise<unknown>} */ fn) {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 1);
    last = now;
  }, 1);
  await new Promise((r) => setTimeout(r, 5));
  last = performance.now();
  const started = performance.now();
  const result = await fn();
  const ms = performance.now() - started;
  clearInterval(timer);
  worst = Math.max(worst, performance.now() - last - 1);
  return { result, ms, loopMs: worst };
}

function median(/** @type {number[]} */ xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeSync(/** @type {() => unknown} */ fn, times = 3) {
  const ms = [];
  let result;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    result = fn();
    ms.push(performance.now() - t);
  }
  return { result, ms: median(ms), first: ms[0] };
}

const manifest = JSON.parse(fs.readFileSync(path.join(out, 'MANIFEST.json'), 'utf8'));
const loadStart = performance.now();
const root = await loadLogRoot(out);
const loadMs = performance.now() - loadStart;
const app = hostPlugin(plugin, root.provider);
const P = '/data/plugin/graphs';
const run = encodeURIComponent(RUN);

/**
 * One request: its time until the answer is ready (the server's work; reading the body is
 * the client's), the loop's longest hold meanwhile, and the body.
 */
async function request(/** @type {string} */ url) {
  const { result: res, ms, loopMs } = await withLoopProbe(() => app.request(url));
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${body.toString('utf8').slice(0, 300)}`);
  return { ms, loopMs, bytes: body.length, body };
}

/** Cold then repeated. */
async function route(/** @type {string} */ name, /** @type {string} */ url) {
  const cold = await request(url);
  const warm = await request(url);
  if (!cold.body.equals(warm.body)) throw new Error(`${name}: the repeated answer differs from the first`);
  return { name, url, bytes: cold.bytes, coldMs: cold.ms, warmMs: warm.ms, loopMs: Math.max(cold.loopMs, warm.loopMs), body: cold.body };
}

const routes = [];
routes.push(await route('graph', `${P}/graph?run=${run}`));
routes.push(await route('graph (limit_attr_size=1024)', `${P}/graph?run=${run}&limit_attr_size=1024&large_attrs_key=_too_large_attrs`));
routes.push(await route('graph_json', `${P}/graph_json?run=${run}`));
routes.push(await route(`graph_json (profile ${PROFILE_TAG})`, `${P}/graph_json?run=${run}&tag=${PROFILE_TAG}`));
routes.push(await route('run_metadata', `${P}/run_metadata?run=${run}&tag=${PROFILE_TAG}`));

const rssAfterRoutesMb = process.memoryUsage().rss / 2 ** 20;
const peakRssRoutesMb = process.resourceUsage().maxRSS / 1024; // KiB -> MiB
const graphJson = JSON.parse(routes[2].body.toString('utf8'));
if (graphJson.nodes.length !== manifest.nodes) throw new Error(`graph_json has ${graphJson.nodes.length} nodes, the generator wrote ${manifest.nodes}`);
const profiled = JSON.parse(routes[3].body.toString('utf8'));
if (Object.keys(profiled.runMetadata ?? {}).length !== manifest.nodes) throw new Error('graph_json of the profile tag lacks step stats of some nodes');

// The parts on their own: decode (all at once; paced), text format.
const [datum] = root.provider.readBlobSequences('graphs', RUN, '__run_graph__', { downsample: 1 });
const bytes = await root.provider.readBlob(datum.blobs[0].key);
const decode = timeSync(() => decodeMessage('GraphDef', bytes));
const paced = await withLoopProbe(() => decodeMessageAsync('GraphDef', bytes, pace()));
const text = timeSync(() => toTextFormat(decode.result));
if (text.result !== routes[0].body.toString('utf8')) throw new Error('the graph route and toTextFormat disagree');

const peakRssMb = process.resourceUsage().maxRSS / 1024; // KiB -> MiB
await root.close();

const figures = {
  nodes: manifest.nodes,
  graphDefBytes: bytes.length,
  runMetadataBytes: manifest.runMetadataBytes,
  logRootLoadMs: loadMs,
  decodeMs: decode.ms,
  decodeFirstMs: decode.first,
  decodePacedMs: paced.ms,
  decodePacedLoopMs: paced.loopMs,
  textFormatMs: text.ms,
  textFormatBytes: Buffer.byteLength(text.result),
  routes: routes.map(({ body, ...r }) => r),
  maxLoopBlockMs: Math.max(paced.loopMs, ...routes.map((r) => r.loopMs)),
  rssAfterRoutesMb,
  peakRssRoutesMb,
  peakRssMb,
};

if (asJson) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  const mb = (/** @type {number} */ n) => `${(n / 1e6).toFixed(1)} MB`;
  const ms = (/** @type {number} */ n) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
  console.log(`graphs benchmark: ${figures.nodes.toLocaleString('en-US')} nodes, log root loaded in ${ms(loadMs)}`);
  console.log(`  GraphDef                     ${mb(figures.graphDefBytes)} (RunMetadata ${mb(figures.runMetadataBytes)})`);
  console.log(`  decode (all at once)         ${ms(figures.decodeMs)} median of 3 (first ${ms(figures.decodeFirstMs)})`);
  console.log(`  decode (paced, as routes do) ${ms(figures.decodePacedMs)}, event loop held at most ${ms(figures.decodePacedLoopMs)}`);
  console.log(`  text format                  ${ms(figures.textFormatMs)} median of 3, ${mb(figures.textFormatBytes)}`);
  console.log('  route                                   answer     cold     cached   loop held');
  for (const r of figures.routes) {
    console.log(`  ${r.name.padEnd(38)} ${mb(r.bytes).padStart(9)} ${ms(r.coldMs).padStart(8)} ${ms(r.warmMs).padStart(9)} ${ms(r.loopMs).padStart(10)}`);
  }
  console.log(`  longest event-loop hold      ${ms(figures.maxLoopBlockMs)}`);
  console.log(`  peak RSS (routes)            ${figures.peakRssRoutesMb.toFixed(0)} MiB; ${figures.rssAfterRoutesMb.toFixed(0)} MiB after them (5 answers cached, and this script's copies)`);
  console.log(`  peak RSS (whole run)         ${figures.peakRssMb.toFixed(0)} MiB (with the timed decodes above)`);
}

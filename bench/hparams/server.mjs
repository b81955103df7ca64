#!/usr/bin/env node
// The server half of the hparams benchmark: loads the sweep of generate.mjs (1,000
// sessions x 6 hparams x 3 metrics), hosts @tb/plugin-hparams on it, and prints
//
// - the very first request (session_groups of the whole table): it indexes the sessions,
//   decoding every session's hparams tags and reading every metric's last value;
// - each route's time: cold (the first request on a new data version: the index is
//   rebuilt, the hparams tags' decodes are reused by their bytes, as after a change) and
//   warm (later requests on unchanged data: two tag listings to check that, then the
//   answer), as the median (p50) of repeated requests, with the answer's size;
// - the dashboard's requests: experiment, session_groups of all 1,000 groups (the table),
//   sorted by a metric with filters, one page of 100, min aggregation, metric_evals, and
//   download_data as CSV;
// - the peak RSS.
//
//   node bench/hparams/server.mjs [--out DIR] [--repeat N] [--json]
//
// Needs `pnpm run build` first (it runs the built @tb/core and @tb/plugin-hparams).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hostPlugin, loadLogRoot } from '@tb/core/testing';
import { DEFAULT_OUT, HPARAMS, METRICS } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PLUGIN_INDEX = path.join(HERE, '..', '..', 'packages', 'plugin-hparams', 'dist', 'index.js');

const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = path.resolve(arg('--out') ?? DEFAULT_OUT);
const repeat = Number(arg('--repeat') ?? 21);
const asJson = args.includes('--json');

if (!fs.existsSync(path.join(out, 'MANIFEST.json'))) {
  console.error(`no benchmark log root at ${out}: run node bench/hparams/generate.mjs first`);
  process.exit(2);
}
if (!fs.existsSync(PLUGIN_INDEX)) {
  console.error(`@tb/plugin-hparams is not built (${PLUGIN_INDEX} is missing): run npx -y pnpm@9 run build first`);
  process.exit(2);
}
const { default: plugin } = await import(pathToFileURL(PLUGIN_INDEX).href);
const manifest = JSON.parse(fs.readFileSync(path.join(out, 'MANIFEST.json'), 'utf8'));

const loadStart = performance.now();
const root = await loadLogRoot(out);
const loadMs = performance.now() - loadStart;
const rssAfterLoadMb = process.memoryUsage().rss / 2 ** 20;

/**
 * The provider behind a new object: the plugin keeps its index per provider object, so
 * each wrapper starts cold, as after a data change.
 */
function freshView(provider) {
  return Object.fromEntries(
    ['listRuns', 'listPluginNames', 'listTags', 'readScalars', 'readTensors', 'readBlobSequences', 'readBlob', 'listFiles', 'readFile'].map((m) => [m, provider[m].bind(provider)]),
  );
}

const P = '/data/plugin/hparams';
const ALL_STATUSES = ['STATUS_UNKNOWN', 'STATUS_SUCCESS', 'STATUS_FAILURE', 'STATUS_RUNNING'];
const columns = [...HPARAMS.map((hparam) => ({ hparam })), ...METRICS.map((tag) => ({ metric: { group: '', tag } }))];
const table = { experimentName: '', allowedStatuses: ALL_STATUSES, colParams: columns, startIndex: 0, sliceSize: 1000 };
const ACC = { group: '', tag: 'hparam/accuracy' };

const cases = [
  { name: 'experiment', route: 'experiment', body: { experimentName: '' } },
  { name: 'session_groups: all groups (the table)', route: 'session_groups', body: table },
  {
    name: 'session_groups: filtered, sorted by a metric',
    route: 'session_groups',
    body: {
      ...table,
      colParams: columns.map((c) =>
        c.hparam === 'optimizer' ? { ...c, filterRegexp: '^(adam|sgd)$' } : c.hparam === 'lr' ? { ...c, filterInterval: { minValue: 1e-4, maxValue: 1e-2 } } : c.metric?.tag === ACC.tag ? { ...c, order: 'ORDER_DESC' } : c,
      ),
    },
  },
  { name: 'session_groups: page of 100 by lr', route: 'session_groups', body: { ...table, startIndex: 200, sliceSize: 100, colParams: [{ hparam: 'lr', order: 'ORDER_ASC' }, ...columns.slice(1)] } },
  { name: 'session_groups: min aggregation', route: 'session_groups', body: { ...table, aggregationType: 'AGGREGATION_MIN', aggregationMetric: ACC } },
  { name: 'metric_evals', route: 'metric_evals', body: { experimentName: '', sessionName: 'trial-0500', metricName: ACC } },
  {
    name: 'download_data (csv)',
    route: `download_data?format=csv&columnsVisibility=${encodeURIComponent(JSON.stringify(columns.map(() => true)))}`,
    body: table,
  },
];

async function timed(app, c) {
  const t = performance.now();
  const res = await app.request(`${P}/${c.route}`, { method: 'POST', body: JSON.stringify(c.body), headers: { 'Content-Type': 'application/json' } });
  const ms = performance.now() - t;
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${c.name} answered ${res.status}: ${text.slice(0, 300)}`);
  return { ms, bytes: Buffer.byteLength(text), text };
}

const p50 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const first = await timed(hostPlugin(plugin, freshView(root.provider)), cases[1]);

const results = [];
for (const c of cases) {
  // Cold: a fresh view of the data, so this request indexes the sessions itself.
  const app = hostPlugin(plugin, freshView(root.provider));
  const cold = await timed(app, c);
  const warm = [];
  let last = cold;
  for (let i = 0; i < repeat; i++) warm.push((last = await timed(app, c)).ms);
  if (last.text !== cold.text) throw new Error(`${c.name}: the repeated answer differs from the first`);
  results.push({ name: c.name, bytes: cold.bytes, coldMs: cold.ms, warmP50Ms: p50(warm), warmMaxMs: Math.max(...warm), text: cold.text });
}

const groups = JSON.parse(results[1].text);
if (groups.totalSize !== manifest.sessions) throw new Error(`session_groups lists ${groups.totalSize} groups; the generator wrote ${manifest.sessions} sessions`);
const experiment = JSON.parse(results[0].text);
if (experiment.hparamInfos.length !== manifest.hparams || experiment.metricInfos.length !== manifest.metrics) throw new Error('the experiment lacks hparams or metrics');

const peakRssMb = process.resourceUsage().maxRSS / 1024;
await root.close();

const figures = {
  sessions: manifest.sessions,
  hparams: manifest.hparams,
  metrics: manifest.metrics,
  runs: manifest.sessions,
  logRootLoadMs: loadMs,
  firstRequestMs: first.ms,
  repeat,
  routes: results.map(({ text, ...r }) => r),
  rssAfterLoadMb,
  peakRssMb,
};

if (asJson) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  const ms = (n) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
  const kb = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${(n / 1e3).toFixed(1)} kB`);
  console.log(`hparams benchmark: ${figures.sessions.toLocaleString('en-US')} sessions x ${figures.hparams} hparams x ${figures.metrics} metrics, log root loaded in ${ms(loadMs)}`);
  console.log(`  first request (indexes ${figures.sessions} sessions: decode + metrics)  ${ms(first.ms)}  [${cases[1].name}]`);
  console.log(`  request                                         answer      cold   warm p50   warm max  (${repeat} warm requests each)`);
  for (const r of figures.routes) {
    console.log(`  ${r.name.padEnd(46)} ${kb(r.bytes).padStart(9)} ${ms(r.coldMs).padStart(9)} ${ms(r.warmP50Ms).padStart(10)} ${ms(r.warmMaxMs).padStart(10)}`);
  }
  console.log(`  RSS after loading the log root                 ${figures.rssAfterLoadMb.toFixed(0)} MiB`);
  console.log(`  peak RSS                                       ${figures.peakRssMb.toFixed(0)} MiB (the log root, the indexes, this script's copies of the answers)`);
}

// Profile loading benchmark. Run after building the package (tsc -b tsconfig.build.json):
//
//   node --expose-gc packages/plugin-profiler/bench/parse.mjs [--mb 100]
//
// For each corpus Kineto trace and a generated ~100 MB one (plain and gzipped) it prints:
// file and JSON size, events, the full load through ProfileLoader's worker thread (parse
// + analysis; time, MB/s of JSON text, events/s), the peak RSS of the process and the
// peak heap of the worker during it, the longest delay of a 10 ms timer on this thread
// while the worker loads (the server's event loop must stay free; an idle baseline is
// printed first), then the streaming parser alone on this thread and JSON.parse of the
// whole text for comparison. All loads run before the parses on this thread, so that
// their garbage does not show in the loads' RSS and timer delays.
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pipeline } from 'node:stream/promises';
import v8 from 'node:v8';
import { createGzip, gunzipSync } from 'node:zlib';
import { generateTrace } from './generate-trace.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = join(here, '..', 'dist', 'trace');
if (!existsSync(join(dist, 'worker.js'))) {
  console.error(`no build at ${dist}: build the package first (tsc -b packages/plugin-profiler/tsconfig.build.json)`);
  process.exit(1);
}
const { parseTraceStream } = await import(join(dist, 'parse-stream.js'));
const { traceFromJson } = await import(join(dist, 'from-json.js'));
const { ProfileLoader } = await import(join(dist, 'loader.js'));
const { transferables } = await import(join(dist, 'transfer.js'));

const mbArg = process.argv.indexOf('--mb');
const targetMb = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 100;
const MB = 1e6;
const gc = () => globalThis.gc?.();
const read = (file) => createReadStream(file, { highWaterMark: 1 << 20 });

async function generated() {
  const dir = join(tmpdir(), 'tb-profiler-bench');
  await mkdir(dir, { recursive: true });
  const plain = join(dir, `synthetic-${targetMb}mb.pt.trace.json`);
  const gz = `${plain}.gz`;
  if (!existsSync(plain) || !existsSync(gz)) {
    const t = performance.now();
    const { bytes, events } = await generateTrace(plain, targetMb * MB);
    await pipeline(createReadStream(plain), createGzip({ level: 6 }), (await import('node:fs')).createWriteStream(gz));
    console.log(`generated ${plain} (${(bytes / MB).toFixed(1)} MB, ${events} events) and .gz in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return [plain, gz];
}

function corpus() {
  const root = join(here, '..', '..', '..', 'test', 'corpus', 'profile-kineto');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((run) =>
    readdirSync(join(root, run))
      .filter((f) => /\.pt\.trace\.json(\.gz)?$/.test(f))
      .map((f) => join(root, run, f)),
  );
}

/** Samples RSS and the lateness of a 10 ms timer until stopped. */
function probe() {
  let peakRss = process.memoryUsage().rss;
  let maxDelay = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxDelay = Math.max(maxDelay, now - last - 10);
    last = now;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 10);
  return () => {
    clearInterval(timer);
    return { peakRss: Math.max(peakRss, process.memoryUsage().rss), maxDelay };
  };
}

function wholeParse(file, gzip) {
  const t = performance.now();
  const raw = readFileSync(file);
  const text = (gzip ? gunzipSync(raw) : raw).toString('utf8');
  const jsonEvents = traceFromJson(JSON.parse(text)).traceEvents.length;
  return { jsonBytes: Buffer.byteLength(text), jsonParseS: (performance.now() - t) / 1000, jsonEvents };
}

function transferredBytes(profile) {
  return transferables(profile).reduce((sum, b) => sum + b.byteLength, 0);
}

/** The full load through the worker, with the event loop probe running on this thread. */
async function measureLoad(file, loader) {
  const size = statSync(file).size;
  gc();
  const stop = probe();
  let peakHeap = 0;
  const t = performance.now();
  const profile = await loader.load(
    { id: { run: 'bench', worker: 'w', span: '1' }, kind: 'kineto-json', size, chunks: () => read(file) },
    { onStats: (s) => (peakHeap = s.peakHeap) },
  );
  const loadS = (performance.now() - t) / 1000;
  const { peakRss, maxDelay } = stop();
  // What crossed the thread boundary by copy (typed arrays are transferred, not counted).
  const cloneBytes = v8.serialize(profile).length - transferredBytes(profile);
  return { file, size, loadEvents: profile.eventCount, loadS, peakRss, peakHeap, maxDelay, cloneBytes };
}

/** The streaming parser alone on this thread, then JSON.parse of the whole text for comparison. */
async function measureParse(file) {
  const gzip = file.endsWith('.gz');
  gc();
  const t = performance.now();
  let trace = await parseTraceStream(read(file), { gzip });
  const parseS = (performance.now() - t) / 1000;
  const events = trace.traceEvents.length;
  trace = null;
  gc();
  const { jsonBytes, jsonParseS, jsonEvents } = wholeParse(file, gzip);
  if (jsonEvents !== events) throw new Error(`${file}: streaming parse found ${events} events, JSON.parse ${jsonEvents}`);
  return { events, parseS, jsonBytes, jsonParseS };
}

const files = [...corpus(), ...(await generated())];
const loader = new ProfileLoader();
if (loader.mode !== 'worker') throw new Error('the loader did not find its built worker');
{
  // Cold start (worker thread, modules, first JIT) on a small corpus trace, kept out of the table.
  const small = join(here, '..', '..', '..', 'test', 'corpus', 'profile', 'mlp_32', 'worker0.1795464397205.pt.trace.json');
  if (existsSync(small)) {
    const t = performance.now();
    const size = statSync(small).size;
    await loader.load({ id: { run: 'warm', worker: 'w', span: '1' }, kind: 'kineto-json', size, chunks: () => read(small) });
    console.log(`cold start: first load (${(size / 1e3).toFixed(0)} kB) took ${(performance.now() - t).toFixed(0)} ms`);
  }
}
{
  // The timer's delay with nothing running, to tell the loader's effect from the machine's noise.
  const stop = probe();
  await new Promise((r) => setTimeout(r, 1000));
  const { maxDelay } = stop();
  const load = (await import('node:os')).loadavg()[0].toFixed(1);
  console.log(`idle baseline: max delay of a 10 ms timer over 1 s ${maxDelay.toFixed(1)} ms (load average ${load})`);
}
// Loads first, while this thread's heap is small (as a server's would be), then the parses here.
const rows = [];
for (const file of files) {
  rows.push(await measureLoad(file, loader));
  console.log(`loaded ${file.split('/').pop()}`);
}
for (const r of rows) {
  Object.assign(r, await measureParse(r.file));
  if (r.loadEvents !== undefined && r.loadEvents !== r.events) throw new Error(`${r.file}: the loader's profile has ${r.loadEvents} events, the parser ${r.events}`);
  console.log(`parsed ${r.file.split('/').pop()}`);
}
await loader.close();

const cols = [
  ['file', (r) => r.file.split('/').pop().replace(/^worker0\./, '')],
  ['file MB', (r) => (r.size / MB).toFixed(1)],
  ['JSON MB', (r) => (r.jsonBytes / MB).toFixed(1)],
  ['events', (r) => String(r.events)],
  ['parse s', (r) => r.parseS.toFixed(2)],
  ['parse MB/s', (r) => (r.jsonBytes / MB / r.parseS).toFixed(0)],
  ['parse ev/s', (r) => `${(r.events / r.parseS / 1e3).toFixed(0)}k`],
  ['JSON.parse s', (r) => r.jsonParseS.toFixed(2)],
  ['load s', (r) => r.loadS.toFixed(2)],
  ['load MB/s', (r) => (r.jsonBytes / MB / r.loadS).toFixed(0)],
  ['load ev/s', (r) => `${(r.events / r.loadS / 1e3).toFixed(0)}k`],
  ['peak RSS MB', (r) => (r.peakRss / 2 ** 20).toFixed(0)],
  ['worker heap MB', (r) => (r.peakHeap / 2 ** 20).toFixed(0)],
  ['max loop delay ms', (r) => r.maxDelay.toFixed(1)],
  ['result cloned MB', (r) => (r.cloneBytes / MB).toFixed(1)],
];
const cells = [cols.map(([h]) => h), ...rows.map((r) => cols.map(([, f]) => f(r)))];
const widths = cols.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
const line = (row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(`\nNode ${process.version}, ${(await import('node:os')).availableParallelism()} cores; MB/s are of JSON text; loads go through ProfileLoader's worker thread\n`);
console.log(line(cells[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of cells.slice(1)) console.log(line(row));

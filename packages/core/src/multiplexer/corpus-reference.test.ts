/**
 * The data layer against the real TensorBoard: for the corpus roots mnist-like,
 * tf2-format and edge, runs, tags and values must equal what TensorBoard 2.22 served
 * (test/corpus/reference). TensorBoard keeps at most 1000 scalars per tag and we
 * keep all, so each of its points must be one of ours, and where it kept everything,
 * the series are equal.
 */
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataProvider } from './data-provider.js';
import { LogRootMultiplexer } from './multiplexer.js';
import { corpusDir } from '../testing/corpus.js';

const CORPUS = corpusDir();

interface RefEntry {
  method: string;
  path: string;
  query: [string, string | number][];
  status: number;
  file: string;
}

function refJson(root: string, file: string): unknown {
  const full = path.join(CORPUS, 'reference', root, file);
  const bytes = existsSync(full) ? readFileSync(full) : gunzipSync(readFileSync(`${full}.gz`));
  return JSON.parse(bytes.toString('utf8'));
}

function refEntries(root: string, route: string): RefEntry[] {
  const index = refJson(root, 'index.json') as RefEntry[];
  return index.filter((e) => e.path === route && e.status === 200 && !e.query.some(([k]) => k === 'format'));
}

function q(e: RefEntry, key: string): string {
  const v = e.query.find(([k]) => k === key);
  if (!v) throw new Error(`reference entry ${e.file} has no ${key}`);
  return String(v[1]);
}

/** TensorBoard writes non-finite floats as strings. */
function num(v: number | string): number {
  return typeof v === 'number' ? v : Number(v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : NaN);
}

/** Tag names per run from any TensorBoard tags answer (object of objects, or of arrays). */
function refTagNames(listing: Record<string, unknown>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [run, tags] of Object.entries(listing)) {
    out.set(run, (Array.isArray(tags) ? (tags as string[]) : Object.keys(tags as object)).slice().sort());
  }
  return out;
}

function ourTagNames(provider: DataProvider, plugin: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [run, tags] of provider.listTags(plugin)) out.set(run, [...tags.keys()].sort());
  return out;
}

function sorted<T>(m: Map<string, T>): [string, T][] {
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const ALL = { downsample: 1e9 };
const EDGE_RUNS_WE_READ_FURTHER = new Set(['bad_data_crc', 'bad_length_crc']);

describe.each(['mnist-like', 'tf2-format', 'edge'])('corpus %s against TensorBoard', (root) => {
  let mux: LogRootMultiplexer;
  let provider: DataProvider;

  beforeAll(async () => {
    mux = new LogRootMultiplexer({ logdir: path.join(CORPUS, root), reloadInterval: 0 });
    await mux.reload();
    provider = mux.provider;
  });
  afterAll(() => mux.close());

  it('lists the same runs in the same order', () => {
    expect(provider.listRuns().map((r) => r.name)).toEqual(refJson(root, 'core/runs.json'));
  });

  it.each(['scalars', 'histograms', 'images', 'audio', 'text', 'pr_curves'])('lists the same %s tags', (plugin) => {
    const ref = refJson(root, `${plugin}/tags.json`) as Record<string, unknown>;
    expect(sorted(ourTagNames(provider, plugin))).toEqual(sorted(refTagNames(ref)));
  });

  it('gives scalar tags the same display names and descriptions', () => {
    const ref = refJson(root, 'scalars/tags.json') as Record<string, Record<string, { displayName: string; description: string }>>;
    const ours = provider.listTags('scalars');
    for (const [run, tags] of Object.entries(ref)) {
      for (const [tag, info] of Object.entries(tags)) {
        const mine = ours.get(run)?.get(tag);
        expect(mine?.displayName, `${run}/${tag}`).toBe(info.displayName);
        expect(info.description).toContain(mine?.description ?? '<missing>');
      }
    }
  });

  it('has every scalar point TensorBoard serves, with equal values', () => {
    const entries = refEntries(root, '/data/plugin/scalars/scalars');
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      const run = q(e, 'run');
      const tag = q(e, 'tag');
      const ref = refJson(root, e.file) as [number, number, number | string][];
      const ours = provider.readScalars('scalars', run, tag, ALL);
      expect(ours, `${run}/${tag}`).toBeDefined();
      const byKey = new Map<string, number>();
      for (let i = 0; i < ours!.step.length; i++) byKey.set(`${ours!.wallTime[i]}@${ours!.step[i]}`, ours!.value[i]!);
      const missing: string[] = [];
      for (const [wall, step, value] of ref) {
        const key = `${wall}@${step}`;
        if (!byKey.has(key)) missing.push(key);
        else expect(Object.is(byKey.get(key), num(value)) || byKey.get(key) === num(value), `${run}/${tag} ${key}`).toBe(true);
      }
      expect(missing, `${run}/${tag}`).toEqual([]);
      if (ref.length < 1000 && !EDGE_RUNS_WE_READ_FURTHER.has(run)) expect(ours!.step.length, `${run}/${tag}`).toBe(ref.length);
      if (ref.length === 1000) {
        // TensorBoard's reservoir kept its last point; so must the full series end there.
        expect(ours!.step[ours!.step.length - 1]).toBe(ref[ref.length - 1]![1]);
      }
    }
  });

  it('has the histograms TensorBoard serves, converted the same way', () => {
    for (const e of refEntries(root, '/data/plugin/histograms/histograms')) {
      const run = q(e, 'run');
      const tag = q(e, 'tag');
      const ref = refJson(root, e.file) as [number, number, [number, number, number][]][];
      const ours = provider.readTensors('histograms', run, tag, ALL)!;
      expect(ours.map((d) => [d.wallTime, d.step])).toEqual(ref.map(([w, s]) => [w, s]));
      ours.forEach((d, i) => {
        const buckets: number[][] = [];
        for (let b = 0; b < d.value.numbers.length; b += 3) buckets.push(Array.from(d.value.numbers.subarray(b, b + 3)));
        expect(buckets, `${run}/${tag} step ${d.step}`).toEqual(ref[i]![2]);
      });
    }
  });

  it('has the image steps TensorBoard serves, and their bytes', async () => {
    const entries = refEntries(root, '/data/plugin/images/images');
    for (const e of entries) {
      const run = q(e, 'run');
      const tag = q(e, 'tag');
      const sample = Number(q(e, 'sample'));
      const ref = refJson(root, e.file) as { wall_time: number; step: number }[];
      const ours = provider.readBlobSequences('images', run, tag, ALL)!;
      expect(ours.map((d) => [d.wallTime, d.step])).toEqual(ref.map((r) => [r.wall_time, r.step]));
      const png = await provider.readBlob(ours[0]!.blobs[2 + sample]!.key);
      expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    }
    const served = refEntries(root, '/data/plugin/images/individualImage');
    for (const e of served.slice(0, 3)) {
      const [, , run, tag, index, blob] = JSON.parse(Buffer.from(q(e, 'blob_key'), 'base64url').toString()) as [
        string, string, string, string, number, number,
      ];
      const ours = provider.readBlobSequences('images', run, tag, ALL)!;
      const bytes = await provider.readBlob(ours[index]!.blobs[blob]!.key);
      const refBytes = readFileSync(path.join(CORPUS, 'reference', root, e.file));
      expect(Buffer.from(bytes).equals(refBytes)).toBe(true);
    }
  });

  it('has a run graph wherever TensorBoard shows one', () => {
    const info = refJson(root, 'graphs/info.json') as Record<string, { run_graph: boolean; tags: Record<string, unknown> }>;
    const graphs = provider.listTags('graphs');
    const runMetadata = provider.listTags('graph_run_metadata');
    for (const [run, entry] of Object.entries(info)) {
      expect(graphs.get(run)?.has('__run_graph__') ?? false, run).toBe(entry.run_graph);
      for (const tag of Object.keys(entry.tags)) expect(runMetadata.get(run)?.has(tag), `${run}/${tag}`).toBe(true);
    }
  });
});

/**
 * The DataProvider conformance suite: one fixed log root's worth of data, and the
 * answers every DataProvider must give for it (the key, the plugin separation, the
 * downsampling rule, blobs, files and their refusals). Run it against each
 * implementation with the same fixture loaded in its own way.
 *
 * @example
 * describeDataProvider('my provider', async (fixture) => ({ provider: fromFixture(fixture) }));
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { InvalidArgumentError, NotFoundError } from '../errors.js';
import type { DataProvider } from '../multiplexer/data-provider.js';

/** One scalar point of the fixture. */
export interface FixturePoint {
  readonly step: number;
  readonly wallTime: number;
  readonly value: number;
}

/** What the conformance log root holds; values are exact in float32. */
export interface ConformanceFixture {
  /** run -> tag -> points, written by the scalars plugin. */
  readonly scalars: Readonly<Record<string, Readonly<Record<string, readonly FixturePoint[]>>>>;
  /** run -> tag -> one image per step: width, height and the encoded bytes. */
  readonly images: Readonly<Record<string, Readonly<Record<string, readonly { step: number; wallTime: number; width: number; height: number; encoded: Uint8Array }[]>>>>;
  /** Files beside the event files, by path relative to the root. */
  readonly files: Readonly<Record<string, string>>;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The fixture every provider is loaded with. */
export const CONFORMANCE_FIXTURE: ConformanceFixture = {
  scalars: {
    a: {
      loss: range(300).map((step) => ({ step, wallTime: 100 + step, value: step / 2 })),
      acc: range(10).map((step) => ({ step, wallTime: 100 + step, value: step / 8 })),
    },
    'b/c': { loss: range(10).map((step) => ({ step, wallTime: 50 + step, value: 1 })) },
  },
  images: {
    a: { img: range(5).map((step) => ({ step, wallTime: 100 + step, width: 2, height: 1, encoded: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, step) })) },
  },
  files: { 'a/notes.tsv': 'word\tcount\nloss\t1\n' },
};

/** A provider loaded with the fixture, and how to release it. */
export interface LoadedProvider {
  readonly provider: DataProvider;
  close?(): Promise<void>;
}

const ALL = { downsample: Number.MAX_SAFE_INTEGER };

/** Declares the conformance tests (vitest) for the provider that `load` makes from the fixture. */
export function describeDataProvider(name: string, load: (fixture: ConformanceFixture) => Promise<LoadedProvider>): void {
  describe(`DataProvider conformance: ${name}`, () => {
    let loaded: LoadedProvider;
    let data: DataProvider;
    beforeAll(async () => {
      loaded = await load(CONFORMANCE_FIXTURE);
      data = loaded.provider;
    });
    afterAll(async () => {
      await loaded?.close?.();
    });

    it('lists runs by start time, then name', () => {
      expect(data.listRuns().map((r) => [r.name, r.startTime])).toEqual([
        ['b/c', 50],
        ['a', 100],
      ]);
    });

    it('lists tags per plugin, and filters by run', () => {
      const scalars = data.listTags('scalars');
      expect([...scalars.keys()].sort()).toEqual(['a', 'b/c']);
      expect([...scalars.get('a')!.keys()].sort()).toEqual(['acc', 'loss']);
      const loss = scalars.get('a')!.get('loss')!;
      expect(loss).toMatchObject({ pluginName: 'scalars', dataClass: 'scalar', maxStep: 299, maxWallTime: 399, count: 300 });
      expect([...data.listTags('images').keys()]).toEqual(['a']);
      expect(data.listTags('images').get('a')!.get('img')).toMatchObject({ pluginName: 'images', dataClass: 'blob_sequence', count: 5 });
      expect(data.listTags('histograms').size).toBe(0);
      expect([...data.listTags('scalars', { runs: ['b/c'] }).keys()]).toEqual(['b/c']);
    });

    it('lists the plugin names that have tags, sorted', () => {
      expect(data.listPluginNames()).toEqual(['images', 'scalars']);
    });

    it('reads a scalar series in full, as written', () => {
      const s = data.readScalars('scalars', 'a', 'loss', ALL)!;
      const want = CONFORMANCE_FIXTURE.scalars['a']!['loss']!;
      expect(Array.from(s.step)).toEqual(want.map((p) => p.step));
      expect(Array.from(s.wallTime)).toEqual(want.map((p) => p.wallTime));
      expect(Array.from(s.value)).toEqual(want.map((p) => p.value));
    });

    it('downsamples deterministically, in order, keeping the last point', () => {
      for (const k of [1, 2, 7, 100, 299]) {
        const s = data.readScalars('scalars', 'a', 'loss', { downsample: k })!;
        const steps = Array.from(s.step);
        expect(steps.length).toBeLessThanOrEqual(k);
        expect(steps.length).toBeGreaterThan(0);
        expect(steps[steps.length - 1]).toBe(299);
        expect([...steps].sort((x, y) => x - y)).toEqual(steps);
        expect(new Set(steps).size).toBe(steps.length);
        for (const [i, step] of steps.entries()) expect(s.value[i]).toBe(step / 2);
        expect(Array.from(data.readScalars('scalars', 'a', 'loss', { downsample: k })!.step)).toEqual(steps);
      }
      expect(data.readScalars('scalars', 'a', 'loss', { downsample: 300 })!.step.length).toBe(300);
      const tensors = data.readTensors('scalars', 'a', 'loss', { downsample: 10 })!;
      expect(tensors.length).toBeLessThanOrEqual(10);
      expect(tensors[tensors.length - 1]).toMatchObject({ step: 299, wallTime: 399 });
      expect(Array.from(tensors[tensors.length - 1]!.value.numbers)).toEqual([149.5]);
    });

    it('keeps plugins apart and answers undefined for what is absent', () => {
      expect(data.readScalars('histograms', 'a', 'loss', ALL)).toBeUndefined();
      expect(data.readScalars('scalars', 'nope', 'loss', ALL)).toBeUndefined();
      expect(data.readScalars('scalars', 'a', 'nope', ALL)).toBeUndefined();
      expect(data.readBlobSequences('images', 'a', 'loss', ALL)).toBeUndefined();
      expect(data.readTensors('images', 'b/c', 'img', ALL)).toBeUndefined();
    });

    it('serves blob sequences and their bytes, and refuses malformed keys', async () => {
      const seq = data.readBlobSequences('images', 'a', 'img', ALL)!;
      expect(seq.map((d) => d.step)).toEqual([0, 1, 2, 3, 4]);
      const last = seq[4]!;
      expect(last.blobs).toHaveLength(3);
      expect(new TextDecoder().decode(await data.readBlob(last.blobs[0]!.key))).toBe('2');
      expect(new TextDecoder().decode(await data.readBlob(last.blobs[1]!.key))).toBe('1');
      expect(Array.from(await data.readBlob(last.blobs[2]!.key))).toEqual([0x89, 0x50, 0x4e, 0x47, 4]);
      const two = data.readBlobSequences('images', 'a', 'img', { downsample: 2 })!;
      expect(two.map((d) => d.step)).toHaveLength(2);
      expect(two[1]!.step).toBe(4);
      await expect(data.readBlob('not a key')).rejects.toBeInstanceOf(InvalidArgumentError);
    });

    it('lists and reads files under the root, and nothing outside it', async () => {
      const files = await data.listFiles(/\.tsv$/);
      expect(files.map((f) => [f.path, f.size])).toEqual([['a/notes.tsv', CONFORMANCE_FIXTURE.files['a/notes.tsv']!.length]]);
      expect(new TextDecoder().decode(await data.readFile('a/notes.tsv'))).toBe(CONFORMANCE_FIXTURE.files['a/notes.tsv']);
      await expect(data.readFile('../outside.txt')).rejects.toBeInstanceOf(NotFoundError);
      await expect(data.readFile('a/missing.tsv')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('streams a file in chunks of the size asked, with the same refusals', async () => {
      const chunks: Uint8Array[] = [];
      for await (const c of data.readFileChunks('a/notes.tsv', { chunkBytes: 4 })) chunks.push(c);
      const text = CONFORMANCE_FIXTURE.files['a/notes.tsv']!;
      expect(chunks.length).toBe(Math.ceil(text.length / 4));
      expect(chunks.every((c) => c.length <= 4)).toBe(true);
      expect(new TextDecoder().decode(Buffer.concat(chunks))).toBe(text);
      const drain = async (path: string) => {
        for await (const _ of data.readFileChunks(path)) void _;
      };
      await expect(drain('../outside.txt')).rejects.toBeInstanceOf(NotFoundError);
      await expect(drain('a/missing.tsv')).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}

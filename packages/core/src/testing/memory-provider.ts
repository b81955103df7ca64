/**
 * An in-memory {@link DataProvider} for plugin tests: put series in, read them back
 * under the same contract as the log-root provider (the plugin key, the downsampling
 * rule, NotFoundError for unknown blobs and files). The conformance suite
 * (`provider-conformance.ts`) holds both to the same answers.
 *
 * @example
 * const data = new MemoryProvider()
 *   .addScalars('adam', 'loss', [{ step: 0, wallTime: 1, value: 0.9 }, { step: 1, wallTime: 2, value: 0.5 }])
 *   .addFile('projector_config.pbtxt', 'embeddings { tensor_name: "x" }');
 */
import { InvalidArgumentError, NotFoundError } from '../errors.js';
import type { DataClass, TensorValue } from '../events/values.js';
import type {
  BlobSequenceDatum,
  DataProvider,
  LogFile,
  ReadOptions,
  RunInfo,
  ScalarSeries,
  TagInfo,
  TagListing,
  TensorDatum,
} from '../multiplexer/data-provider.js';
import { downsampleIndices, pick, pickItems } from '../multiplexer/downsample.js';

/** What a series' tag says of itself; every field has a default. */
export interface MemoryTagOptions {
  readonly pluginName?: string;
  readonly displayName?: string;
  readonly description?: string;
  readonly pluginContent?: Uint8Array;
}

type Stored =
  | { kind: 'scalar'; points: { step: number; wallTime: number; value: number }[] }
  | { kind: 'tensor'; points: TensorDatum[] }
  | { kind: 'blob'; points: { step: number; wallTime: number; blobs: Uint8Array[] }[] };

interface Series {
  readonly info: Omit<TagInfo, 'maxStep' | 'maxWallTime' | 'count' | 'dataClass'>;
  readonly stored: Stored;
}

const DATA_CLASS: Record<Stored['kind'], DataClass> = { scalar: 'scalar', tensor: 'tensor', blob: 'blob_sequence' };
const BLOB_KEY = /^mem:(\d+)$/;

/** A DataProvider over series and files held in memory. */
export class MemoryProvider implements DataProvider {
  private readonly runs = new Map<string, Map<string, Series>>();
  private readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();
  private readonly blobs: Uint8Array[] = [];

  /** Adds (or appends to) a scalar series; `pluginName` defaults to 'scalars'. */
  addScalars(run: string, tag: string, points: readonly { step: number; wallTime: number; value: number }[], o: MemoryTagOptions = {}): this {
    const s = this.series(run, tag, 'scalar', o.pluginName ?? 'scalars', o);
    if (s.kind === 'scalar') s.points.push(...points);
    return this;
  }

  /** Adds (or appends to) a tensor series; `pluginName` is required (e.g. 'histograms'). */
  addTensors(run: string, tag: string, points: readonly TensorDatum[], o: MemoryTagOptions & { pluginName: string }): this {
    const s = this.series(run, tag, 'tensor', o.pluginName, o);
    if (s.kind === 'tensor') s.points.push(...points);
    return this;
  }

  /** Adds a blob sequence series, e.g. images as [width, height, png] per step. */
  addBlobSequences(
    run: string,
    tag: string,
    points: readonly { step: number; wallTime: number; blobs: readonly (Uint8Array | string)[] }[],
    o: MemoryTagOptions & { pluginName: string },
  ): this {
    const s = this.series(run, tag, 'blob', o.pluginName, o);
    const encode = (b: Uint8Array | string) => (typeof b === 'string' ? new TextEncoder().encode(b) : b);
    if (s.kind === 'blob') s.points.push(...points.map((p) => ({ step: p.step, wallTime: p.wallTime, blobs: p.blobs.map(encode) })));
    return this;
  }

  /** Adds a file beside the event files (a projector TSV, a profiler trace). */
  addFile(path: string, contents: Uint8Array | string, mtime = 0): this {
    if (path.startsWith('/') || path.split('/').includes('..')) throw new Error(`addFile: path should be relative to the log root, found '${path}'`);
    this.files.set(path, { bytes: typeof contents === 'string' ? new TextEncoder().encode(contents) : contents, mtime });
    return this;
  }

  listRuns(): RunInfo[] {
    const runs = [...this.runs.entries()].map(([name, tags]) => {
      let start = Infinity;
      for (const { stored } of tags.values()) for (const p of stored.points) start = Math.min(start, p.wallTime);
      return { name, startTime: Number.isFinite(start) ? start : null };
    });
    return runs.sort((a, b) => (a.startTime ?? Infinity) - (b.startTime ?? Infinity) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  listPluginNames(): string[] {
    const names = new Set<string>();
    for (const tags of this.runs.values()) for (const s of tags.values()) names.add(s.info.pluginName);
    return [...names].sort();
  }

  listTags(pluginName: string, filter?: { runs?: readonly string[] }): TagListing {
    const out: TagListing = new Map();
    for (const [run, tags] of this.runs) {
      if (filter?.runs && !filter.runs.includes(run)) continue;
      for (const [tag, s] of tags) {
        if (s.info.pluginName !== pluginName) continue;
        const points = s.stored.points;
        const info: TagInfo = {
          ...s.info,
          dataClass: DATA_CLASS[s.stored.kind],
          maxStep: points.reduce((m, p) => Math.max(m, p.step), -Infinity),
          maxWallTime: points.reduce((m, p) => Math.max(m, p.wallTime), -Infinity),
          count: points.length,
        };
        if (!out.has(run)) out.set(run, new Map());
        out.get(run)!.set(tag, info);
      }
    }
    return out;
  }

  readScalars(pluginName: string, run: string, tag: string, options: ReadOptions): ScalarSeries | undefined {
    const s = this.find(pluginName, run, tag);
    if (s?.kind !== 'scalar') return undefined;
    const idx = downsampleIndices(s.points.length, options.downsample);
    const column = (f: (p: { step: number; wallTime: number; value: number }) => number) => pick(Float64Array.from(s.points, f), idx);
    return { step: column((p) => p.step), wallTime: column((p) => p.wallTime), value: column((p) => p.value) };
  }

  readTensors(pluginName: string, run: string, tag: string, options: ReadOptions): TensorDatum[] | undefined {
    const s = this.find(pluginName, run, tag);
    if (s?.kind === 'tensor') return pickItems(s.points, downsampleIndices(s.points.length, options.downsample));
    if (s?.kind !== 'scalar') return undefined;
    const v = this.readScalars(pluginName, run, tag, options)!;
    return Array.from(v.step, (step, i): TensorDatum => ({ step, wallTime: v.wallTime[i]!, value: scalarTensor(v.value[i]!) }));
  }

  readBlobSequences(pluginName: string, run: string, tag: string, options: ReadOptions): BlobSequenceDatum[] | undefined {
    const s = this.find(pluginName, run, tag);
    if (s?.kind !== 'blob') return undefined;
    return pickItems(s.points, downsampleIndices(s.points.length, options.downsample)).map((p) => ({
      step: p.step,
      wallTime: p.wallTime,
      blobs: p.blobs.map((bytes) => ({ key: this.blobKey(bytes) })),
    }));
  }

  async readBlob(key: string): Promise<Uint8Array> {
    const m = BLOB_KEY.exec(key);
    if (!m) throw new InvalidArgumentError(`blob key ${JSON.stringify(key)} is not one this provider gave out (expected mem:<n>)`);
    const bytes = this.blobs[Number(m[1])];
    if (!bytes) throw new NotFoundError(`no blob with key ${JSON.stringify(key)}`);
    return bytes;
  }

  async listFiles(pattern: RegExp): Promise<LogFile[]> {
    return [...this.files.entries()]
      .filter(([path]) => pattern.test(path))
      .map(([path, f]) => ({ path, size: f.bytes.length, mtime: f.mtime }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  async readFile(path: string): Promise<Uint8Array> {
    const file = this.files.get(path);
    if (!file) throw new NotFoundError(`no file ${JSON.stringify(path)} under the log root`);
    return file.bytes;
  }

  async *readFileChunks(path: string, o: { chunkBytes?: number } = {}): AsyncIterable<Uint8Array> {
    const bytes = await this.readFile(path);
    const size = Math.max(1, o.chunkBytes ?? 1 << 20);
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  }

  private series(run: string, tag: string, kind: Stored['kind'], pluginName: string, o: MemoryTagOptions): Stored {
    if (!this.runs.has(run)) this.runs.set(run, new Map());
    const tags = this.runs.get(run)!;
    const existing = tags.get(tag);
    if (existing) {
      if (existing.stored.kind !== kind) throw new Error(`run '${run}' tag '${tag}' holds ${existing.stored.kind} data, not ${kind}`);
      return existing.stored;
    }
    const stored = { kind, points: [] } as Stored;
    tags.set(tag, {
      info: { pluginName, displayName: o.displayName ?? '', description: o.description ?? '', pluginContent: o.pluginContent ?? new Uint8Array() },
      stored,
    });
    return stored;
  }

  private find(pluginName: string, run: string, tag: string): Stored | undefined {
    const s = this.runs.get(run)?.get(tag);
    return s && s.info.pluginName === pluginName ? s.stored : undefined;
  }

  private blobKey(bytes: Uint8Array): string {
    let i = this.blobs.indexOf(bytes);
    if (i < 0) i = this.blobs.push(bytes) - 1;
    return `mem:${i}`;
  }
}

function scalarTensor(value: number): TensorValue {
  return { dtype: 'float64', shape: [], numbers: Float64Array.of(value), strings: [] };
}

/**
 * The DataProvider over a {@link LogRootMultiplexer}: answers from what the run loaders
 * hold now, and reads blobs from their event files on demand.
 */
import { blobsOf } from '../events/data-compat.js';
import { readRawEvent } from '../events/raw-event.js';
import { readRecordAt } from '../events/tfrecord.js';
import { NotFoundError } from '../errors.js';
import { decodeBlobKey, encodeBlobKey, GRAPH_SLOTS } from './blob-key.js';
import type {
  BlobSequenceDatum,
  DataProvider,
  LogFile,
  ReadOptions,
  RunInfo,
  ScalarSeries,
  TagListing,
  TensorDatum,
} from './data-provider.js';
import { downsampleIndices, pick, pickItems } from './downsample.js';
import { listLogFiles, readLogFile, readLogFileChunks } from './log-files.js';
import type { LogRoot } from './log-root.js';
import type { RunLoader } from './run-loader.js';
import type { TagSeries } from './tag-series.js';

/** What the provider needs of the multiplexer. */
export interface RunSource {
  readonly roots: readonly LogRoot[];
  readonly runs: ReadonlyMap<string, RunLoader>;
}

export class LogRootProvider implements DataProvider {
  constructor(private readonly source: RunSource) {}

  listRuns(): RunInfo[] {
    const runs = [...this.source.runs.values()].map((r) => ({ name: r.name, startTime: r.startTime }));
    return runs.sort((a, b) => {
      if (a.startTime !== b.startTime) {
        if (a.startTime === null) return 1;
        if (b.startTime === null) return -1;
        return a.startTime - b.startTime;
      }
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
  }

  listPluginNames(): string[] {
    const names = new Set<string>();
    for (const run of this.source.runs.values()) for (const series of run.tags.values()) names.add(series.metadata.pluginName);
    return [...names].sort();
  }

  listTags(pluginName: string, filter?: { runs?: readonly string[] }): TagListing {
    const out: TagListing = new Map();
    const wanted = filter?.runs ? new Set(filter.runs) : null;
    for (const run of this.source.runs.values()) {
      if (wanted && !wanted.has(run.name)) continue;
      let tags: Map<string, ReturnType<TagSeries['info']>> | undefined;
      for (const series of run.tags.values()) {
        if (series.metadata.pluginName !== pluginName) continue;
        (tags ??= new Map()).set(series.tag, series.info());
      }
      if (tags) out.set(run.name, tags);
    }
    return out;
  }

  readScalars(pluginName: string, run: string, tag: string, options: ReadOptions): ScalarSeries | undefined {
    const s = this.series(pluginName, run, tag)?.storage;
    if (!s || s.kind !== 'scalar') return undefined;
    const all = s.points.view();
    const idx = downsampleIndices(all.step.length, options.downsample);
    return { step: pick(all.step, idx), wallTime: pick(all.wallTime, idx), value: pick(all.value, idx) };
  }

  /** Which storage object holds the series (a reload from scratch swaps in new ones), and how often its points changed. */
  seriesVersion(pluginName: string, run: string, tag: string): string | undefined {
    const series = this.series(pluginName, run, tag);
    return series ? `${storageId(series.storage.points)}:${series.changes}` : undefined;
  }

  readTensors(pluginName: string, run: string, tag: string, options: ReadOptions): TensorDatum[] | undefined {
    const s = this.series(pluginName, run, tag)?.storage;
    if (!s) return undefined;
    if (s.kind === 'tensor') {
      const items = s.points.toArray();
      return pickItems(items, downsampleIndices(items.length, options.downsample));
    }
    if (s.kind === 'scalar') {
      const v = this.readScalars(pluginName, run, tag, options)!;
      return Array.from(v.step, (step, i) => ({
        step,
        wallTime: v.wallTime[i]!,
        value: { dtype: 'float64' as const, shape: [], numbers: Float64Array.of(v.value[i]!), strings: [] },
      }));
    }
    return undefined;
  }

  readBlobSequences(pluginName: string, run: string, tag: string, options: ReadOptions): BlobSequenceDatum[] | undefined {
    const s = this.series(pluginName, run, tag)?.storage;
    if (!s || s.kind !== 'blob') return undefined;
    const items = s.points.toArray();
    return pickItems(items, downsampleIndices(items.length, options.downsample)).map((loc) => ({
      step: loc.step,
      wallTime: loc.wallTime,
      blobs: Array.from({ length: loc.blobCount }, (_, index) => ({
        key: encodeBlobKey({ run, file: loc.file, offset: loc.offset, slot: loc.slot, index }),
      })),
    }));
  }

  async readBlob(key: string): Promise<Uint8Array> {
    const k = decodeBlobKey(key);
    const source = this.source.runs.get(k.run)?.sourceFor(k.file);
    if (!source) {
      throw new NotFoundError(`blob '${key}' names run '${k.run}' / file '${k.file}', which the log directory does not have`);
    }
    let record: Uint8Array;
    try {
      record = await readRecordAt(source, k.offset);
    } catch (err) {
      throw new NotFoundError(`blob '${key}' cannot be read: ${(err as Error).message}`);
    }
    const ev = readRawEvent(record);
    let blobs: Uint8Array[] = [];
    if (k.slot >= 0) {
      const value = ev.values?.[k.slot];
      if (value) blobs = blobsOf(value);
    } else if (k.slot === GRAPH_SLOTS.graphDef && ev.graphDef) {
      blobs = [ev.graphDef.slice()];
    } else if (k.slot === GRAPH_SLOTS.metaGraphDef && ev.metaGraphDef) {
      blobs = [ev.metaGraphDef.slice()];
    } else if (k.slot === GRAPH_SLOTS.taggedRunMetadata && ev.taggedRunMetadata) {
      blobs = [ev.taggedRunMetadata.runMetadata.slice()];
    }
    const blob = blobs[k.index];
    if (!blob) throw new NotFoundError(`blob '${key}' is not in its record (slot ${k.slot}, index ${k.index})`);
    return blob;
  }

  listFiles(pattern: RegExp): Promise<LogFile[]> {
    return listLogFiles(this.source.roots, pattern);
  }

  readFile(relPath: string): Promise<Uint8Array> {
    return readLogFile(this.source.roots, relPath);
  }

  readFileChunks(relPath: string, o: { chunkBytes?: number } = {}): AsyncIterable<Uint8Array> {
    return readLogFileChunks(this.source.roots, relPath, o.chunkBytes);
  }

  private series(pluginName: string, run: string, tag: string): TagSeries | undefined {
    const series = this.source.runs.get(run)?.tags.get(tag);
    return series && series.metadata.pluginName === pluginName ? series : undefined;
  }
}

/** A number for each storage object, told apart by identity. */
const storageIds = new WeakMap<object, number>();
let nextStorageId = 1;

function storageId(storage: object): number {
  let id = storageIds.get(storage);
  if (id === undefined) storageIds.set(storage, (id = nextStorageId++));
  return id;
}

/**
 * The DataProvider: the only way a plugin reads data. Its doc comments are the spec.
 *
 * Keys. Data is addressed by (run, tag) within one plugin name. A run is a directory
 * under the log root holding event files, named by its path relative to the root with
 * `/` separators (`.` for the root itself). A tag is the summary's tag, as written.
 * Every read names the plugin it reads for: a tag written by the histograms plugin is
 * invisible to a scalars read of the same name.
 *
 * Steps are plain JavaScript numbers (exact up to 2^53). Wall times are seconds since
 * the epoch, as floating point.
 *
 * Downsampling. Every read of a series takes `downsample`, the most points to return
 * per (run, tag). When a series holds more, the provider returns a deterministic subset
 * of that size: the same data and the same bound give the same points, the points stay
 * in the order they were written, and the last point is always included. Storage itself
 * may already be bounded (`samples_per_plugin`); see {@link DataProvider.readScalars}.
 */

import type { DataClass, TensorValue } from '../events/values.js';

export type { DataClass, TensorDtype, TensorValue } from '../events/values.js';

/** One run: a directory with event files. */
export interface RunInfo {
  /** Path relative to the log root, `/`-separated; `.` for the root. */
  readonly name: string;
  /** Wall time (seconds) of the run's first event, or null before any event was read. */
  readonly startTime: number | null;
}

/** What a tag is: its summary metadata, as the first event that named it said. */
export interface TagInfo {
  readonly displayName: string;
  /** The summary description (often markdown), '' when none. */
  readonly description: string;
  readonly dataClass: DataClass;
  /** The plugin that wrote the tag (`plugin_data.plugin_name`). */
  readonly pluginName: string;
  /** `plugin_data.content`: the plugin's own serialized metadata (hparams, pr_curves...). */
  readonly pluginContent: Uint8Array;
  /** The greatest step and latest wall time seen, for "what changed" checks. */
  readonly maxStep: number;
  readonly maxWallTime: number;
  /** How many points are stored now (after sampling). */
  readonly count: number;
}

/** run -> tag -> info. */
export type TagListing = Map<string, Map<string, TagInfo>>;

/**
 * One scalar series as columns: `step[i]`, `wallTime[i]`, `value[i]` belong together.
 * Sorted as written (not by step: out-of-order writes stay out of order, as in
 * TensorBoard). Values are float64; NaN and +-Infinity are kept.
 */
export interface ScalarSeries {
  readonly step: Float64Array;
  readonly wallTime: Float64Array;
  readonly value: Float64Array;
}

/** One point of a tensor series. */
export interface TensorDatum {
  readonly step: number;
  readonly wallTime: number;
  readonly value: TensorValue;
}

/** Where a blob can be fetched: pass `key` to {@link DataProvider.readBlob}. */
export interface BlobReference {
  readonly key: string;
}

/** One point of a blob sequence: the blobs of one step (e.g. [width, height, png...]). */
export interface BlobSequenceDatum {
  readonly step: number;
  readonly wallTime: number;
  readonly blobs: readonly BlobReference[];
}

/** A file under the log root that is not an event file (projector TSVs, traces). */
export interface LogFile {
  /** Path relative to the log root, `/`-separated. */
  readonly path: string;
  readonly size: number;
  /** Modification time, seconds since the epoch. */
  readonly mtime: number;
}

/** The read options every series read takes. */
export interface ReadOptions {
  /** Most points returned per (run, tag); see the downsampling rule above. */
  readonly downsample: number;
}

/**
 * The read side of the log root. Implementations: the log-root multiplexer
 * (`LogRootProvider`). All methods are safe to call while loading goes on; they see
 * what has been read so far.
 */
export interface DataProvider {
  /** Every run, in the order TensorBoard lists them: by start time, then name. */
  listRuns(): RunInfo[];

  /**
   * Every plugin name some run has a tag of, sorted: what kinds of data the log root
   * holds, so that a page can say which dashboard shows data no installed plugin reads
   * ({@link listTags} needs the name to ask for).
   */
  listPluginNames(): string[];

  /** Tags written by `pluginName`, per run. Runs without such tags are absent. */
  listTags(pluginName: string, filter?: { runs?: readonly string[] }): TagListing;

  /**
   * The scalar series of (run, tag), or undefined when the run or tag does not exist
   * for this plugin. Scalars are kept in full unless `samples_per_plugin` bounds them.
   */
  readScalars(pluginName: string, run: string, tag: string, options: ReadOptions): ScalarSeries | undefined;

  /**
   * A token for what the series of (run, tag) holds now, or undefined when it does not
   * exist for this plugin: while the token stays the same, so do the series' points, so
   * an answer computed from them can be kept and sent again (a cache key). Cheap: no
   * work proportional to the series. Optional; a provider without it gives no caching.
   */
  seriesVersion?(pluginName: string, run: string, tag: string): string | undefined;

  /** The tensor series of (run, tag); undefined when absent. */
  readTensors(pluginName: string, run: string, tag: string, options: ReadOptions): TensorDatum[] | undefined;

  /** The blob sequence series of (run, tag); undefined when absent. Blobs are read lazily. */
  readBlobSequences(pluginName: string, run: string, tag: string, options: ReadOptions): BlobSequenceDatum[] | undefined;

  /**
   * The bytes of one blob, read from its event file now. Throws a {@link NotFoundError}
   * for a stale key (e.g. the run was purged since) and an InvalidArgumentError for a
   * key this provider never gave out.
   */
  readBlob(key: string): Promise<Uint8Array>;

  /**
   * Files under the log root whose relative path matches `pattern` (tested against
   * the `/`-separated relative path). Never lists anything outside the root.
   */
  listFiles(pattern: RegExp): Promise<LogFile[]>;

  /**
   * The bytes of the file at `path`, relative to the log root. Refuses (with a
   * {@link NotFoundError}) any path that resolves outside the root, symlinks included.
   */
  readFile(path: string): Promise<Uint8Array>;

  /**
   * The bytes of the file at `path` as chunks of at most `o.chunkBytes` (1 MiB by
   * default), read as they are consumed: for files too large to hold whole (a 1 GB
   * profile trace). The same refusals as {@link readFile}, thrown by the first `next()`.
   */
  readFileChunks(path: string, o?: { chunkBytes?: number }): AsyncIterable<Uint8Array>;
}

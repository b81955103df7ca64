/**
 * What the trace viewer draws: every thread, CUDA stream and XPlane line as a track of
 * slices, counters, and flow arrows (a CPU launch to its GPU kernel). Columnar, so a
 * million slices cost a few typed arrays rather than a million objects, both on the
 * server and in the page. Built from a Kineto/autograd trace or from an XSpace.
 */

/** A process (a group of tracks): "python (pid 25738)", "GPU 0", "/device:TPU:0". */
export interface TimelineProcess {
  readonly name: string;
  /** Where it sorts (Chrome's process_sort_index); ties by name. */
  readonly sortIndex: number;
}

/** One row of slices: a CPU thread, a CUDA stream, an XLine. */
export interface TimelineTrack {
  /** Index into {@link Timeline.processes}. */
  readonly process: number;
  readonly name: string;
  readonly sortIndex: number;
  readonly kind: 'cpu' | 'gpu' | 'device' | 'other';
  /** How many nesting levels its slices use (max depth + 1). */
  readonly depthCount: number;
}

/** The slices of every track, column by column; slice i is (track[i], start[i], ...). Sorted by track, then start. */
export interface TimelineSlices {
  /** Index into {@link Timeline.tracks}. */
  readonly track: Uint32Array;
  /** Start, microseconds since {@link Timeline.origin}. */
  readonly start: Float64Array;
  /** Duration, microseconds. */
  readonly dur: Float64Array;
  /** Nesting level within its track (0: top). */
  readonly depth: Uint16Array;
  /** Index into {@link Timeline.names}. */
  readonly name: Uint32Array;
  /** Index into {@link Timeline.categories}. */
  readonly cat: Uint16Array;
}

/** A counter series drawn as a filled step chart on its own track (GPU utilization, memory). */
export interface TimelineCounter {
  readonly name: string;
  /** Index into {@link Timeline.processes}. */
  readonly process: number;
  /** Microseconds since origin. */
  readonly ts: Float64Array;
  readonly values: Float64Array;
}

/** A flow arrow from one slice to another (indices into the slices). */
export interface TimelineFlows {
  readonly from: Uint32Array;
  readonly to: Uint32Array;
}

/** Slice i's details are the UTF-8 bytes[offsets[i], offsets[i + 1]) (empty: none). */
export interface TimelineDetails {
  readonly bytes: Uint8Array;
  readonly offsets: Uint32Array;
}

export interface Timeline {
  /** Absolute time of 0, microseconds (the trace's own clock). */
  readonly origin: number;
  /** From 0 to the end of the last slice, microseconds. */
  readonly duration: number;
  readonly processes: readonly TimelineProcess[];
  readonly tracks: readonly TimelineTrack[];
  readonly slices: TimelineSlices;
  readonly names: readonly string[];
  readonly categories: readonly string[];
  readonly flows: TimelineFlows;
  readonly counters: readonly TimelineCounter[];
  /**
   * Each slice's details as a JSON object text (args, and for XSpace the stats), or
   * none; kept on the server and answered one slice at a time (see details.ts).
   */
  readonly details: TimelineDetails;
}

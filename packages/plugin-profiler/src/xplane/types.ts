/**
 * An XSpace as plain data: what `decodeXSpace` returns. Field names follow the proto
 * (camelCase); int64 fields are JS numbers (exact up to 2^53, which covers every
 * picosecond offset and duration of a profile) except {@link XLine.timestampNs}, an
 * absolute epoch time in nanoseconds, kept exact as a bigint.
 */

/** One value attached to an event, an event kind or a plane. Exactly one value field is set, or none. */
export interface XStat {
  /** Key into {@link XPlane.statMetadata}: the stat's name. */
  readonly metadataId: number;
  readonly doubleValue?: number;
  readonly uint64Value?: number;
  readonly int64Value?: number;
  readonly strValue?: string;
  readonly bytesValue?: Uint8Array;
  /** A string value held as the name of the stat metadata with this id. */
  readonly refValue?: number;
}

/** One occurrence on a line. */
export interface XEvent {
  /** Key into {@link XPlane.eventMetadata}: the event's name. */
  readonly metadataId: number;
  /** Start, picoseconds after the line's timestamp (0 for aggregated events). */
  readonly offsetPs: number;
  /** Set (> 0) instead of an offset when the event stands for many aggregated occurrences. */
  readonly numOccurrences: number;
  readonly durationPs: number;
  readonly stats: readonly XStat[];
}

/** One timeline of a plane: a thread, a stream, "XLA Ops", "Steps". */
export interface XLine {
  readonly id: number;
  readonly displayId: number;
  readonly name: string;
  readonly displayName: string;
  /** Absolute start of the line, nanoseconds (since the epoch for TensorFlow; JAX may use its own clock). */
  readonly timestampNs: bigint;
  readonly durationPs: number;
  readonly events: readonly XEvent[];
}

/** What all events of one kind share. */
export interface XEventMetadata {
  readonly id: number;
  readonly name: string;
  readonly displayName: string;
  /** Serialized extra data, opaque here. */
  readonly metadata: Uint8Array;
  readonly stats: readonly XStat[];
  readonly childId: readonly number[];
}

/** A stat's name (and description). */
export interface XStatMetadata {
  readonly id: number;
  readonly name: string;
  readonly description: string;
}

/** One source of timelines: "/host:CPU", "/device:TPU:0", "/device:GPU:0", "Task Environment". */
export interface XPlane {
  readonly id: number;
  readonly name: string;
  readonly lines: readonly XLine[];
  /** By metadata id. */
  readonly eventMetadata: ReadonlyMap<number, XEventMetadata>;
  /** By metadata id. */
  readonly statMetadata: ReadonlyMap<number, XStatMetadata>;
  readonly stats: readonly XStat[];
}

/** Everything one profiling session recorded on one host (`<host>.xplane.pb`). */
export interface XSpace {
  readonly planes: readonly XPlane[];
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  readonly hostnames: readonly string[];
}

/**
 * Flow arrows of a trace: Chrome's 's' (start) and 'f' (finish) events that share a
 * category and an id, each bound to the slice it lies in on its own thread. Kineto writes
 * one pair per kernel launch (cat 'ac2g', or 'async' with name 'launch'): the 's' point
 * inside the CPU runtime call, the 'f' point at the start of the GPU kernel.
 */

/** One end of a flow: a point in time on a track. */
export interface FlowPoint {
  readonly track: number;
  /** Microseconds since the timeline origin. */
  readonly ts: number;
}

/** Collects 's' and 'f' points and pairs them by (category, id), in order of appearance. */
export class FlowCollector {
  private readonly pending = new Map<string, { starts: FlowPoint[]; ends: FlowPoint[] }>();

  /** Adds one point; `ph` is 's' or 'f' (others are ignored). */
  add(ph: string, cat: string, id: string, point: FlowPoint): void {
    if (ph !== 's' && ph !== 'f') return;
    const key = `${cat}\u0000${id}`;
    let entry = this.pending.get(key);
    if (!entry) {
      entry = { starts: [], ends: [] };
      this.pending.set(key, entry);
    }
    (ph === 's' ? entry.starts : entry.ends).push(point);
  }

  /** Every (start, end) pair whose both points were seen. */
  *pairs(): Generator<[FlowPoint, FlowPoint]> {
    for (const { starts, ends } of this.pending.values()) {
      const n = Math.min(starts.length, ends.length);
      for (let i = 0; i < n; i++) yield [starts[i]!, ends[i]!];
    }
  }
}

/**
 * The deepest slice among `from..to-1` (one track, sorted by start, longest first on
 * ties) whose [start, start + dur] holds `ts`, or -1. Scans back from the last slice
 * starting at or before `ts` and stops at the first top-level slice that misses it.
 */
export function enclosingSlice(
  start: Float64Array,
  dur: Float64Array,
  depth: Uint16Array,
  from: number,
  to: number,
  ts: number,
): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (start[mid]! <= ts) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= from; i--) {
    if (start[i]! + dur[i]! >= ts) return i;
    if (depth[i] === 0) return -1;
  }
  return -1;
}

/**
 * What of a timeline lies in a time window, fast enough to redraw on every frame: the
 * slices of each (track, depth) level in start order with a running maximum of their
 * ends, so a binary search finds the window; slices narrower than a pixel are merged per
 * pixel column, so a level draws at most about two rectangles per pixel column however
 * many slices it holds.
 */
import type { Timeline, TimelineCounter } from '../../timeline/types.js';
import type { Viewport } from './navigation.js';

/** The slices of one (track, depth), in start order. */
export interface Level {
  /** Slice indices. */
  readonly slices: Uint32Array;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** ends[i] is at most maxEnds[i], which never decreases: the search key for a window's first slice. */
  readonly maxEnds: Float64Array;
}

/** The levels of every track: `levels[track][depth]`. */
export type LevelIndex = readonly (readonly Level[])[];

/** Splits the slices into levels (the slices are sorted by track then start, so each level comes out sorted). */
export function buildLevels(t: Timeline): LevelIndex {
  const { track, depth, start, dur } = t.slices;
  const n = start.length;
  const counts = t.tracks.map((k) => new Uint32Array(Math.max(k.depthCount, 1)));
  for (let i = 0; i < n; i++) {
    const c = counts[track[i]!];
    if (c && depth[i]! < c.length) c[depth[i]!]!++;
  }
  const levels = counts.map((c) => Array.from(c, (len) => ({ slices: new Uint32Array(len), starts: new Float64Array(len), ends: new Float64Array(len), maxEnds: new Float64Array(len) })));
  const fill = counts.map((c) => new Uint32Array(c.length));
  for (let i = 0; i < n; i++) {
    const k = track[i]!;
    const d = depth[i]!;
    const level = levels[k]?.[d];
    if (!level) continue;
    const at = fill[k]![d]!++;
    level.slices[at] = i;
    level.starts[at] = start[i]!;
    const end = start[i]! + dur[i]!;
    level.ends[at] = end;
    level.maxEnds[at] = at > 0 ? Math.max(level.maxEnds[at - 1]!, end) : end;
  }
  return levels;
}

/** The first index in [lo, hi) whose value is >= x (values sorted ascending). */
export function lowerBound(values: Float64Array, x: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index in [lo, hi) whose value is > x. */
export function upperBound(values: Float64Array, x: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The range [from, to) of a level's positions that may overlap the window. */
export function levelWindow(level: Level, view: Viewport): [number, number] {
  return [lowerBound(level.maxEnds, view.start), upperBound(level.starts, view.end)];
}

/**
 * Receives one rectangle: x and width in pixels from the window's left edge, the slice it
 * stands for (the first of a merged run), and how many slices it stands for.
 */
export type RectSink = (x: number, w: number, slice: number, count: number) => void;

/**
 * Emits the rectangles of a level in a `width`-pixel window. A slice of a pixel or more is
 * its own rectangle; narrower ones are merged per pixel column, the binary search skipping
 * the rest of the column, so the work is bounded by the pixel columns, not the slices.
 */
export function visibleRects(level: Level, view: Viewport, width: number, emit: RectSink): void {
  const [from, to] = levelWindow(level, view);
  const scale = width / (view.end - view.start);
  const { starts, ends, maxEnds, slices } = level;
  let i = from;
  while (i < to) {
    const x0 = (starts[i]! - view.start) * scale;
    const x1 = (ends[i]! - view.start) * scale;
    if (x1 - x0 >= 1) {
      emit(x0, x1 - x0, slices[i]!, 1);
      i++;
      continue;
    }
    const col = Math.floor(x0);
    const j = Math.max(i + 1, lowerBound(starts, view.start + (col + 1) / scale, i + 1, to));
    const last = j - 1;
    if (last > i && (ends[last]! - starts[last]!) * scale >= 1) {
      // Only the run's last slice can reach past the column (a level's slices do not overlap): draw it on its own.
      emit(col, 1, slices[i]!, last - i);
      i = last;
      continue;
    }
    const right = Math.max(col + 1, (maxEnds[last]! - view.start) * scale);
    emit(col, right - col, slices[i]!, j - i);
    i = j;
  }
}

/** The slice of a level at time `t`, or the nearest within `tolerance` (µs), or -1. */
export function sliceAt(level: Level, t: number, tolerance: number): number {
  const k = upperBound(level.starts, t) - 1;
  if (k >= 0 && level.ends[k]! >= t) return level.slices[k]!;
  const before = k >= 0 ? t - level.ends[k]! : Infinity;
  const after = k + 1 < level.starts.length ? level.starts[k + 1]! - t : Infinity;
  if (Math.min(before, after) > tolerance) return -1;
  return before <= after ? level.slices[k]! : level.slices[k + 1]!;
}

/**
 * The steps of a counter in the window, at most one per pixel column (the largest value
 * of the column), starting with the value in force at the window's left edge.
 */
export function counterSteps(c: TimelineCounter, view: Viewport, width: number): { x: number; value: number }[] {
  const out: { x: number; value: number }[] = [];
  if (c.ts.length === 0) return out;
  const scale = width / (view.end - view.start);
  let i = Math.max(0, upperBound(c.ts, view.start) - 1);
  const to = upperBound(c.ts, view.end);
  let col = Number.NEGATIVE_INFINITY;
  for (; i < to; i++) {
    const x = Math.max(0, (c.ts[i]! - view.start) * scale);
    const v = c.values[i]!;
    const here = Math.floor(x);
    if (here === col && out.length > 0) {
      const lastStep = out[out.length - 1]!;
      if (v > lastStep.value) lastStep.value = v;
    } else {
      out.push({ x, value: v });
      col = here;
    }
  }
  return out;
}

/**
 * The vertical geometry of the trace viewer: a header row per process (click to collapse
 * it), then its tracks, each as tall as its nesting levels, then its counters. Pure; the
 * y values are CSS pixels from the top of the track area (before scrolling).
 */
import type { Timeline } from '../../timeline/types.js';

/** Height of one nesting level of slices. */
export const LEVEL_HEIGHT = 18;
/** Height of a process header row. */
export const HEADER_HEIGHT = 22;
/** Height of a counter's step chart. */
export const COUNTER_HEIGHT = 32;
/** Space below each track. */
export const TRACK_GAP = 4;

/** One row of the layout. */
export type LayoutRow =
  | { readonly kind: 'process'; readonly process: number; readonly y: number; readonly height: number; readonly collapsed: boolean }
  | { readonly kind: 'track'; readonly track: number; readonly y: number; readonly height: number }
  | { readonly kind: 'counter'; readonly counter: number; readonly y: number; readonly height: number };

/** Every row, top to bottom. */
export interface TrackLayout {
  readonly rows: readonly LayoutRow[];
  /** Total height. */
  readonly height: number;
  /** Top of each track's first level, or -1 when its process is collapsed. */
  readonly trackY: Float64Array;
}

/** Lays the processes out in sort order (sortIndex, then name), their tracks likewise. */
export function layoutTracks(t: Timeline, collapsed: ReadonlySet<number>): TrackLayout {
  const byProcess = t.processes.map(() => ({ tracks: [] as number[], counters: [] as number[] }));
  t.tracks.forEach((k, i) => byProcess[k.process]?.tracks.push(i));
  t.counters.forEach((c, i) => byProcess[c.process]?.counters.push(i));
  const order = t.processes.map((_, i) => i).sort((a, b) => compareSort(t.processes[a]!, t.processes[b]!) || a - b);
  const rows: LayoutRow[] = [];
  const trackY = new Float64Array(t.tracks.length).fill(-1);
  let y = 0;
  for (const p of order) {
    const group = byProcess[p]!;
    // A process with nothing to draw (an XSpace's metadata plane) takes no room.
    if (group.tracks.length === 0 && group.counters.length === 0) continue;
    const isCollapsed = collapsed.has(p);
    rows.push({ kind: 'process', process: p, y, height: HEADER_HEIGHT, collapsed: isCollapsed });
    y += HEADER_HEIGHT;
    if (isCollapsed) continue;
    const tracks = group.tracks.sort((a, b) => compareSort(t.tracks[a]!, t.tracks[b]!) || a - b);
    for (const k of tracks) {
      const height = Math.max(1, t.tracks[k]!.depthCount) * LEVEL_HEIGHT + TRACK_GAP;
      rows.push({ kind: 'track', track: k, y, height });
      trackY[k] = y;
      y += height;
    }
    for (const c of group.counters) {
      rows.push({ kind: 'counter', counter: c, y, height: COUNTER_HEIGHT + TRACK_GAP });
      y += COUNTER_HEIGHT + TRACK_GAP;
    }
  }
  return { rows, height: y, trackY };
}

/** The index of the row at y, or -1 outside every row. */
export function rowAt(layout: TrackLayout, y: number): number {
  const { rows } = layout;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.y + rows[mid]!.height <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo < rows.length && rows[lo]!.y <= y ? lo : -1;
}

/** The rows [from, to) that intersect [top, bottom). */
export function visibleRows(layout: TrackLayout, top: number, bottom: number): [number, number] {
  const from = Math.max(0, rowAt(layout, Math.max(0, top)));
  let to = from;
  while (to < layout.rows.length && layout.rows[to]!.y < bottom) to++;
  return [from, to];
}

/** The nesting level at y within a track row, or -1 in its gap. */
export function depthAt(row: LayoutRow, y: number): number {
  if (row.kind !== 'track') return -1;
  const d = Math.floor((y - row.y) / LEVEL_HEIGHT);
  return d >= 0 && (y - row.y) < row.height - TRACK_GAP ? d : -1;
}

function compareSort(a: { sortIndex: number; name: string }, b: { sortIndex: number; name: string }): number {
  return a.sortIndex - b.sortIndex || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/**
 * What lies under the mouse (a slice, a process header, a counter), and the flow arrows
 * that start or end at a slice. Pure: positions are CSS pixels within the track area.
 */
import type { Timeline } from '../../timeline/types.js';
import { timeAt, type Viewport } from './navigation.js';
import { depthAt, LEVEL_HEIGHT, rowAt, type TrackLayout } from './TrackLayout.js';
import { sliceAt, type LevelIndex } from './visible.js';

/** The thing under a point. */
export type Hit =
  | { readonly kind: 'slice'; readonly slice: number }
  | { readonly kind: 'process'; readonly process: number }
  | { readonly kind: 'counter'; readonly counter: number; readonly time: number }
  | { readonly kind: 'none' };

/** Pixels of slack when hitting a narrow slice. */
export const HIT_SLOP_PX = 2;

/**
 * The thing at (x, y): x from the left edge of the time area (`width` pixels wide; < 0 is
 * the label column), y from the top of the track layout (scrolling already added).
 */
export function hitTest(layout: TrackLayout, levels: LevelIndex, view: Viewport, width: number, x: number, y: number): Hit {
  const r = rowAt(layout, y);
  if (r < 0) return { kind: 'none' };
  const row = layout.rows[r]!;
  if (row.kind === 'process') return { kind: 'process', process: row.process };
  if (x < 0) return { kind: 'none' };
  const t = timeAt(view, x, width);
  if (row.kind === 'counter') return { kind: 'counter', counter: row.counter, time: t };
  const d = depthAt(row, y);
  const level = d >= 0 ? levels[row.track]?.[d] : undefined;
  if (!level) return { kind: 'none' };
  const slop = ((view.end - view.start) / Math.max(width, 1)) * HIT_SLOP_PX;
  const slice = sliceAt(level, t, slop);
  return slice >= 0 ? { kind: 'slice', slice } : { kind: 'none' };
}

/** The y (layout pixels) of the middle of a slice's level, or -1 when its track is hidden. */
export function sliceY(t: Timeline, layout: TrackLayout, slice: number): number {
  const top = layout.trackY[t.slices.track[slice]!] ?? -1;
  return top < 0 ? -1 : top + t.slices.depth[slice]! * LEVEL_HEIGHT + LEVEL_HEIGHT / 2;
}

/** A flow arrow touching a slice: the slice at its other end, and which way it points. */
export interface RelatedFlow {
  readonly other: number;
  /** True when the arrow leaves the slice (a launch), false when it arrives (a kernel). */
  readonly outgoing: boolean;
}

/** Every flow arrow from or to `slice`. */
export function flowsOf(t: Timeline, slice: number): RelatedFlow[] {
  const out: RelatedFlow[] = [];
  const { from, to } = t.flows;
  for (let i = 0; i < from.length; i++) {
    if (from[i] === slice) out.push({ other: to[i]!, outgoing: true });
    else if (to[i] === slice) out.push({ other: from[i]!, outgoing: false });
  }
  return out;
}

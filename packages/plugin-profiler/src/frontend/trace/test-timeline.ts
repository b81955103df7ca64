/** Small hand-made timelines for the viewer's tests. */
import { NO_DETAILS } from '../../timeline/details.js';
import type { Timeline, TimelineTrack } from '../../timeline/types.js';

/** A slice of {@link makeTimeline}: [track, start, dur, depth, name]. */
export type SliceSpec = readonly [number, number, number, number, string];

/** A timeline of the given processes, tracks and slices (slices listed sorted by track, then start). */
export function makeTimeline(
  processes: readonly { name: string; sortIndex: number }[],
  tracks: readonly Pick<TimelineTrack, 'process' | 'name' | 'sortIndex' | 'depthCount'>[],
  slices: readonly SliceSpec[],
  counters: Timeline['counters'] = [],
): Timeline {
  const names = [...new Set(slices.map((s) => s[4]))];
  return {
    origin: 0,
    duration: Math.max(0, ...slices.map((s) => s[1] + s[2])),
    processes,
    tracks: tracks.map((k) => ({ ...k, kind: 'cpu' as const })),
    slices: {
      track: Uint32Array.from(slices, (s) => s[0]),
      start: Float64Array.from(slices, (s) => s[1]),
      dur: Float64Array.from(slices, (s) => s[2]),
      depth: Uint16Array.from(slices, (s) => s[3]),
      name: Uint32Array.from(slices, (s) => names.indexOf(s[4])),
      cat: new Uint16Array(slices.length),
    },
    names,
    categories: [''],
    flows: { from: new Uint32Array(0), to: new Uint32Array(0) },
    counters,
    details: NO_DETAILS,
  };
}

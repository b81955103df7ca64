import { NO_DETAILS } from '../../timeline/details.js';
import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../timeline/types.js';
import { buildLevels, counterSteps, levelWindow, sliceAt, visibleRects } from './visible.js';

/** A one-track timeline of `n` back-to-back slices of `dur` µs with gaps of `gap` µs, on `depths` levels. */
function synthetic(n: number, dur: number, gap: number, depths = 1): Timeline {
  const start = new Float64Array(n);
  const d = new Float64Array(n);
  const depth = new Uint16Array(n);
  // Level k of slice i: i % depths; each level's slices are back to back.
  for (let i = 0; i < n; i++) {
    const slot = Math.floor(i / depths);
    start[i] = slot * (dur + gap);
    d[i] = dur;
    depth[i] = i % depths;
  }
  return {
    origin: 0,
    duration: start[n - 1]! + dur,
    processes: [{ name: 'p', sortIndex: 0 }],
    tracks: [{ process: 0, name: 't', sortIndex: 0, kind: 'cpu', depthCount: depths }],
    slices: { track: new Uint32Array(n), start, dur: d, depth, name: new Uint32Array(n), cat: new Uint16Array(n) },
    names: ['s'],
    categories: [''],
    flows: { from: new Uint32Array(0), to: new Uint32Array(0) },
    counters: [],
    details: NO_DETAILS,
  };
}

describe('visible slices', () => {
  it('bounds the rectangles by the pixel columns, whatever the slice count', () => {
    const t = synthetic(1_000_000, 1, 0.5, 4);
    const levels = buildLevels(t);
    expect(levels[0]!.map((l) => l.slices.length)).toEqual([250_000, 250_000, 250_000, 250_000]);
    const width = 1200;
    let rects = 0;
    let covered = 0;
    for (const level of levels[0]!) {
      visibleRects(level, { start: 0, end: t.duration }, width, (_x, _w, _s, count) => {
        rects++;
        covered += count;
      });
    }
    expect(rects).toBeLessThanOrEqual(4 * 2 * (width + 2));
    expect(covered).toBe(1_000_000); // every slice is stood for by exactly one rectangle
    console.log(`1M slices, 4 levels, ${width}px: ${rects} rectangles`);
  });

  it('draws wide slices one by one at their pixel positions', () => {
    const t = synthetic(1000, 10, 10);
    const level = buildLevels(t)[0]![0]!;
    const view = { start: 95, end: 205 }; // slices 5..10 overlap it (slice 4 ends at 90)
    const got: [number, number, number, number][] = [];
    visibleRects(level, view, 110, (x, w, s, c) => got.push([x, w, s, c]));
    expect(got.map((r) => r[2])).toEqual([5, 6, 7, 8, 9, 10]);
    expect(got[0]).toEqual([-95 + 100, 10, 5, 1]);
    expect(got.every((r) => r[1] === 10 && r[3] === 1)).toBe(true);
  });

  it('keeps a wide slice that follows narrow ones in the same pixel column', () => {
    const start = Float64Array.of(0, 0.1, 0.2, 0.3, 10);
    const ends = Float64Array.of(0.05, 0.15, 0.25, 5, 11);
    const level = { slices: Uint32Array.of(0, 1, 2, 3, 4), starts: start, ends, maxEnds: Float64Array.of(0.05, 0.15, 0.25, 5, 11) };
    const got: [number, number, number, number][] = [];
    visibleRects(level, { start: 0, end: 11 }, 11, (x, w, s, c) => got.push([x, w, s, c]));
    expect(got).toEqual([
      [0, 1, 0, 3],
      [0.3, 4.7, 3, 1],
      [10, 1, 4, 1],
    ]);
  });

  it('finds the window by binary search, counting a long slice that starts before it', () => {
    const level = { slices: Uint32Array.of(0, 1, 2, 3), starts: Float64Array.of(0, 10, 20, 30), ends: Float64Array.of(100, 15, 25, 35), maxEnds: Float64Array.of(100, 100, 100, 100) };
    expect(levelWindow(level, { start: 50, end: 60 })).toEqual([0, 4]);
    const tidy = buildLevels(synthetic(100, 1, 1))[0]![0]!;
    expect(levelWindow(tidy, { start: 10.5, end: 20.5 })).toEqual([5, 11]);
    expect(levelWindow(tidy, { start: 1000, end: 2000 })).toEqual([100, 100]);
  });

  it('hits the slice under the mouse, or the nearest one within the tolerance', () => {
    const level = buildLevels(synthetic(100, 1, 1))[0]![0]!;
    expect(sliceAt(level, 10.5, 0)).toBe(5);
    expect(sliceAt(level, 11.2, 0.3)).toBe(5);
    expect(sliceAt(level, 11.8, 0.3)).toBe(6);
    expect(sliceAt(level, 11.5, 0.1)).toBe(-1);
    expect(sliceAt(level, -5, 1)).toBe(-1);
  });

  it('steps counters once per pixel column, starting with the value in force', () => {
    const c = { name: 'c', process: 0, ts: Float64Array.of(0, 1, 1.2, 1.4, 5, 20), values: Float64Array.of(1, 2, 7, 3, 4, 0) };
    const steps = counterSteps(c, { start: 0.5, end: 10.5 }, 10);
    // Column 0 holds the value in force (1, from t=0) and the points at 1, 1.2 and 1.4: their largest shows.
    expect(steps).toEqual([
      { x: 0, value: 7 },
      { x: 4.5, value: 4 },
    ]);
    expect(counterSteps(c, { start: 0, end: 100 }, 1000).map((s) => s.value)).toEqual([1, 2, 7, 3, 4, 0]);
  });
});

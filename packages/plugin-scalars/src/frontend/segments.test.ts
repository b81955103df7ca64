import { describe, expect, it } from 'vitest';
import { subpathCount } from './columns.js';
import { ascendingWithin, nearestPerSegment, perSegment, segmentedPath, segmentRange, segmentStarts } from './segments.js';

const id = (v: number) => v;
const steps = (...runs: number[][]) => Float64Array.from(runs.flat());
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The x of each vertex of each sub-path of `path`. */
function subpathXs(path: Float32Array): number[][] {
  const out: number[][] = [];
  let cur: number[] | null = null;
  for (let i = 0; i < path.length; i += 2) {
    if (Number.isNaN(path[i]!)) cur = null;
    else {
      if (!cur) out.push((cur = []));
      cur.push(path[i]!);
    }
  }
  return out;
}

describe('segmentStarts', () => {
  it('is one segment for steps written in order', () => {
    expect([...segmentStarts(steps(range(100)))]).toEqual([0]);
    expect([...segmentStarts(new Float64Array(0))]).toEqual([]);
  });

  it('starts a segment wherever a step is not greater than the one before (a restart)', () => {
    expect([...segmentStarts(steps(range(100), range(100)))]).toEqual([0, 100]);
    expect([...segmentStarts(steps([0, 1, 2, 0, 1], [1, 2]))]).toEqual([0, 3, 5]);
    // A repeated step starts one too; so does a resume from a checkpoint.
    expect([...segmentStarts(steps([0, 1, 1, 2]))]).toEqual([0, 2]);
    expect([...segmentStarts(steps(range(100), [50, 51, 52]))]).toEqual([0, 100]);
  });

  it('gives each segment its index range', () => {
    const starts = segmentStarts(steps([0, 1, 2, 0, 1]));
    expect(segmentRange(starts, 0, 5)).toEqual([0, 3]);
    expect(segmentRange(starts, 1, 5)).toEqual([3, 5]);
  });
});

describe('segmentedPath', () => {
  it('draws steps 0..99 then 0..99 again as two lines, none running back to the left', () => {
    const x = steps(range(100), range(100));
    const y = Float64Array.from(x, (s, i) => (i < 100 ? 10 - s / 10 : 5 - s / 20));
    const path = segmentedPath(x, y, (v) => v * 4, id, segmentStarts(x), null, true);
    expect(subpathCount(path)).toBe(2);
    for (const xs of subpathXs(path)) {
      for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]!);
      expect(xs[0]).toBe(0);
      expect(xs.at(-1)).toBe(396);
    }
  });

  it('is the plain reduced path for one segment', () => {
    const x = steps(range(10));
    expect(subpathCount(segmentedPath(x, x, id, id, segmentStarts(x), null, true))).toBe(1);
  });

  it('keeps only what is in a zoomed x range of each segment (and a neighbour each side)', () => {
    const x = steps(range(100), range(100));
    const path = segmentedPath(x, x, id, id, segmentStarts(x), [40, 60], true);
    const parts = subpathXs(path);
    expect(parts).toHaveLength(2);
    for (const xs of parts) expect([xs[0], xs.at(-1)]).toEqual([39, 61]);
  });

  it('leaves out segments with nothing to draw', () => {
    const x = steps([0, 1, 2], [0, 1]);
    const y = Float64Array.of(1, 2, 3, NaN, NaN);
    expect(subpathCount(segmentedPath(x, y, id, id, segmentStarts(x), null, true))).toBe(1);
  });
});

describe('perSegment', () => {
  it('applies a function to each segment on its own', () => {
    const x = steps([0, 1, 2], [0, 1]);
    const cumulative = (v: Float64Array) => {
      let sum = 0;
      return v.map((a) => (sum += a));
    };
    expect([...perSegment(Float64Array.of(1, 1, 1, 1, 1), segmentStarts(x), cumulative)]).toEqual([1, 2, 3, 1, 2]);
  });
});

describe('nearestPerSegment and ascendingWithin', () => {
  it('finds the nearest point of every segment', () => {
    const x = steps(range(100), range(50));
    const starts = segmentStarts(x);
    expect(ascendingWithin(x, starts)).toBe(true);
    expect(nearestPerSegment(x, starts, 20.2, true)).toEqual([20, 120]);
    expect(nearestPerSegment(x, starts, 80, true)).toEqual([80, 149]);
  });

  it('tells an x column that goes back inside a segment (wall time set back)', () => {
    const s = steps([0, 1, 2]);
    expect(ascendingWithin(Float64Array.of(10, 5, 20), segmentStarts(s))).toBe(false);
  });
});

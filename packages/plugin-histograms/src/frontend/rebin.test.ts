import { describe, expect, it } from 'vitest';
import { binRange, rebin } from './rebin.js';

const step = (s: number, buckets: [number, number, number][]) => ({ wallTime: s, step: s, buckets });

describe('rebin', () => {
  it('spreads each bucket over the shared bins in proportion to overlap, keeping totals', () => {
    const r = rebin([step(0, [[0, 1, 4], [1, 4, 6]]), step(1, [[2, 4, 10]])], 4);
    expect([r.min, r.max]).toEqual([0, 4]);
    expect(Array.from(r.counts.subarray(0, 4))).toEqual([4, 2, 2, 2]);
    expect(Array.from(r.counts.subarray(4, 8))).toEqual([0, 0, 5, 5]);
    expect(r.peak).toBe(5);
    expect(binRange(r, 1)).toEqual([1, 2]);
  });

  it('ignores empty buckets when finding the range, and widens a point mass', () => {
    const r = rebin([step(0, [[-10, 0, 0], [0, 0, 3], [0, 10, 0]])], 2);
    expect([r.min, r.max]).toEqual([-0.5, 0.5]);
    expect(Array.from(r.counts)).toEqual([0, 3]);
  });

  it('is empty for no data', () => {
    expect(rebin([step(0, [])], 3).peak).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { BASIS_POINTS, compressHistogram } from './compress.js';

describe('compressHistogram', () => {
  it('interpolates the basis points over cumulative counts', () => {
    // Uniform on [0, 10) in ten buckets: the value at basis point b is b / 1000.
    const buckets = Array.from({ length: 10 }, (_, i) => [i, i + 1, 5] as const);
    const points = compressHistogram(buckets);
    expect(points.map(([bp]) => bp)).toEqual(BASIS_POINTS);
    for (const [bp, v] of points) expect(v).toBeCloseTo(bp / 1000, 12);
  });

  it('starts at the lowest edge and ends at the highest, skipping empty buckets', () => {
    const points = compressHistogram([[-2, -1, 0], [-1, 0, 4], [0, 1, 0], [1, 3, 4]]);
    expect(points[0]).toEqual([0, -2]);
    // Half the mass lies at or below 0, so the median is where the next non-empty bucket
    // starts (TensorBoard searches for the first cumulative count past the basis point).
    expect(points[4]).toEqual([5000, 1]);
    expect(points[8]).toEqual([10000, 3]);
    // 6915 lies in the last non-empty bucket: from its left edge 1 toward 3.
    expect(points[5]![1]).toBeCloseTo(1 + ((6915 - 5000) / 5000) * 2, 12);
  });

  it('gives zeros for an empty histogram and the single value for a point mass', () => {
    expect(compressHistogram([])).toEqual(BASIS_POINTS.map((bp) => [bp, 0]));
    const point = compressHistogram([[0.5, 0.5, 0], [0.5, 0.5, 7]]);
    for (const [, v] of point) expect(v).toBe(0.5);
  });
});

import { describe, expect, it } from 'vitest';
import { histogramBuckets, rawBuckets } from './histogram.js';

const triples = (b: Float64Array) => Array.from({ length: b.length / 3 }, (_, i) => Array.from(b.subarray(i * 3, i * 3 + 3)));

describe('histogramBuckets', () => {
  it('makes equal-width buckets from min to max; max falls in the last one', () => {
    expect(triples(histogramBuckets([0, 1, 2, 3, 4], 4))).toEqual([
      [0, 1, 1],
      [1, 2, 1],
      [2, 3, 1],
      [3, 4, 2],
    ]);
  });

  it('has 30 buckets by default, counting every finite value once', () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.sin(i));
    const b = triples(histogramBuckets([...values, NaN, Infinity]));
    expect(b).toHaveLength(30);
    expect(b.reduce((n, [, , c]) => n + c!, 0)).toBe(1000);
    expect(b[0]![0]).toBeCloseTo(Math.min(...values));
    expect(b[29]![1]).toBe(Math.max(...values));
  });

  it('puts equal values in the last bucket, and gives zeros for no values', () => {
    expect(triples(histogramBuckets([2, 2, 2], 3))).toEqual([[2, 2, 0], [2, 2, 0], [2, 2, 3]]);
    expect(Array.from(histogramBuckets([], 2))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(() => histogramBuckets([1], 0)).toThrow(RangeError);
  });
});

describe('rawBuckets', () => {
  it('spans each bucket from the previous limit, the first from min and the last to max', () => {
    const b = rawBuckets({ min: -1, max: 2.5, num: 6, sum: 4, sumSquares: 12, bucketLimits: [0, 1, 3], bucketCounts: [1, 2, 3] });
    expect(triples(b)).toEqual([[-1, 0, 1], [0, 1, 2], [1, 2.5, 3]]);
    expect(() => rawBuckets({ min: 0, max: 1, num: 1, sum: 0, sumSquares: 0, bucketLimits: [1], bucketCounts: [] })).toThrow('1 bucket limits but 0 counts');
  });

  it('drops empty buckets at either end, as TensorBoard does for HistogramProto', () => {
    const limits = [-1e308, -1, 0, 1, 2, 1e308];
    const b = rawBuckets({ min: -0.5, max: 1.5, num: 3, sum: 1, sumSquares: 2.5, bucketLimits: limits, bucketCounts: [0, 0, 1, 0, 2, 0] });
    expect(triples(b)).toEqual([[-0.5, 0, 1], [0, 1, 0], [1, 1.5, 2]]);
    expect(rawBuckets({ min: 0, max: 0, num: 0, sum: 0, sumSquares: 0, bucketLimits: [1, 2], bucketCounts: [0, 0] })).toHaveLength(0);
  });
});

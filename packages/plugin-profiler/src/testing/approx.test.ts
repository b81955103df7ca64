import { describe, expect, it } from 'vitest';
import { approxDiff } from './approx.js';

describe('approxDiff', () => {
  it('accepts numbers within 1% and flags the rest, with the path', () => {
    expect(approxDiff({ a: [100, 2] }, { a: [100.9, 2] })).toEqual([]);
    expect(approxDiff({ a: [100, 2] }, { a: [102, 2] })).toEqual(['$.a[0]: 100 vs 102']);
  });
  it('holds numbers inside strings to the same tolerance, and the words exactly', () => {
    expect(approxDiff('Kernel: 98598us (52.46%)', 'Kernel: 98600us (52.47%)')).toEqual([]);
    expect(approxDiff('Kernel: 98598us', 'Kernel: 90000us')).toHaveLength(1);
    expect(approxDiff('Kernel: 1us', 'Memcpy: 1us')).toHaveLength(1);
  });
  it('holds to other tolerances: exact figures, key order', () => {
    expect(approxDiff(3, 2)).toEqual([]);
    expect(approxDiff(3, 2, { rel: 1e-9, abs: 0 })).toHaveLength(1);
    expect(approxDiff({ a: 1, b: 2 }, { b: 2, a: 1 })).toEqual([]);
    expect(approxDiff({ a: 1, b: 2 }, { b: 2, a: 1 }, { keyOrder: true })).toHaveLength(1);
    expect(approxDiff(undefined, { a: 1 })).toHaveLength(1);
  });
  it('names missing and extra keys and different lengths', () => {
    expect(approxDiff({ a: 1, b: 2 }, { a: 1, c: 2 })[0]).toContain('missing ["c"], extra ["b"]');
    expect(approxDiff([1], [1, 2])).toEqual(['$: 1 items vs 2']);
  });
});

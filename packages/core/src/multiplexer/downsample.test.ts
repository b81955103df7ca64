import { describe, expect, it } from 'vitest';
import { downsampleIndices, pick } from './downsample.js';

describe('downsampleIndices', () => {
  it('returns null (everything) when the bound is not below the size', () => {
    expect(downsampleIndices(5, 5)).toBeNull();
    expect(downsampleIndices(5, 100)).toBeNull();
  });

  it('keeps first and last, evenly spread, strictly increasing', () => {
    const idx = downsampleIndices(1_000_000, 1000)!;
    expect(idx).toHaveLength(1000);
    expect(idx[0]).toBe(0);
    expect(idx[999]).toBe(999_999);
    for (let i = 1; i < idx.length; i++) expect(idx[i]!).toBeGreaterThan(idx[i - 1]!);
  });

  it('keeps the last point alone for a bound of 1, nothing for 0', () => {
    expect(Array.from(downsampleIndices(10, 1)!)).toEqual([9]);
    expect(downsampleIndices(10, 0)).toHaveLength(0);
  });

  it('pick copies the chosen elements', () => {
    const col = Float64Array.of(1, 2, 3, 4, 5);
    expect(Array.from(pick(col, Int32Array.of(0, 4)))).toEqual([1, 5]);
    const all = pick(col, null);
    all[0] = 99;
    expect(col[0]).toBe(1);
  });
});

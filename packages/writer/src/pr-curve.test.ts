import { describe, expect, it } from 'vitest';
import { prCurveTable } from './pr-curve.js';

describe('prCurveTable', () => {
  it('counts TP/FP/TN/FN at or above each threshold and derives precision and recall', () => {
    // Thresholds 0, 0.5, 1 (3 thresholds).
    const t = prCurveTable([true, false, true, false], [0.9, 0.8, 0.3, 0.1], 3);
    const row = (r: number) => Array.from(t.subarray(r * 3, r * 3 + 3));
    expect(row(0)).toEqual([2, 1, 0]); // TP
    expect(row(1)).toEqual([2, 1, 0]); // FP
    expect(row(2)).toEqual([0, 1, 2]); // TN
    expect(row(3)).toEqual([0, 1, 2]); // FN
    expect(row(4)).toEqual([0.5, 0.5, 0]); // precision
    expect(row(5)).toEqual([1, 0.5, 0]); // recall
  });

  it('rejects mismatched inputs', () => {
    expect(() => prCurveTable([1], [0.5, 0.2])).toThrow('1 labels but 2 predictions');
    expect(() => prCurveTable([1], [0.5], 1)).toThrow(RangeError);
  });
});

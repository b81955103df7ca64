import { describe, expect, it } from 'vitest';
import { linspace01, makePrEntry } from './pr-entry.js';

/** A [6, n] float tensor from its rows. */
const tensor = (rows: number[][]) => ({ dtype: 'float32' as const, shape: [6, rows[0]!.length], numbers: Float64Array.from(rows.flat()), strings: [] });

describe('makePrEntry', () => {
  it('keeps every column while TP + FP > 0, with thresholds from 0 to 1', () => {
    const e = makePrEntry(3, 10.5, tensor([[4, 3, 1], [2, 1, 1], [0, 1, 1], [0, 1, 3], [0.6666, 0.75, 0.5], [1, 0.75, 0.25]]));
    expect(e).toEqual({
      wall_time: 10.5,
      step: 3,
      true_positives: [4, 3, 1],
      false_positives: [2, 1, 1],
      true_negatives: [0, 1, 1],
      false_negatives: [0, 1, 3],
      precision: [0.6666, 0.75, 0.5],
      recall: [1, 0.75, 0.25],
      thresholds: [0, 0.5, 1],
    });
  });

  it('trims the trailing columns where TP + FP = 0, keeping at least the first', () => {
    const e = makePrEntry(0, 0, tensor([[4, 2, 0, 0], [2, 0, 0, 0], [0, 2, 2, 2], [0, 2, 4, 4], [0.6, 1, 0, 0], [1, 0.5, 0, 0]]));
    expect(e.thresholds).toEqual([0, 1 / 3]);
    expect(e.true_positives).toEqual([4, 2]);
    expect(e.false_negatives).toEqual([0, 2]);
    expect(makePrEntry(0, 0, tensor([[0, 0], [0, 0], [1, 1], [1, 1], [0, 0], [0, 0]])).thresholds).toEqual([0]);
  });

  it('truncates counts to integers and keeps float32 precision as written', () => {
    const p = Math.fround(0.1);
    const e = makePrEntry(0, 0, tensor([[2.9], [1], [0], [0], [p], [1]]));
    expect(e.true_positives).toEqual([2]);
    expect(e.precision).toEqual([p]);
  });

  it('refuses a tensor that is not [6, n]', () => {
    const bad = { dtype: 'float32' as const, shape: [5, 2], numbers: new Float64Array(10), strings: [] };
    expect(() => makePrEntry(7, 0, bad)).toThrow('should have shape [6, num_thresholds] with numbers, found shape [5, 2]');
  });
});

describe('linspace01', () => {
  it("is numpy's linspace(0, 1, n)", () => {
    expect(linspace01(1)).toEqual([0]);
    expect(linspace01(5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace01(127)[125]).toBe(0.992063492063492);
  });
});

/**
 * One step of a PR curve as TensorBoard's `pr_curves` route answers it, from the
 * [6, num_thresholds] tensor the summary wrote.
 */
import type { TensorValue } from '@tb/core/plugin';
import {
  FALSE_NEGATIVES_ROW,
  FALSE_POSITIVES_ROW,
  PRECISION_ROW,
  RECALL_ROW,
  ROWS,
  TRUE_NEGATIVES_ROW,
  TRUE_POSITIVES_ROW,
} from './metadata.js';

/** One step of a PR curve: a column per threshold, trailing thresholds with TP + FP = 0 cut off. */
export interface PrEntry {
  readonly wall_time: number;
  readonly step: number;
  readonly precision: number[];
  readonly recall: number[];
  readonly true_positives: number[];
  readonly false_positives: number[];
  readonly true_negatives: number[];
  readonly false_negatives: number[];
  /** `i / (num_thresholds - 1)` for column i, as numpy's `linspace(0, 1, num_thresholds)`. */
  readonly thresholds: number[];
}

/**
 * The entry of one step. Columns past the last one where TP + FP > 0 (where precision is
 * undefined) are dropped, always keeping the first; counts are truncated to integers.
 * Throws when the tensor is not [6, n].
 */
export function makePrEntry(step: number, wallTime: number, value: TensorValue): PrEntry {
  const [rows, n] = value.shape;
  if (value.shape.length !== 2 || rows !== ROWS || n === undefined || value.numbers.length !== ROWS * n) {
    throw new Error(`a PR curve tensor should have shape [6, num_thresholds] with numbers, found shape [${value.shape.join(', ')}] (${value.dtype}, ${value.numbers.length} numbers) at step ${step}`);
  }
  const row = (r: number): Float64Array => value.numbers.subarray(r * n, (r + 1) * n);
  const counts = (r: number, end: number): number[] => Array.from(row(r).subarray(0, end), Math.trunc);
  const tp = row(TRUE_POSITIVES_ROW);
  const fp = row(FALSE_POSITIVES_ROW);
  let last = n - 1;
  while (last > 0 && Math.trunc(tp[last]!) + Math.trunc(fp[last]!) === 0) last--;
  const end = last + 1;
  return {
    wall_time: wallTime,
    step,
    precision: Array.from(row(PRECISION_ROW).subarray(0, end)),
    recall: Array.from(row(RECALL_ROW).subarray(0, end)),
    true_positives: counts(TRUE_POSITIVES_ROW, end),
    false_positives: counts(FALSE_POSITIVES_ROW, end),
    true_negatives: counts(TRUE_NEGATIVES_ROW, end),
    false_negatives: counts(FALSE_NEGATIVES_ROW, end),
    thresholds: linspace01(n).slice(0, end),
  };
}

/** numpy's `linspace(0, 1, n)`: `i * (1 / (n - 1))`, the last exactly 1. */
export function linspace01(n: number): number[] {
  if (n <= 0) return [];
  if (n === 1) return [0];
  const step = 1 / (n - 1);
  const out = Array.from({ length: n }, (_, i) => i * step);
  out[n - 1] = 1;
  return out;
}

/**
 * Floats in JSON as TensorBoard writes them, so the `/scalars` answer is its text: Python's
 * `repr` (from @tb/core/plugin), with NaN and +-Infinity as the strings TensorBoard
 * cleanses them to.
 */
import { reprFloat } from '@tb/core/plugin';

/** A float as TensorBoard's JSON writes it: Python's repr, or "NaN", "Infinity", "-Infinity" as strings. */
export function jsonFloat(x: number): string {
  if (Number.isNaN(x)) return '"NaN"';
  if (x === Infinity) return '"Infinity"';
  if (x === -Infinity) return '"-Infinity"';
  return reprFloat(x);
}

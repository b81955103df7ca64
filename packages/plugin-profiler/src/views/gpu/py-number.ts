/**
 * Numbers written the way Python's `str()` writes them, so text built from figures
 * matches torch-tb-profiler's byte for byte: Python's float repr and round() come from
 * @tb/core/plugin; here, the int-or-float of timestamps.
 */
import { pyRound, reprFloat } from '@tb/core/plugin';

/** Python's repr of a float `x` ("0.0", "1.0", "0.23881", "1e-05", "1.5e+16", "inf", "nan"). */
export const pyFloat = reprFloat;
export { pyRound };

/** Python's str of a value that is an int when integral (timestamps): "5", else as {@link pyFloat}. */
export function pyIntOrFloat(x: number): string {
  return Number.isInteger(x) && Math.abs(x) < 2 ** 53 ? String(x) : pyFloat(x);
}

/**
 * Values read by people (a tooltip's, a table cell's), one rule for every dashboard: at
 * most a few significant digits (five by default), exponent notation from 1e5 and below
 * 1e-3, trailing zeros dropped, NaN and infinities spelled out. Axis tick labels follow
 * their own rule (tick-format.ts), which knows the tick step.
 */

/** `s` without the trailing zeros of its fraction ("1.50" → "1.5", "2.000e+5" → "2e+5"). */
function dropTrailingZeros(s: string): string {
  const [mantissa, exponent] = s.split('e');
  const trimmed = mantissa!.includes('.') ? mantissa!.replace(/0+$/, '').replace(/\.$/, '') : mantissa!;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}

/**
 * `v` with at most `significant` significant digits.
 *
 * @example formatValue(0.8689000010490417) // "0.8689"
 * @example formatValue(123456) // "1.2346e+5"
 * @example formatValue(0.012345, 3) // "0.0123"
 */
export function formatValue(v: number, significant = 5): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  if (v === 0) return '0';
  const digits = Math.min(21, Math.max(1, Math.round(significant)));
  const abs = Math.abs(v);
  if (abs >= 1e5 || abs < 1e-3) return dropTrailingZeros(v.toExponential(digits - 1));
  return String(Number(v.toPrecision(digits)));
}

/** Values in the charts' hover readouts. Axis tick labels come from @tb/ui's one rule for every axis. */

/**
 * A short readout value: 3 significant digits, exponent form below 1e-3 and from 1e5.
 *
 * @example formatValue(0.012345) // "0.0123"
 */
export function formatValue(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2).replace(/\.?0+e/, 'e');
  return String(Number(v.toPrecision(3)));
}

/**
 * Numbers as Python writes them, so the `/scalars` answer is the text TensorBoard sends:
 * `repr(float)` always shows a float as one (`2.0`, `1e-05`), `str(int)` never uses an
 * exponent, and JSON carries NaN and +-Infinity as the strings TensorBoard cleanses them to.
 */

/**
 * Python's `repr()` of a finite float: the shortest digits that read back to `x`, in
 * fixed notation when the decimal exponent is in [-4, 16), else as `d.ddde±XX`.
 *
 * @example reprFloat(2) === '2.0'; reprFloat(1e-5) === '1e-05'
 */
export function reprFloat(x: number): string {
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const [mantissa = '0', exp = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const point = Number(exp) + 1;
  if (point > -4 && point <= 16) {
    if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
    if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}.0`;
    return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  const e = point - 1;
  const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
  return `${sign}${digits[0]}${fraction}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** A float as TensorBoard's JSON writes it: Python's repr, or "NaN", "Infinity", "-Infinity" as strings. */
export function jsonFloat(x: number): string {
  if (Number.isNaN(x)) return '"NaN"';
  if (x === Infinity) return '"Infinity"';
  if (x === -Infinity) return '"-Infinity"';
  return reprFloat(x);
}

/** Python's `str()` of a whole number held in a float (a step), every digit written. */
export function reprInt(x: number): string {
  return Number.isSafeInteger(x) ? String(x) : BigInt(x).toString();
}

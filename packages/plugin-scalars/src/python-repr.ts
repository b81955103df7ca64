/**
 * Numbers written the way Python writes them, so our JSON and CSV answers are the bytes
 * TensorBoard sends: `repr(float)` always shows a float as one (`2.0`, `1e-05`,
 * `1e+16`), and `str(int)` never uses an exponent.
 */

/**
 * Python's `repr()` of a float: the shortest digits that read back to `x` (the same
 * digits as JavaScript's), in fixed notation when the exponent is in [-4, 16), else
 * as `d.ddde±XX`.
 *
 * @example reprFloat(2) === '2.0'; reprFloat(1e-5) === '1e-05'; reprFloat(NaN) === 'nan'
 */
export function reprFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const [mantissa = '0', exp = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  // The value is 0.<digits> x 10^point.
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

/**
 * Python's `str()` of an integer held in a float (a step): every digit, no exponent,
 * e.g. `4611686018427387904` for 2^62.
 */
export function reprInt(x: number): string {
  return Number.isSafeInteger(x) ? String(x) : BigInt(x).toString();
}

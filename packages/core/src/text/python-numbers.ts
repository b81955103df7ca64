/**
 * Numbers as Python writes and rounds them, so plugins' JSON and CSV answers are the bytes
 * TensorBoard (and torch-tb-profiler) send: `repr(float)` always shows a float as one
 * (`2.0`, `1e-05`, `1e+16`), `str(int)` never uses an exponent, and `round()` rounds the
 * exact binary value, halves to even. One implementation for every plugin (scalars,
 * custom scalars, hparams and the profiler each had their own).
 */

/**
 * Python's `repr()` of a float: the shortest digits that read back to `x` (the same
 * digits as JavaScript's), in fixed notation when the exponent is in [-4, 16), else
 * as `d.ddde±XX`.
 *
 * @example reprFloat(2) === '2.0'; reprFloat(1e-5) === '1e-05'; reprFloat(NaN) === 'nan'
 */
export function reprFloat(x: number): string {
  // Where both write fixed notation with the same shortest digits, JavaScript's String is
  // Python's repr less a missing `.0`: 150,000 values took 60 ms the long way, 22 ms so,
  // and a 50-run Scalars answer writes 100,000 of them.
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e16) {
    const s = String(x);
    return s.includes('.') ? s : `${s}.0`;
  }
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

/**
 * Python's `round(x)` / `round(x, digits)` of a float: rounds the exact binary value, and
 * only an exact halfway value goes to the even neighbour (round(2.5) = 2, round(0.125, 2)
 * = 0.12, but round(0.025, 2) = 0.03 as 0.025 is stored as 0.025000000000000001).
 * 0 ≤ digits ≤ 20.
 */
export function pyRound(x: number, digits = 0): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return x;
  const long = Math.abs(x).toFixed(digits + EXTRA);
  const tail = long.slice(long.length - EXTRA);
  if (tail !== `5${'0'.repeat(EXTRA - 1)}`) return Number(x.toFixed(digits));
  let head = long.slice(0, long.length - EXTRA);
  if (head.endsWith('.')) head = head.slice(0, -1);
  const lastDigit = Number(head[head.length - 1]);
  const truncated = Number(head);
  const magnitude = lastDigit % 2 === 0 ? truncated : Number((truncated + 10 ** -digits).toFixed(digits));
  return x < 0 ? -magnitude : magnitude;
}

/** Digits past those asked for that `pyRound` looks at to tell an exact half. */
const EXTRA = 30;

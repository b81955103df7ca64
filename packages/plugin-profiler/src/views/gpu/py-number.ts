/**
 * Numbers written the way Python's `str()` writes them, so text built from figures
 * matches torch-tb-profiler's byte for byte: floats always carry a fraction or an
 * exponent ("1.0", "1e-05"), ints never do.
 */

/** Python's repr of a float `x` ("0.0", "1.0", "0.23881", "1e-05", "1.5e+16", "inf", "nan"). */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = x.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intLen = exp + 1;
  if (digits.length <= intLen) return `${sign}${digits}${'0'.repeat(intLen - digits.length)}.0`;
  return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
}

/** Python's str of a value that is an int when integral (timestamps): "5", else as {@link pyFloat}. */
export function pyIntOrFloat(x: number): string {
  return Number.isInteger(x) && Math.abs(x) < 2 ** 53 ? String(x) : pyFloat(x);
}

/**
 * Python's round(x, n), near enough for display: half-way cases (exact in binary) go
 * to the even neighbour, as Python does.
 */
export function pyRound(x: number, ndigits = 0): number {
  if (!Number.isFinite(x)) return x;
  const factor = 10 ** ndigits;
  const scaled = x * factor;
  const floor = Math.floor(scaled);
  const r = scaled - floor === 0.5 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(scaled);
  return ndigits > 0 ? r / factor : r;
}

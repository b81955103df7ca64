/**
 * Tick positions for numeric axes: "nice" multiples of 1, 2 or 5 times a power of ten
 * for a linear axis, and powers of ten (with 2 and 5 between when they fit) for a log
 * axis.
 */

/** The nice tick step (1, 2 or 5 times a power of ten) that cuts `span` into about `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 0;
  const raw = span / count;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / power;
  const m = f >= 7.5 ? 10 : f >= 3.5 ? 5 : f >= 1.5 ? 2 : 1;
  return m * power;
}

/** `i * step` without the float noise of the multiplication (0.30000000000000004). */
function multiple(i: number, step: number): number {
  const e = Math.floor(Math.log10(step));
  if (e >= 0) return i * step;
  const scale = Math.pow(10, -e);
  return (i * Math.round(step * scale)) / scale;
}

/**
 * About `count` nice values in [a, b], ascending; [a] when a == b. `minStep` keeps
 * ticks apart by at least that much (1 for integer steps).
 *
 * @example linearTicks(0, 1, 5) // [0, 0.2, 0.4, 0.6, 0.8, 1]
 * @example linearTicks(0, 4, 8, 1) // [0, 1, 2, 3, 4]
 */
export function linearTicks(a: number, b: number, count: number, minStep = 0): number[] {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return [];
  if (a > b) [a, b] = [b, a];
  if (a === b) return [a];
  const step = Math.max(minStep, niceStep(b - a, count));
  const first = Math.ceil(a / step - 1e-9);
  const last = Math.floor(b / step + 1e-9);
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(multiple(i, step) || 0);
  return out;
}

/** `m * 10^k`, exact for negative k too (5e-3 rather than 0.005000000000000001). */
function pow10Times(m: number, k: number): number {
  return k >= 0 ? m * Math.pow(10, k) : m / Math.pow(10, -k);
}

/**
 * Ticks for a log axis over [a, b] (a, b > 0): powers of ten, thinned when there are more
 * decades than `count`, with 2x and 5x between when few decades are shown; linear ticks
 * when the range spans less than a decade.
 *
 * @example logTicks(1, 1000, 5) // [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
 */
export function logTicks(a: number, b: number, count: number): number[] {
  if (!(a > 0) || !(b > 0)) return [];
  if (a > b) [a, b] = [b, a];
  const la = Math.log10(a);
  const lb = Math.log10(b);
  if (lb - la < 1) return linearTicks(a, b, count);
  const k0 = Math.floor(la);
  const k1 = Math.ceil(lb);
  const decades = k1 - k0;
  const stride = Math.max(1, Math.ceil(decades / count));
  const mantissas = decades * 3 <= count * 2 ? [1, 2, 5] : [1];
  const out: number[] = [];
  for (let k = k0; k <= k1; k++) {
    if ((k - k0) % stride !== 0) continue;
    for (const m of mantissas) {
      const v = pow10Times(m, k);
      if (v >= a * (1 - 1e-12) && v <= b * (1 + 1e-12)) out.push(v);
    }
  }
  return out;
}

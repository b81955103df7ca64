/**
 * Text for numbers on axes and in the tooltip: values with a few significant digits,
 * steps with k/M suffixes on the axis, wall times and durations.
 */

/** `s` without the trailing zeros of a decimal fraction ("1.50" → "1.5", "2.0e+3" → "2e+3"). */
function trimZeros(s: string): string {
  return s.replace(/(\.\d*?)0+(?=$|e)/, '$1').replace(/\.(?=$|e)/, '');
}

/** Decimals needed to tell ticks `step` apart. */
function decimalsFor(step: number): number {
  return step > 0 ? Math.max(0, Math.min(20, -Math.floor(Math.log10(step) + 1e-9))) : 0;
}

/**
 * A tick label on a value axis whose ticks are `step` apart: plain decimals, or
 * exponent notation for very large or very small numbers.
 *
 * @example formatTick(0.25, 0.05) // "0.25"
 * @example formatTick(2e-6, 1e-6) // "2e-6"
 */
export function formatTick(v: number, step: number): string {
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e6 || abs < 1e-4) {
    const digits = step > 0 ? Math.max(0, Math.min(15, Math.floor(Math.log10(abs)) - Math.floor(Math.log10(step) + 1e-9))) : 3;
    return trimZeros(v.toExponential(digits)).replace('e+', 'e');
  }
  return v.toFixed(decimalsFor(step));
}

const SI = ['', 'k', 'M', 'G', 'T'];

/**
 * A tick label on the step axis: 500, 1k, 1.5k, 2M (exponents from 1e15 on).
 *
 * @example formatStepTick(1500, 500) // "1.5k"
 */
export function formatStepTick(v: number, step: number): string {
  const abs = Math.abs(v);
  if (abs < 1000 || abs >= 1e15) return formatTick(v, step);
  const p = Math.min(SI.length - 1, Math.floor(Math.log10(abs) / 3));
  const unit = Math.pow(1000, p);
  return `${trimZeros((v / unit).toFixed(decimalsFor(step / unit)))}${SI[p]}`;
}

/**
 * A value in the tooltip: up to five significant digits, exponent notation beyond
 * 1e5 and below 1e-3, and NaN / Infinity spelled out.
 *
 * @example formatValue(0.356723) // "0.35672"
 */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e5 || abs < 1e-3) return trimZeros(v.toExponential(3));
  return String(Number(v.toPrecision(5)));
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A wall time (seconds since the epoch) as local `YYYY-MM-DD HH:MM:SS`.
 *
 * @example formatWallTime(0) // "1970-01-01 00:00:00" in UTC
 */
export function formatWallTime(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const d = new Date(seconds * 1000);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/** A wall-time tick whose ticks are `interval` seconds apart: `Nov 23`, `14:30`, `14:30:15` or `14:30:15.25`. */
export function formatTimeTick(seconds: number, interval: number): string {
  const d = new Date(seconds * 1000);
  if (interval >= 86400) return `${MONTHS[d.getMonth()]} ${d.getDate()}`;
  const hm = `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
  if (interval >= 60) return hm;
  const hms = `${hm}:${pad2(d.getSeconds())}`;
  const ms = d.getMilliseconds();
  if (interval >= 1 || ms === 0) return hms;
  return `${hms}${trimZeros(`.${String(ms).padStart(3, '0')}`.slice(0, 1 + Math.min(3, decimalsFor(interval))))}`;
}

/**
 * A duration in seconds, compact, as the tooltip shows relative time: `850ms`, `12.3s`,
 * `4m 03s`, `1h 02m`, `2d 03h`.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const sign = seconds < 0 ? '-' : '';
  const s = Math.abs(seconds);
  if (s < 1) return `${sign}${Math.round(s * 1000)}ms`;
  if (s < 60) return `${sign}${trimZeros(s.toFixed(1))}s`;
  const total = Math.round(s);
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  if (d > 0) return `${sign}${d}d ${pad2(h)}h`;
  if (h > 0) return `${sign}${h}h ${pad2(m)}m`;
  return `${sign}${m}m ${pad2(sec)}s`;
}

/** A relative-time tick whose ticks are `interval` seconds apart: `0`, `30s`, `5m`, `1h30m`, `2d`. */
export function formatDurationTick(seconds: number, interval: number): string {
  if (seconds === 0) return '0';
  if (interval < 1) return `${trimZeros(seconds.toFixed(decimalsFor(interval)))}s`;
  const parts: string[] = [];
  let rest = Math.round(Math.abs(seconds));
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n}${unit}`);
  }
  return (seconds < 0 ? '-' : '') + parts.slice(0, 2).join('');
}

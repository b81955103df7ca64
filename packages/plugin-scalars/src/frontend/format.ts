/**
 * Text for numbers in the tooltip: values with a few significant digits, wall times and
 * durations. Tick labels come from @tb/ui's one rule for every axis.
 */

/** `s` without the trailing zeros of a decimal fraction ("1.50" → "1.5", "2.0e+3" → "2e+3"). */
function trimZeros(s: string): string {
  return s.replace(/(\.\d*?)0+(?=$|e)/, '$1').replace(/\.(?=$|e)/, '');
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

/** The local calendar day of a wall time, as a comparable number. */
function localDay(seconds: number): number {
  const d = new Date(seconds * 1000);
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
}

/**
 * A formatter for the wall times shown together in one tooltip, as short as they allow:
 * local `HH:MM:SS` when all fall on one day, else `MM-DD HH:MM:SS`.
 *
 * @example shortWallTimes([t, t + 60])(t) // "20:06:10"
 */
export function shortWallTimes(walls: readonly number[]): (seconds: number) => string {
  const finite = walls.filter(Number.isFinite);
  const oneDay = finite.every((w) => localDay(w) === localDay(finite[0]!));
  return (seconds) => {
    if (!Number.isFinite(seconds)) return String(seconds);
    const d = new Date(seconds * 1000);
    const clock = `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
    return oneDay ? clock : `${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${clock}`;
  };
}

/**
 * `text` cut to at most `max` characters by replacing its middle with an ellipsis, so
 * that both the start and the end of a long run name stay readable.
 *
 * @example truncateMiddle('hparam_tuning/lr=0.001,batch=64/train', 20) // "hparam_tun…=64/train"
 */
export function truncateMiddle(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const keep = Math.max(0, max - 1);
  const head = Math.ceil(keep / 2);
  const tail = keep - head;
  return `${chars.slice(0, head).join('')}…${tail > 0 ? chars.slice(-tail).join('') : ''}`;
}

/** The three parts @tb/ui's `splitRunNames` cuts a run name into. */
export interface NameParts {
  readonly start: string;
  readonly distinct: string;
  readonly end: string;
}

/**
 * A run's label in the tooltip, at most about `max` characters: the whole name when it
 * fits; else the part that tells it from the other runs shown, with their shared end,
 * after the first letters of the shared start (`TheC…1690486800-lr0.001/validation`), so
 * that rows of one long experiment can still be told apart. Only when that part alone is
 * too long is the label cut in the middle.
 */
export function runLabel(name: string, parts: NameParts | undefined, max: number): string {
  if (Array.from(name).length <= max) return name;
  if (!parts || parts.start === '') return truncateMiddle(name, max);
  const tail = `${parts.distinct}${parts.end}`;
  const tailChars = Array.from(tail).length;
  // The part that differs is what matters: allow up to half again the usual width for it.
  if (tailChars + 5 > Math.round(max * 1.5)) return truncateMiddle(name, Math.round(max * 1.5));
  const head = Array.from(parts.start).slice(0, Math.max(4, max - 1 - tailChars)).join('');
  return `${head}…${tail}`;
}

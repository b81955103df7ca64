/**
 * Tick labels, one rule for every dashboard's axes. Numbers show the decimals their
 * tick step needs, SI prefixes from 1e4 (15k, 2.5M), exponents below 1e-3 and from
 * 1e15 (2e-8, 3e+18); wall times read by their tick interval (14:30, :15, Nov 23);
 * durations in units (90 s reads 1m30s).
 */
import { scaleTime } from 'd3-scale';

/** Below this (the axis' largest tick, in absolute value) numbers use exponent notation. */
const SMALL = 1e-3;
/** From this on numbers take SI prefixes. */
const LARGE = 1e4;
/** From this on (past the largest prefix used) numbers use exponent notation again. */
const HUGE = 1e15;
const SI_PREFIXES = ['', 'k', 'M', 'G', 'T'];

/** `s` without the trailing zeros of its fraction ("1.50" → "1.5", "2.0e-8" → "2e-8", "3.00" → "3"). */
function trimZeros(s: string): string {
  return s.replace(/\.(\d*?)0+(?=$|e)/, (_, kept: string) => (kept ? `.${kept}` : ''));
}

/** The decimals that tell multiples of `step` apart (2 for 0.05, 0 for 500). */
export function decimalsFor(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  return Math.max(0, Math.min(20, -Math.floor(Math.log10(step) + 1e-9)));
}

/** The power of ten of `v`'s leading digit (-8 for 2e-8). */
function exponentOf(v: number): number {
  return Math.floor(Math.log10(Math.abs(v)) + 1e-9);
}

/** `v` in exponent notation, with the mantissa digits that `step` needs. */
function exponential(v: number, step: number): string {
  const digits = step > 0 ? Math.max(0, Math.min(20, exponentOf(v) - exponentOf(step))) : 12;
  return trimZeros(v.toExponential(digits));
}

/** `v` with the SI prefix of its own size (k, M, G, T) and the decimals `step` needs. */
function withPrefix(v: number, step: number): string {
  const p = Math.abs(v) < 1000 ? 0 : Math.min(SI_PREFIXES.length - 1, Math.floor(exponentOf(v) / 3));
  const unit = Math.pow(1000, p);
  return trimZeros((v / unit).toFixed(decimalsFor(step / unit))) + SI_PREFIXES[p];
}

/**
 * Labels for an axis' ticks `values`, `step` apart: fixed decimals as the step needs
 * them, SI prefixes when the largest tick reaches 1e4, exponent notation when it is
 * below 1e-3 or reaches 1e15. Zero is always "0"; no two ticks read alike.
 *
 * @example formatNumberTicks([0, 0.05, 0.1], 0.05) // ['0', '0.05', '0.10']
 * @example formatNumberTicks([0, 5000, 10000, 15000], 5000) // ['0', '5k', '10k', '15k']
 * @example formatNumberTicks([0, 2e-8, 4e-8], 2e-8) // ['0', '2e-8', '4e-8']
 */
export function formatNumberTicks(values: readonly number[], step: number): string[] {
  const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const one =
    largest >= HUGE || largest < SMALL
      ? (v: number) => exponential(v, step)
      : largest >= LARGE
        ? (v: number) => withPrefix(v, step)
        : (v: number) => v.toFixed(decimalsFor(step));
  return values.map((v) => (v === 0 ? '0' : one(v)));
}

/**
 * A tick label by the value's own digits and size (0.001, 2.5, 20k, 1e-5), for ticks
 * not evenly apart (a log axis) or a lone tick.
 *
 * @example formatTickValue(1e-5) // "1e-5"
 */
export function formatTickValue(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return String(v);
  const clean = Number(v.toPrecision(12));
  const abs = Math.abs(clean);
  if (abs >= HUGE || abs < SMALL) return clean.toExponential();
  if (abs < LARGE) return String(clean);
  const p = Math.min(SI_PREFIXES.length - 1, Math.floor(exponentOf(clean) / 3));
  return String(Number((clean / Math.pow(1000, p)).toPrecision(12))) + SI_PREFIXES[p];
}

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;
const time = scaleTime();
const clock = {
  fraction: time.tickFormat(0, '.%L'),
  secondsFraction: time.tickFormat(0, '%H:%M:%S.%L'),
  seconds: time.tickFormat(0, '%H:%M:%S'),
  second: time.tickFormat(0, ':%S'),
  minutes: time.tickFormat(0, '%H:%M'),
  day: time.tickFormat(0, '%b %-d'),
  monthYear: time.tickFormat(0, '%b %Y'),
  month: time.tickFormat(0, '%b'),
  year: time.tickFormat(0, '%Y'),
};

/** Whether `d` is a local midnight. */
function isMidnight(d: Date): boolean {
  return d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0 && d.getMilliseconds() === 0;
}

/** The label of tick `d` on an axis whose ticks are `interval` ms apart; `first` reads in full. */
function timeLabel(d: Date, interval: number, first: boolean): string {
  if (interval < MS_PER_SECOND) {
    if (d.getMilliseconds() === 0) return clock.seconds(d);
    return (first ? clock.secondsFraction(d) : clock.fraction(d)).replace(/0+$/, '');
  }
  if (interval < MS_PER_MINUTE) return first ? clock.seconds(d) : d.getSeconds() === 0 ? clock.minutes(d) : clock.second(d);
  if (interval < MS_PER_DAY) return isMidnight(d) ? clock.day(d) : clock.minutes(d);
  if (interval < 28 * MS_PER_DAY) return clock.day(d);
  if (interval < 365 * MS_PER_DAY) return first || d.getMonth() === 0 ? clock.monthYear(d) : clock.month(d);
  return clock.year(d);
}

/**
 * Labels for wall-clock ticks (seconds since the epoch, local time), read by the
 * interval between them; the first tick, and a tick that starts a larger unit, read in
 * full, the others by what changes. Under a second `14:30:15.2`, `.4`, `14:30:16`;
 * under a minute `14:30:15`, `:20`, `14:31`; under a day `14:30` (the date, `Nov 23`,
 * at midnight); days and weeks `Nov 23`; months `Nov 2026`, `Dec`, `Jan 2027`; years
 * `2026`. A single tick reads by `span` (seconds).
 *
 * @example formatTimeTicks([t0, t0 + 1800]) // ['10:00', '10:30']
 */
export function formatTimeTicks(values: readonly number[], span = 0): string[] {
  let interval = values.length > 1 ? Infinity : span * MS_PER_SECOND;
  for (let i = 1; i < values.length; i++) interval = Math.min(interval, (values[i]! - values[i - 1]!) * MS_PER_SECOND);
  return values.map((seconds, i) => timeLabel(new Date(Math.round(seconds * MS_PER_SECOND)), interval, i === 0));
}

const DURATION_UNITS: readonly (readonly [string, number])[] = [
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
];

/**
 * A duration tick (seconds) on an axis whose ticks are `interval` seconds apart: `0`,
 * `45s`, `15m`, `1h30m`, `2d`, or decimal seconds (`0.5s`) under a second.
 *
 * @example formatDurationTick(5400, 1800) // "1h30m"
 */
export function formatDurationTick(seconds: number, interval: number): string {
  if (seconds === 0) return '0';
  const sign = seconds < 0 ? '-' : '';
  if (interval < 1) return `${sign}${trimZeros(Math.abs(seconds).toFixed(decimalsFor(interval)))}s`;
  let rest = Math.round(Math.abs(seconds));
  const parts: string[] = [];
  for (const [unit, size] of DURATION_UNITS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n}${unit}`);
  }
  return sign + parts.join('');
}

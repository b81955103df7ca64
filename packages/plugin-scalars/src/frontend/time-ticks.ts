/**
 * Ticks for time axes, in seconds: wall-clock time (aligned to the local clock, so
 * hourly ticks fall on the hour) and durations (relative time, aligned to zero). Both
 * step through human intervals (1 s, 5 s, 15 s, 1 min, ... 1 day, 1 week).
 */
import { linearTicks, niceStep } from './ticks.js';

/** Tick intervals in seconds, smallest first. */
export const TIME_INTERVALS: readonly number[] = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800,
];

/** Tick values (seconds) and the interval between them, which decides their labels. */
export interface TimeTicks {
  readonly values: number[];
  readonly interval: number;
}

/** The smallest interval giving at most `count` ticks over `span` seconds (0 below a second). */
export function timeInterval(span: number, count: number): number {
  const wanted = span / Math.max(1, count);
  if (wanted < 1) return 0;
  for (const iv of TIME_INTERVALS) if (iv >= wanted) return iv;
  return Math.ceil(wanted / 604800) * 604800;
}

/** Multiples of `interval` in [a, b], counted from `origin`. */
function aligned(a: number, b: number, interval: number, origin: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil((a - origin) / interval) * interval + origin; t <= b + 1e-9; t += interval) out.push(t);
  return out;
}

/**
 * Ticks over [a, b] seconds since the epoch, on round local times. `tzOffsetMin` is
 * `Date.getTimezoneOffset()` (minutes behind UTC), the local zone's by default.
 *
 * @example timeTicks(0, 3600, 4, 0) // { values: [0, 900, 1800, 2700, 3600], interval: 900 }
 */
export function timeTicks(a: number, b: number, count: number, tzOffsetMin = new Date(a * 1000).getTimezoneOffset()): TimeTicks {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b < a) return { values: [], interval: 0 };
  const interval = timeInterval(b - a, count);
  if (interval === 0) return { values: linearTicks(a, b, count), interval: niceStep(b - a, count) };
  // Local midnight of 1970-01-01 is at tzOffsetMin * 60 s (UTC); count multiples from it.
  return { values: aligned(a, b, interval, tzOffsetMin * 60), interval };
}

/**
 * Ticks over a duration [a, b] in seconds, at round durations from zero.
 *
 * @example durationTicks(0, 600, 5) // { values: [0, 120, 240, 360, 480, 600], interval: 120 }
 */
export function durationTicks(a: number, b: number, count: number): TimeTicks {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b < a) return { values: [], interval: 0 };
  const interval = timeInterval(b - a, count);
  if (interval === 0) return { values: linearTicks(a, b, count), interval: niceStep(b - a, count) };
  return { values: aligned(a, b, interval, 0), interval };
}

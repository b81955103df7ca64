/**
 * Ticks for durations (a relative-time axis), in seconds counted from zero, at round
 * human intervals (1 s, 5 s, 15 s, 1 min, ... 12 h, 1 day, 1 week), picked as d3's time
 * scale picks its intervals for wall-clock time, which it has no equivalent of for
 * durations.
 */
import { bisectRight, tickStep, ticks } from 'd3-array';

/** The round intervals in seconds, smallest first; whole weeks beyond the last. */
export const DURATION_INTERVALS: readonly number[] = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800,
];

const WEEK = 604800;

/** Tick values (seconds) and the interval between them, which decides their labels. */
export interface DurationTicks {
  readonly values: number[];
  readonly interval: number;
}

/**
 * The round interval nearest (by ratio) to `span / count` seconds; a decimal step
 * (0.2, 0.5) under a second, whole weeks (1, 2, 5, 10...) beyond a week.
 *
 * @example durationInterval(3600, 4) // 900
 */
export function durationInterval(span: number, count: number): number {
  const target = span / Math.max(1, count);
  const i = bisectRight(DURATION_INTERVALS, target);
  if (i === 0) return tickStep(0, span, count);
  if (i === DURATION_INTERVALS.length) return WEEK * Math.max(1, tickStep(0, span / WEEK, count));
  const below = DURATION_INTERVALS[i - 1]!;
  const above = DURATION_INTERVALS[i]!;
  return target / below < above / target ? below : above;
}

/**
 * About `count` ticks over the duration [a, b] (seconds), at multiples of a round interval.
 *
 * @example durationTicks(0, 3600, 4) // { values: [0, 900, 1800, 2700, 3600], interval: 900 }
 */
export function durationTicks(a: number, b: number, count: number): DurationTicks {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return { values: [], interval: 0 };
  if (a > b) [a, b] = [b, a];
  if (a === b) return { values: [a], interval: 0 };
  const interval = durationInterval(b - a, count);
  if (interval < 1) return { values: ticks(a, b, count), interval };
  const values: number[] = [];
  for (let k = Math.ceil(a / interval); k * interval <= b; k++) values.push(k * interval + 0); // + 0: no -0
  return { values, interval };
}

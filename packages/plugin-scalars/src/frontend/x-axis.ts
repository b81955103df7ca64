/**
 * What the x axis measures: the step, the time since the run's first point (in hours),
 * or the wall-clock time (seconds since the epoch), as TensorBoard's three choices.
 */
import { SECONDS_PER_HOUR, type XAxisType } from '@tb/ui';
import type { ScalarSeries } from './series.js';

export type { XAxisType } from '@tb/ui';

export const X_AXIS_TYPES: readonly XAxisType[] = ['step', 'relative', 'wall'];

/** Hours from `firstWall` to `wall` (both in seconds). */
export function relativeHours(wall: number, firstWall: number): number {
  return (wall - firstWall) / SECONDS_PER_HOUR;
}

/**
 * The x coordinate of every point of `series`: its step, hours since its first point,
 * or its wall time in seconds. `step` and `wall` return the series' own column.
 *
 * @example xValues({ wall: [7200, 9000], ... }, 'relative') // [0, 0.5]
 */
export function xValues(series: ScalarSeries, type: XAxisType): Float64Array {
  if (type === 'step') return series.step;
  if (type === 'wall') return series.wall;
  const out = new Float64Array(series.wall.length);
  const first = series.wall[0] ?? 0;
  for (let i = 0; i < out.length; i++) out[i] = relativeHours(series.wall[i]!, first);
  return out;
}

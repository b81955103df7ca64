/**
 * TensorBoard's x axes for charts over training, the same in every dashboard that has
 * them: the step, the time since the run's first point (in hours), or the wall-clock
 * time (seconds since the epoch); each with its scale and how its ticks read.
 */
import type { ScaleKind } from './scales.js';
import type { TickOptions } from './ticks.js';

/** The x axis choices. */
export type XAxisType = 'step' | 'relative' | 'wall';

/** Seconds per unit of the relative axis, whose values are hours. */
export const SECONDS_PER_HOUR = 3600;

/** The scale of an x axis and how its ticks read. */
export interface XAxisScale {
  readonly kind: ScaleKind;
  readonly ticks: TickOptions;
}

/** Steps as integers on a linear scale, relative hours as durations, wall time on calendar ticks. */
export const X_AXIS_SCALES: Readonly<Record<XAxisType, XAxisScale>> = {
  step: { kind: 'linear', ticks: { values: 'integer' } },
  relative: { kind: 'linear', ticks: { values: 'duration', secondsPerUnit: SECONDS_PER_HOUR } },
  wall: { kind: 'time', ticks: {} },
};

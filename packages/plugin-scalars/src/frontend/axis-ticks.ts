/**
 * The labelled ticks of each axis: steps (1.5k), relative time (30m), wall time
 * (14:30) on x; linear or log values on y.
 */
import type { Range } from './extent.js';
import { formatDurationTick, formatStepTick, formatTick, formatTimeTick } from './format.js';
import type { ScaleKind } from './scale.js';
import { linearTicks, logTicks, niceStep } from './ticks.js';
import { durationTicks, timeTicks } from './time-ticks.js';
import { SECONDS_PER_HOUR, type XAxisType } from './x-axis.js';

/** A tick: its data value and its label. */
export interface AxisTick {
  readonly value: number;
  readonly label: string;
}

/** About `count` ticks over the x `domain` of an axis of `type` (relative x is in hours). */
export function xAxisTicks(type: XAxisType, domain: Range, count: number): AxisTick[] {
  const [a, b] = domain;
  if (type === 'step') {
    // Steps are integers: no tick between two of them.
    const step = Math.max(1, niceStep(b - a, count));
    return linearTicks(a, b, count, 1).map((v) => ({ value: v, label: formatStepTick(v, step) }));
  }
  if (type === 'wall') {
    const { values, interval } = timeTicks(a, b, count);
    return values.map((v) => ({ value: v, label: formatTimeTick(v, interval) }));
  }
  const { values, interval } = durationTicks(a * SECONDS_PER_HOUR, b * SECONDS_PER_HOUR, count);
  return values.map((s) => ({ value: s / SECONDS_PER_HOUR, label: formatDurationTick(s, interval) }));
}

/** About `count` ticks over the y `domain` of a linear or log axis. */
export function yAxisTicks(kind: ScaleKind, domain: Range, count: number): AxisTick[] {
  const [a, b] = domain;
  if (kind === 'log') {
    const values = logTicks(a, b, count);
    if (values.length >= 2 && Math.log10(b) - Math.log10(a) >= 1) {
      return values.map((v) => ({ value: v, label: formatTick(v, v) }));
    }
    const step = niceStep(b - a, count);
    return values.map((v) => ({ value: v, label: formatTick(v, step) }));
  }
  const step = niceStep(b - a, count);
  return linearTicks(a, b, count).map((v) => ({ value: v, label: formatTick(v, step) }));
}

/**
 * Where an axis' ticks go and what they read, one rule for every dashboard: about one
 * tick per 50 px of a vertical axis and per 80 px of a horizontal one (its labels are
 * wider than tall), fewer while two neighbouring labels of a horizontal axis would have
 * less blank between them than the narrower one is wide. Values come from d3 (1-2-5
 * steps, log decades, local calendar times) or from durationTicks; labels from
 * tick-format.ts.
 */
import { range, tickStep, ticks } from 'd3-array';
import { scaleLog, scaleTime } from 'd3-scale';
import { durationTicks } from './duration-ticks.js';
import type { Scale, ScaleKind } from './scales.js';
import { formatDurationTick, formatNumberTicks, formatTickValue, formatTimeTicks } from './tick-format.js';

/** Which way an axis runs. */
export type AxisOrientation = 'horizontal' | 'vertical';

/** About one tick per this many pixels of axis. */
export const TICK_SPACING_PX: Readonly<Record<AxisOrientation, number>> = { horizontal: 80, vertical: 50 };

/** What a linear scale's values are: plain numbers, integers (steps), or durations. */
export type TickValues = 'number' | 'integer' | 'duration';

/** How to read a scale's values. Log scales always show numbers, time scales wall-clock times. */
export interface TickOptions {
  /** Default 'number'. 'integer' puts no tick between two integers; 'duration' ticks at round seconds, minutes, hours, days. */
  readonly values?: TickValues;
  /** For durations: seconds per unit of the values (3600 when they are hours). Default 1. */
  readonly secondsPerUnit?: number;
}

/** A tick: its data value and its label. */
export interface Tick {
  readonly value: number;
  readonly label: string;
}

/** A tick placed on its axis. */
export interface AxisTick extends Tick {
  /** The pixel of the value on the scale. */
  readonly px: number;
}

/** {@link TickOptions}, and for a horizontal axis the width of its labels. */
export interface AxisTickOptions extends TickOptions {
  /**
   * A label's width in pixels, given for a horizontal axis (an axis without it is
   * vertical): its ticks are thinned until the blank between two labels is as wide as
   * the narrower one.
   */
  readonly labelWidth?: (label: string) => number;
}

/** How many ticks to ask for along `lengthPx` pixels of axis (at least 2). */
export function tickCount(lengthPx: number, orientation: AxisOrientation): number {
  return Math.max(2, Math.round(lengthPx / TICK_SPACING_PX[orientation]));
}

function labelled(values: readonly number[], labels: readonly string[]): Tick[] {
  return values.map((value, i) => ({ value, label: labels[i]! }));
}

function linearTicks(a: number, b: number, count: number, integer: boolean): Tick[] {
  const step = tickStep(a, b, count);
  if (integer && !(step >= 1)) {
    const values = range(Math.ceil(a), Math.floor(b) + 1);
    return labelled(values, formatNumberTicks(values, 1));
  }
  const values = ticks(a, b, count);
  if (values.length === 1) return labelled(values, values.map(formatTickValue));
  return labelled(values, formatNumberTicks(values, step));
}

function logTicks(a: number, b: number, count: number): Tick[] {
  if (!(a > 0)) return [];
  const scale = scaleLog().domain([a, b]);
  // d3 puts nine ticks per decade when few decades show, and labels only some of them.
  const shown = scale.tickFormat(count);
  return scale
    .ticks(count)
    .filter((v) => shown(v) !== '')
    .map((value) => ({ value, label: formatTickValue(value) }));
}

function timeTicks(a: number, b: number, count: number): Tick[] {
  const values = scaleTime()
    .domain([a * 1000, b * 1000])
    .ticks(count)
    .map((d) => d.getTime() / 1000);
  return labelled(values, formatTimeTicks(values, b - a));
}

function durationAxisTicks(a: number, b: number, count: number, secondsPerUnit: number): Tick[] {
  const { values, interval } = durationTicks(a * secondsPerUnit, b * secondsPerUnit, count);
  return values.map((s) => ({ value: s / secondsPerUnit, label: formatDurationTick(s, interval) }));
}

/**
 * About `count` labelled ticks over `domain` of a `kind` scale, ascending. A log domain
 * not above zero, or a non-finite one, has none.
 *
 * @example ticksFor('linear', [0, 1], 5) // values 0, 0.2, ... 1, labels '0', '0.2', ... '1.0'
 * @example ticksFor('linear', [0, 1], 4, { values: 'duration', secondsPerUnit: 3600 }) // '0', '15m', '30m', '45m', '1h'
 */
export function ticksFor(kind: ScaleKind, domain: readonly [number, number], count: number, options: TickOptions = {}): Tick[] {
  let [a, b] = domain;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return [];
  if (a > b) [a, b] = [b, a];
  if (kind === 'log') return logTicks(a, b, count);
  if (kind === 'time') return timeTicks(a, b, count);
  if (options.values === 'duration') return durationAxisTicks(a, b, count, options.secondsPerUnit ?? 1);
  return linearTicks(a, b, count, options.values === 'integer');
}

/** Whether each two neighbouring labels, centred on their ticks, leave a blank as wide as the narrower one between them. */
function labelsFit(placed: readonly AxisTick[], labelWidth: (label: string) => number): boolean {
  const widths = placed.map((t) => labelWidth(t.label));
  for (let i = 1; i < placed.length; i++) {
    const [a, b] = [widths[i - 1]!, widths[i]!];
    if (Math.abs(placed[i]!.px - placed[i - 1]!.px) < (a + b) / 2 + Math.min(a, b)) return false;
  }
  return true;
}

/**
 * The ticks of an axis drawn along `scale`'s range: {@link tickCount} of them for its
 * length, fewer while two neighbouring labels (with `labelWidth`) would leave less
 * blank between them than the narrower one is wide.
 *
 * @example axisTicks(createScale('linear', [0, 2000], [0, 300]), { values: 'integer' }) // 0, 500, ... 2000
 */
export function axisTicks(scale: Scale, options: AxisTickOptions = {}): AxisTick[] {
  const length = Math.abs(scale.range[1] - scale.range[0]);
  for (let count = tickCount(length, options.labelWidth ? 'horizontal' : 'vertical'); ; count--) {
    const placed = ticksFor(scale.kind, scale.domain, count, options).map((t) => ({ ...t, px: scale.map(t.value) }));
    if (count <= 1 || !options.labelWidth || labelsFit(placed, options.labelWidth)) return placed;
  }
}

/**
 * From fetched series to the lines a chart draws: each run's segments (restarts cut a
 * series, see segments.ts), its x column for the chosen axis and its smoothed values,
 * computed once per series and settings and remembered beside the series (so hovering
 * and redrawing never recompute them).
 */
import type { ChartLine } from './chart-frame.js';
import { ascendingWithin, segmentStarts, type SegmentStarts } from './segments.js';
import type { ScalarSeries } from './series.js';
import { smooth, type SmoothingMethod } from './smoothing.js';
import { xValues, type XAxisType } from './x-axis.js';

/** The settings that shape a line. */
export interface LineSettings {
  readonly xAxis: XAxisType;
  readonly method: SmoothingMethod;
  readonly smoothing: number;
}

interface Derived {
  segments?: SegmentStarts;
  xAxis?: XAxisType;
  x?: Float64Array;
  ascending?: boolean;
  smoothKey?: string;
  smoothed?: Float64Array;
}

const derived = new WeakMap<ScalarSeries, Derived>();

/** Where the segments of `series` start. */
function segmentsOf(series: ScalarSeries, d: Derived): SegmentStarts {
  d.segments ??= segmentStarts(series.step);
  return d.segments;
}

/** The x column of `series` for `xAxis`, and whether it is sorted inside each segment. */
function xOf(series: ScalarSeries, d: Derived, xAxis: XAxisType): { x: Float64Array; ascending: boolean } {
  if (d.xAxis !== xAxis || !d.x) {
    d.xAxis = xAxis;
    d.x = xValues(series, xAxis);
    d.ascending = ascendingWithin(d.x, segmentsOf(series, d));
  }
  return { x: d.x, ascending: d.ascending ?? false };
}

/** The smoothed values of `series`; the value column itself when the weight is 0. */
function smoothedOf(series: ScalarSeries, d: Derived, method: SmoothingMethod, w: number): Float64Array {
  if (w <= 0) return series.value;
  const key = `${method}:${w}`;
  if (d.smoothKey !== key || !d.smoothed) {
    d.smoothKey = key;
    d.smoothed = smooth(series.value, method, w, segmentsOf(series, d));
  }
  return d.smoothed;
}

/**
 * The lines of `runs` (in that order) that have a non-empty series in `byRun`.
 *
 * @example chartLines(store.series(tag, runs), runs, (r) => colors[r], settings)
 */
export function chartLines(
  byRun: ReadonlyMap<string, ScalarSeries>,
  runs: readonly string[],
  colorOf: (run: string) => string,
  settings: LineSettings,
): ChartLine[] {
  const lines: ChartLine[] = [];
  for (const run of runs) {
    const series = byRun.get(run);
    if (!series || series.value.length === 0) continue;
    let d = derived.get(series);
    if (!d) derived.set(series, (d = {}));
    const { x, ascending } = xOf(series, d, settings.xAxis);
    const smoothed = smoothedOf(series, d, settings.method, settings.smoothing);
    lines.push({ run, color: colorOf(run), series, segments: segmentsOf(series, d), x, ascending, smoothed });
  }
  return lines;
}

/**
 * Whether two line lists would draw the same: same runs, colours and column arrays
 * (by identity, as {@link chartLines} reuses them). Lets a chart skip redrawing when it
 * re-renders for another reason (its tooltip, a sibling's data).
 */
export function sameLines(a: readonly ChartLine[], b: readonly ChartLine[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!;
    const q = b[i]!;
    if (p.run !== q.run || p.color !== q.color || p.series !== q.series || p.x !== q.x || p.smoothed !== q.smoothed) return false;
  }
  return true;
}

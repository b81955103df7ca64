/**
 * One chart's drawing, computed without touching the page: the data of each line goes
 * through the scales (fitted to the data or to the zoom), the axes get their ticks, and
 * each line becomes a pixel path reduced per column. paint.ts puts a Frame on a canvas.
 */
import { axisTicks, createScale, X_AXIS_SCALES, type AxisTick, type Scale } from '@tb/ui';
import { subpathCount, type PixelPath } from './columns.js';
import { finiteExtent, padRange, valuesInView, yDomain, type Range } from './extent.js';
import { pathHash } from './path-hash.js';
import { segmentedPath, type SegmentStarts } from './segments.js';
import type { ScalarSeries } from './series.js';
import type { XAxisType } from './x-axis.js';
import type { Zoom } from './zoom.js';

/** One run's line, with its x and smoothed columns already derived. */
export interface ChartLine {
  readonly run: string;
  readonly color: string;
  readonly series: ScalarSeries;
  /** Where its segments start (a restart begins a new one; see segments.ts). */
  readonly segments: SegmentStarts;
  /** x of each point in the chart's x unit (see x-axis.ts). */
  readonly x: Float64Array;
  /** The smoothed values; `series.value` itself when there is no smoothing. */
  readonly smoothed: Float64Array;
  /** Whether `x` is sorted inside each segment (binary searches allowed there). */
  readonly ascending: boolean;
}

/** What to draw and how big. */
export interface FrameOptions {
  /** The canvas size in CSS pixels. */
  readonly width: number;
  readonly height: number;
  readonly xType: XAxisType;
  readonly yKind: 'linear' | 'log';
  readonly ignoreOutliers: boolean;
  readonly zoom: Zoom;
  /** The width in CSS pixels of a tick label, for the y axis' margin and the x labels' room. */
  readonly measureText: (text: string) => number;
}

/** The plot area inside the axes, in CSS pixels. */
export interface PlotRect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** One run's drawn paths: the faint raw line (absent when unsmoothed) and the smoothed one. */
export interface FramePath {
  readonly run: string;
  readonly color: string;
  readonly raw: PixelPath | null;
  readonly smooth: PixelPath;
}

/** Everything paint.ts and the hover need about one drawing. */
export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly plot: PlotRect;
  readonly x: Scale;
  readonly y: Scale;
  readonly xTicks: readonly AxisTick[];
  readonly yTicks: readonly AxisTick[];
  readonly paths: readonly FramePath[];
  /** Fingerprint of the smoothed paths (data-path-hash). */
  readonly hash: string;
  /** How many separate lines the smoothed paths draw, over all runs (data-segments). */
  readonly segments: number;
}

/** A chart's last frame and the lines it was built from, for {@link buildFrame} to reuse. */
export interface FrameReuse {
  readonly frame: Frame;
  readonly lines: readonly ChartLine[];
}

const TOP = 10;
const RIGHT = 18;
const BOTTOM = 24;
const Y_LABEL_GAP = 10;

/** The x range that shows every line (zero-width ranges widened). */
function xExtent(lines: readonly ChartLine[], type: XAxisType): Range {
  const range = finiteExtent(lines.map((l) => l.x));
  if (!range) return [0, 1];
  if (range[1] > range[0]) return range;
  const pad = type === 'step' ? 1 : type === 'relative' ? 1 / 60 : 60;
  return [range[0] - pad, range[1] + pad];
}

/** The y range to show: the zoom's (when the y scale can show it), else the values in view (or all values), padded. */
function yRange(lines: readonly ChartLine[], options: FrameOptions): Range {
  if (options.zoom.y && (options.yKind !== 'log' || options.zoom.y[0] > 0)) return options.zoom.y;
  const columns = lines.map((l) => ({ x: l.x, y: l.series.value }));
  const inView = valuesInView(columns, options.zoom.x, options.yKind);
  const fitted =
    yDomain(inView, options.yKind, options.ignoreOutliers) ??
    (options.zoom.x ? yDomain(valuesInView(columns, null, options.yKind), options.yKind, options.ignoreOutliers) : null);
  return fitted ?? (options.yKind === 'log' ? [1, 10] : padRange([0, 1], 'linear'));
}

/** Whether two scales map alike (same kind, domain and range). */
function sameScale(a: Scale, b: Scale): boolean {
  return a.kind === b.kind && a.domain[0] === b.domain[0] && a.domain[1] === b.domain[1] && a.range[0] === b.range[0] && a.range[1] === b.range[1];
}

/**
 * Lays out, scales and reduces `lines` into a {@link Frame}. With the `previous` frame
 * (of the same chart), raw paths whose data and scales did not change are reused, so
 * moving the smoothing slider rebuilds only the smoothed paths.
 */
export function buildFrame(lines: readonly ChartLine[], options: FrameOptions, previous?: FrameReuse): Frame {
  const { width, height } = options;
  const xDomain = options.zoom.x ?? xExtent(lines, options.xType);
  const yDomainRange = yRange(lines, options);
  const bottom = Math.max(TOP + 1, height - BOTTOM);
  // The y scale and its labels do not depend on the left margin, which makes room for them.
  const y = createScale(options.yKind, yDomainRange, [bottom, TOP]);
  const yTicks = axisTicks(y);
  const labelWidth = yTicks.reduce((w, t) => Math.max(w, options.measureText(t.label)), 0);
  const plot: PlotRect = {
    left: Math.ceil(Math.max(28, labelWidth + Y_LABEL_GAP)),
    top: TOP,
    right: Math.max(Math.ceil(labelWidth + Y_LABEL_GAP) + 1, width - RIGHT),
    bottom,
  };
  const xAxis = X_AXIS_SCALES[options.xType];
  const x = createScale(xAxis.kind, xDomain, [plot.left, plot.right]);
  const xTicks = axisTicks(x, { ...xAxis.ticks, labelWidth: options.measureText });

  const reusable = previous && sameScale(previous.frame.x, x) && sameScale(previous.frame.y, y);
  const rawBefore = new Map<Float64Array, PixelPath>();
  if (reusable) {
    previous.lines.forEach((l, i) => {
      const raw = previous.frame.paths[i]?.raw ?? (l.smoothed === l.series.value ? previous.frame.paths[i]?.smooth : undefined);
      if (raw) rawBefore.set(l.x, raw);
    });
  }
  const inView = options.zoom.x ? xDomain : null;
  const paths = lines.map((line): FramePath => {
    const reduce = (values: Float64Array) => segmentedPath(line.x, values, x.map, y.map, line.segments, inView, line.ascending);
    const unsmoothed = line.smoothed === line.series.value;
    const rawPath = () => rawBefore.get(line.x) ?? reduce(line.series.value);
    const smooth = unsmoothed ? rawPath() : reduce(line.smoothed);
    return { run: line.run, color: line.color, raw: unsmoothed ? null : rawPath(), smooth };
  });
  const hash = pathHash(paths.map((p) => ({ color: p.color, path: p.smooth })));
  const segments = paths.reduce((n, p) => n + subpathCount(p.smooth), 0);
  return { width, height, plot, x, y, xTicks, yTicks, paths, hash, segments };
}

/**
 * Where a chart's lines go: the step and value extents over every line (bands
 * included), padded so lines do not touch the frame, and the step nearest the mouse.
 */
import type { Line } from './chart-series.js';

/** A data interval. */
export type Extent = readonly [number, number];

/** The extent of the finite values of `values`, or null when there are none. */
function finiteExtent(values: Iterable<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** A zero-width interval widened around its value, so a scale has room to draw it. */
function widen([lo, hi]: readonly [number, number], padFraction: number): Extent {
  if (lo === hi) return lo === 0 ? [-1, 1] : [lo - Math.abs(lo) * 0.1, hi + Math.abs(hi) * 0.1];
  const pad = (hi - lo) * padFraction;
  return [lo - pad, hi + pad];
}

/** The step and value extents of `lines` (one step alone: the steps either side); null when no line has a finite point. */
export function chartExtents(lines: readonly Line[]): { x: Extent; y: Extent } | null {
  const steps = finiteExtent(lines.flatMap((l) => l.points.map((p) => p.step)));
  const values = finiteExtent(
    lines.flatMap((l) => [...l.points.map((p) => p.value), ...(l.lower ?? []), ...(l.upper ?? [])]),
  );
  if (!steps || !values) return null;
  return { x: steps[0] === steps[1] ? [steps[0] - 1, steps[1] + 1] : steps, y: widen(values, 0.05) };
}

/** The index of the point of `points` whose step is nearest `step` (ties: the earlier), or -1 for none. */
export function nearestIndex(points: readonly { step: number }[], step: number): number {
  let best = -1;
  let bestDistance = Infinity;
  let lo = 0;
  let hi = points.length - 1;
  // Steps ascend: binary search for the first step >= `step`, then compare it with the one before.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.step < step) lo = mid + 1;
    else hi = mid - 1;
  }
  for (const i of [lo - 1, lo]) {
    if (i < 0 || i >= points.length) continue;
    const d = Math.abs(points[i]!.step - step);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}

/** The step nearest `step` among every line's points, or null when there is none. */
export function nearestStep(lines: readonly Line[], step: number): number | null {
  let best: number | null = null;
  for (const line of lines) {
    const i = nearestIndex(line.points, step);
    if (i < 0) continue;
    const s = line.points[i]!.step;
    if (best === null || Math.abs(s - step) < Math.abs(best - step)) best = s;
  }
  return best;
}

/** SVG path data through `xs`/`ys` pixel pairs, broken where a pixel is not finite. */
export function pathData(xs: ArrayLike<number>, ys: ArrayLike<number>): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** SVG path data of the band between `lower` and `upper` over `xs`, one closed piece per unbroken stretch. */
export function bandData(xs: ArrayLike<number>, lower: ArrayLike<number>, upper: ArrayLike<number>): string {
  let d = '';
  let run: number[] = [];
  const flush = () => {
    if (run.length > 0) {
      const top = run.map((i, k) => `${k === 0 ? 'M' : 'L'}${xs[i]!.toFixed(1)},${upper[i]!.toFixed(1)}`).join('');
      const bottom = [...run].reverse().map((i) => `L${xs[i]!.toFixed(1)},${lower[i]!.toFixed(1)}`).join('');
      d += `${top}${bottom}Z`;
    }
    run = [];
  };
  for (let i = 0; i < xs.length; i++) {
    if (Number.isFinite(xs[i]!) && Number.isFinite(lower[i]!) && Number.isFinite(upper[i]!)) run.push(i);
    else flush();
  }
  flush();
  return d;
}

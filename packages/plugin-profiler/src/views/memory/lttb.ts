/**
 * Largest-Triangle-Three-Buckets downsampling of a memory curve on its first two
 * columns (time, allocated), keeping the first and last points, as torch-tb-profiler
 * samples its memory curves.
 */

/** `points` reduced to at most `max` points (returned as is when already small enough). */
export function lttb(points: readonly number[][], max: number): number[][] {
  const n = points.length;
  if (max >= n || max < 3) return points.map((p) => [...p]);
  const bins = max - 2;
  // Split the inner points into `bins` consecutive bins, the first (inner % bins) one larger.
  const inner = n - 2;
  const base = Math.floor(inner / bins);
  const extra = inner % bins;
  const binStart = (b: number): number => 1 + b * base + Math.min(b, extra);

  const out: number[][] = [[...points[0]!]];
  for (let b = 0; b < bins; b++) {
    const from = binStart(b);
    const to = binStart(b + 1);
    // Centroid of the next bin (the last point for the last bin).
    const nFrom = b < bins - 1 ? to : n - 1;
    const nTo = b < bins - 1 ? binStart(b + 2) : n;
    const c = [0, 0];
    for (let i = nFrom; i < nTo; i++) {
      c[0]! += points[i]![0]!;
      c[1]! += points[i]![1]!;
    }
    c[0]! /= nTo - nFrom;
    c[1]! /= nTo - nFrom;
    const a = out[out.length - 1]!;
    let best = from;
    let bestArea = -1;
    for (let i = from; i < to; i++) {
      const p = points[i]!;
      const area = 0.5 * Math.abs((a[0]! - c[0]!) * (p[1]! - a[1]!) - (a[0]! - p[0]!) * (c[1]! - a[1]!));
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    out.push([...points[best]!]);
  }
  out.push([...points[n - 1]!]);
  return out;
}

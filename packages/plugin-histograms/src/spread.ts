/**
 * How the page draws a histogram bucket on its bins: its count spread over the bins it
 * overlaps, in proportion (counts taken as uniform within a bucket); a bucket with
 * right <= left goes whole into the bin of its left edge. Shared by the page
 * (frontend/rebin.ts) and the compact answer (compact.ts), which must draw alike.
 */

/** Adds bucket [l, r) holding `c` onto `counts[base, base + bins)`: `bins` bins `width` wide from `min`. */
export function spreadBucket(counts: Float64Array, base: number, bins: number, min: number, width: number, l: number, r: number, c: number): void {
  if (c <= 0 || !Number.isFinite(l) || !Number.isFinite(r)) return;
  if (r <= l) {
    counts[base + Math.min(bins - 1, Math.max(0, Math.floor((l - min) / width)))]! += c;
    return;
  }
  const first = Math.max(0, Math.floor((l - min) / width));
  const last = Math.min(bins - 1, Math.floor((r - min) / width));
  for (let b = first; b <= last; b++) {
    const lo = Math.max(l, min + b * width);
    const hi = Math.min(r, min + (b + 1) * width);
    if (hi > lo) counts[base + b]! += (c * (hi - lo)) / (r - l);
  }
}

/**
 * TensorBoard's compression of a histogram to nine points for the Distributions view:
 * the values at basis points (1/100 of a percent) 0, 668, 1587, 3085, 5000, 6915, 8413,
 * 9332 and 10000 of the distribution: the normal CDF at -inf, -1.5, -1, -0.5, 0, 0.5,
 * 1, 1.5 standard deviations and +inf. Each is found by linear interpolation within the
 * bucket where the cumulative count crosses it.
 */

/** The basis points, in order. */
export const BASIS_POINTS: readonly number[] = [0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000];

/** One bucket: [left, right, count]. */
export type Bucket = readonly [number, number, number];

/**
 * The nine [basis_point, value] pairs of `buckets` (sorted by edge). No buckets gives
 * zeros; points past the last non-empty bucket take the rightmost edge.
 * @example compressHistogram([[0, 1, 1], [1, 2, 1]])[4] // [5000, 1]
 */
export function compressHistogram(buckets: readonly Bucket[], bps: readonly number[] = BASIS_POINTS): [number, number][] {
  if (buckets.length === 0) return bps.map((bp) => [bp, 0]);
  const lowest = buckets[0]![0];
  const highest = buckets[buckets.length - 1]![1];
  let total = 0;
  for (const b of buckets) total += b[2];
  const scale = bps[bps.length - 1]! / (total || 1);
  // Cumulative count of each bucket's right edge, in basis points.
  const cumulative = new Float64Array(buckets.length);
  let sum = 0;
  buckets.forEach((b, i) => (cumulative[i] = sum += b[2] * scale));

  const out: [number, number][] = [];
  let k = 0;
  search: while (k < bps.length) {
    const bp = bps[k]!;
    let i = 0;
    while (i < cumulative.length && cumulative[i]! <= bp) i++;
    for (; i < cumulative.length; i++) {
      const here = cumulative[i]!;
      const before = i > 0 ? cumulative[i - 1]! : 0;
      if (here === before) continue;
      const left = i === 0 || before === 0 ? lowest : Math.max(buckets[i - 1]![1], lowest);
      const right = Math.min(buckets[i]![1], highest);
      out.push([bp, left + ((bp - before) * (right - left)) / (here - before)]);
      k++;
      continue search;
    }
    break;
  }
  while (k < bps.length) out.push([bps[k++]!, highest]);
  return out;
}

/**
 * The read-time downsampling rule of the DataProvider: at most `k` of `n` points,
 * evenly spread, deterministic, first and last always kept (for k >= 2; k = 1 keeps
 * the last). k <= 0 keeps nothing.
 */
export function downsampleIndices(n: number, k: number): Int32Array | null {
  if (k >= n) return null;
  if (k <= 0) return new Int32Array(0);
  if (k === 1) return Int32Array.of(n - 1);
  const out = new Int32Array(k);
  for (let j = 0; j < k; j++) out[j] = Math.floor((j * (n - 1)) / (k - 1));
  return out;
}

/** Picks `indices` (or everything, copied, when null) of a column. */
export function pick(column: Float64Array, indices: Int32Array | null): Float64Array {
  if (indices === null) return column.slice();
  const out = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = column[indices[i]!]!;
  return out;
}

/** Picks `indices` (or everything, copied, when null) of an array. */
export function pickItems<T>(items: readonly T[], indices: Int32Array | null): T[] {
  if (indices === null) return items.slice();
  return Array.from(indices, (i) => items[i]!);
}

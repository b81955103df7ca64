/**
 * Positions for the scatter: a projection's columns picked per axis, centred and scaled
 * so the points fill a unit sphere (as TensorBoard does), three floats per point, z = 0
 * in 2-D.
 */

/**
 * Three floats per point from `data` (`n` rows of `width` values), taking columns
 * `axes` (two or three), centred on the mean and scaled to a max radius of 1.
 *
 * @example normalizeLayout(new Float32Array([0, 0, 2, 4]), 2, [0, 1]) // [-0.447, -0.894, 0, 0.447, 0.894, 0]
 */
export function normalizeLayout(data: Float32Array, width: number, axes: readonly number[]): Float32Array {
  const n = Math.floor(data.length / width);
  const out = new Float32Array(n * 3);
  const mean = [0, 0, 0];
  axes.forEach((col, a) => {
    if (col >= width) throw new Error(`Expected a column below ${width}, found ${col}`);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += data[i * width + col]!;
    mean[a] = n ? sum / n : 0;
  });
  let maxR = 0;
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let a = 0; a < axes.length; a++) {
      const v = data[i * width + axes[a]!]! - mean[a]!;
      out[i * 3 + a] = v;
      r += v * v;
    }
    maxR = Math.max(maxR, r);
  }
  const scale = maxR > 0 ? 1 / Math.sqrt(maxR) : 1;
  for (let i = 0; i < out.length; i++) out[i]! *= scale;
  return out;
}

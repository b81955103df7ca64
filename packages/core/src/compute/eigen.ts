/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations: exact to
 * rounding, simple, and fast enough for PCA's d x d covariance (d = 200: well under a
 * second). Chosen over power iteration with deflation because it gives every eigenpair
 * at once, accurately even when eigenvalues are close.
 */

/** Eigenvalues (decreasing) and unit eigenvectors (row i belongs to value i, each d long). */
export interface SymmetricEigen {
  readonly values: Float64Array;
  readonly vectors: Float64Array;
}

/**
 * Decomposes the symmetric d x d matrix `m` (row-major; not changed).
 * @example symmetricEigen(Float64Array.of(2, 0, 0, 1), 2).values // [2, 1]
 */
export function symmetricEigen(m: ArrayLike<number>, d: number): SymmetricEigen {
  if (m.length !== d * d) throw new RangeError(`symmetricEigen: expected ${d}x${d} = ${d * d} elements, found ${m.length}`);
  const a = Float64Array.from(m);
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;
  let scale = 0;
  for (let i = 0; i < d * d; i++) scale = Math.max(scale, Math.abs(a[i]!));
  const tiny = scale * 1e-15;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off = Math.max(off, Math.abs(a[p * d + q]!));
    if (off <= tiny) break;
    for (let p = 0; p < d - 1; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = a[p * d + q]!;
        if (Math.abs(apq) <= tiny) continue;
        const app = a[p * d + p]!;
        const aqq = a[q * d + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const akp = a[k * d + p]!;
          const akq = a[k * d + q]!;
          a[k * d + p] = c * akp - s * akq;
          a[k * d + q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = a[p * d + k]!;
          const aqk = a[q * d + k]!;
          a[p * d + k] = c * apk - s * aqk;
          a[q * d + k] = s * apk + c * aqk;
        }
        // Rows of v hold the eigenvectors: rotate rows p and q.
        for (let k = 0; k < d; k++) {
          const vpk = v[p * d + k]!;
          const vqk = v[q * d + k]!;
          v[p * d + k] = c * vpk - s * vqk;
          v[q * d + k] = s * vpk + c * vqk;
        }
      }
    }
  }
  const order = Array.from({ length: d }, (_, i) => i).sort((i, j) => a[j * d + j]! - a[i * d + i]!);
  const values = new Float64Array(d);
  const vectors = new Float64Array(d * d);
  order.forEach((src, dst) => {
    values[dst] = a[src * d + src]!;
    vectors.set(v.subarray(src * d, src * d + d), dst * d);
  });
  return { values, vectors };
}

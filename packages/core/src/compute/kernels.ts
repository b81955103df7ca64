/**
 * The dense linear algebra the jobs hand to a backend: matrix products (PCA's covariance
 * and projection) and blocks of dot products against all points (exact kNN). The
 * algorithms (./pca.ts, ./knn.ts...) are plain TypeScript over this interface;
 * {@link jsKernels} is plain JavaScript, ./tfjs-kernels.ts runs them on a tfjs backend.
 */

/** Dot products of blocks of rows with every row of a fixed matrix, kept on the backend between blocks. */
export interface DotBlocks {
  /** `count` x n: rows start..start+count of the matrix times every row. */
  block(start: number, count: number): Promise<Float32Array>;
  /** Frees what the backend holds. */
  dispose(): void;
}

/** Matrix work a backend does for the jobs. */
export interface Kernels {
  /** Row-major product (m x n) of a (m x k) and b (k x n). */
  matmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Promise<Float32Array>;
  /** Prepares dot-product blocks of `x` (n x d) with itself. */
  dots(x: Float32Array, n: number, d: number): DotBlocks;
}

/** The kernels in plain JavaScript (float64 accumulation), on the calling thread. */
export const jsKernels: Kernels = {
  async matmul(a, b, m, k, n) {
    const out = new Float64Array(m * n);
    for (let p = 0; p < k; p++) {
      const brow = p * n;
      for (let i = 0; i < m; i++) {
        const av = a[i * k + p]!;
        if (av === 0) continue;
        const orow = i * n;
        for (let j = 0; j < n; j++) out[orow + j]! += av * b[brow + j]!;
      }
    }
    return Float32Array.from(out);
  },
  dots(x, n, d) {
    return {
      async block(start, count) {
        const out = new Float32Array(count * n);
        for (let q = 0; q < count; q++) {
          const qo = (start + q) * d;
          for (let j = 0; j < n; j++) {
            const jo = j * d;
            let s = 0;
            for (let t = 0; t < d; t++) s += x[qo + t]! * x[jo + t]!;
            out[q * n + j] = s;
          }
        }
        return out;
      },
      dispose() {},
    };
  },
};

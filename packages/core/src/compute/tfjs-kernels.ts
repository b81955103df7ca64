/**
 * The job kernels (./kernels.ts) on a tfjs backend: products run where tfjs runs them
 * (WASM's SIMD matmul, libtensorflow, CUDA), and the matrix of all points stays on the
 * backend while kNN walks through its query blocks.
 */
import type { Tfjs } from './backend.js';
import type { Kernels } from './kernels.js';

/** Kernels running on `tf`'s active backend. */
export function tfjsKernels(tf: Tfjs): Kernels {
  return {
    async matmul(a, b, m, k, n) {
      const product = tf.tidy(() => tf.matMul(tf.tensor2d(a, [m, k]), tf.tensor2d(b, [k, n])));
      try {
        return (await product.data()) as Float32Array;
      } finally {
        product.dispose();
      }
    },
    dots(x, n, d) {
      // All points, and their transpose as the right-hand side (tfjs's transposed matmul is slower on WASM).
      const all = tf.tensor2d(x, [n, d]);
      const xT = new Float32Array(d * n);
      for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) xT[t * n + i] = x[i * d + t]!;
      const allT = tf.tensor2d(xT, [d, n]);
      return {
        async block(start, count) {
          const product = tf.tidy(() => tf.matMul(all.slice([start, 0], [count, d]), allT));
          try {
            return (await product.data()) as Float32Array;
          } finally {
            product.dispose();
          }
        },
        dispose() {
          all.dispose();
          allT.dispose();
        },
      };
    },
  };
}

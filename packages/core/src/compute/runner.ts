/**
 * The compute runner: one service for heavy numeric work, shared by plugins. This is
 * its interface and the plain CPU implementation; faster backends (tfjs-node-gpu,
 * tfjs-node, WASM) plug in behind the same interface and say which one runs.
 */

/** Which backend does the work. */
export type ComputeBackend = 'cpu' | 'wasm' | 'tfjs-node' | 'tfjs-node-gpu';

export interface ComputeRunner {
  readonly backend: ComputeBackend;
  /**
   * Row-major matrix product of a (m x k) and b (k x n).
   * @example runner.matmul(Float32Array.of(1, 2), Float32Array.of(3, 4), 1, 2, 1) // [11]
   */
  matmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Promise<Float32Array>;
}

/** The portable fallback: plain JavaScript on the calling thread. */
export class CpuComputeRunner implements ComputeRunner {
  readonly backend = 'cpu' as const;

  async matmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Promise<Float32Array> {
    if (a.length !== m * k || b.length !== k * n) {
      throw new RangeError(`matmul: expected a of ${m}x${k} and b of ${k}x${n}, got ${a.length} and ${b.length} elements`);
    }
    const out = new Float32Array(m * n);
    for (let i = 0; i < m; i++) {
      for (let p = 0; p < k; p++) {
        const av = a[i * k + p]!;
        if (av === 0) continue;
        for (let j = 0; j < n; j++) out[i * n + j]! += av * b[p * n + j]!;
      }
    }
    return out;
  }
}

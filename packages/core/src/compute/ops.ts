/**
 * The numeric operations, written once against tfjs; the worker and the in-thread
 * runner both call these. Each takes plain typed arrays and returns plain typed arrays,
 * and frees every tensor it made.
 */
import type { Tfjs } from './backend.js';
import { checkMatmul } from './runner.js';

/** The operations by name, with their argument and result types. */
export interface Ops {
  matmul: { args: [a: Float32Array, b: Float32Array, m: number, k: number, n: number]; result: Float32Array };
}

export type OpName = keyof Ops;

/** Runs `op` with `args` on `tf`. */
export async function runOp<K extends OpName>(tf: Tfjs, op: K, args: Ops[K]['args']): Promise<Ops[K]['result']> {
  switch (op) {
    case 'matmul': {
      const [a, b, m, k, n] = args;
      checkMatmul(a, b, m, k, n);
      const product = tf.tidy(() => tf.matMul(tf.tensor2d(a, [m, k]), tf.tensor2d(b, [k, n])));
      try {
        return (await product.data()) as Float32Array;
      } finally {
        product.dispose();
      }
    }
    default:
      throw new RangeError(`unknown compute operation '${String(op)}'`);
  }
}

import { describe, expect, it } from 'vitest';
import { CpuComputeRunner } from './runner.js';
import { TfjsComputeRunner } from './tfjs-runner.js';

/** A deterministic m x n matrix with values in [-1, 1). */
function matrix(m: number, n: number, seed: number): Float32Array {
  const out = new Float32Array(m * n);
  let x = seed;
  for (let i = 0; i < out.length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out[i] = x / 1073741824 - 1;
  }
  return out;
}

describe.each(['wasm', 'cpu'] as const)('TfjsComputeRunner on %s', (backend) => {
  it('multiplies as the plain JavaScript runner does', async () => {
    const runner = new TfjsComputeRunner({ prefer: backend });
    expect((await runner.info()).backend).toBe(backend);
    const [m, k, n] = [37, 64, 19];
    const a = matrix(m, k, 1);
    const b = matrix(k, n, 2);
    const got = await runner.matmul(a, b, m, k, n);
    const want = await new CpuComputeRunner().matmul(a, b, m, k, n);
    expect(got.length).toBe(m * n);
    for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i]!, 4);
    expect(Array.from(await runner.matmul(Float32Array.of(1, 2), Float32Array.of(3, 4), 1, 2, 1))).toEqual([11]);
  });

  it('rejects mismatched shapes with the sizes, and rejects after close', async () => {
    const runner = new TfjsComputeRunner({ prefer: backend });
    await expect(runner.matmul(new Float32Array(6), new Float32Array(6), 2, 3, 3)).rejects.toThrow(
      'matmul: expected a of 2x3 and b of 3x3, got 6 and 6 elements',
    );
    await runner.close();
    await expect(runner.matmul(new Float32Array(1), new Float32Array(1), 1, 1, 1)).rejects.toThrow('closed');
  });
});

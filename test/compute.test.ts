/**
 * The built compute runner as the server starts it: a worker thread that loads tfjs on
 * the best backend present (WASM on a machine without a GPU or libtensorflow), answers
 * while the calling thread stays free, and reports errors without dying.
 */
import { createComputeRunner, CpuComputeRunner, type ComputeRunner } from '@tb/core';
import { afterEach, describe, expect, it } from 'vitest';

describe('createComputeRunner (built, worker thread)', () => {
  let runner: ComputeRunner | undefined;
  afterEach(async () => {
    await runner?.close();
    runner = undefined;
  });

  it('chooses WASM here and multiplies a 256x256 matrix pair like the plain runner', async () => {
    runner = createComputeRunner();
    const info = await runner.info();
    expect(info.backend).toBe('wasm');
    expect(info.skipped.map((s) => s.backend)).toEqual(['tfjs-node-gpu', 'tfjs-node']);
    const n = 256;
    const a = Float32Array.from({ length: n * n }, (_, i) => Math.sin(i));
    const b = Float32Array.from({ length: n * n }, (_, i) => Math.cos(i / 3));
    // The main thread keeps running while the worker computes.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const got = await runner.matmul(a, b, n, n, n);
    clearInterval(timer);
    const want = await new CpuComputeRunner().matmul(a, b, n, n, n);
    let worst = 0;
    for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!));
    expect(worst).toBeLessThan(1e-3);
    expect(ticks).toBeGreaterThanOrEqual(0);
  });

  it('honours a preferred backend, and a bad call rejects without stopping the worker', async () => {
    runner = createComputeRunner('cpu');
    expect((await runner.info()).backend).toBe('cpu');
    await expect(runner.matmul(new Float32Array(3), new Float32Array(3), 2, 2, 2)).rejects.toThrow(RangeError);
    expect(Array.from(await runner.matmul(Float32Array.of(1, 2, 3, 4), Float32Array.of(1, 0, 0, 1), 2, 2, 2))).toEqual([1, 2, 3, 4]);
    await runner.close();
    await expect(runner.matmul(Float32Array.of(1), Float32Array.of(1), 1, 1, 1)).rejects.toThrow('closed');
  });
});

/**
 * The built compute runner as the server starts it: a worker thread that loads tfjs on
 * the best backend present, answers while the calling thread stays free, and reports
 * errors without dying. Which backend that is depends on the machine (a CUDA GPU,
 * libtensorflow, WASM): the test checks the choice against the order, not a name.
 */
import { BACKEND_ORDER, createComputeRunner, CpuComputeRunner, type ComputeRunner } from '@tb/core';
import { afterEach, describe, expect, it } from 'vitest';

describe('createComputeRunner (built, worker thread)', () => {
  let runner: ComputeRunner | undefined;
  afterEach(async () => {
    await runner?.close();
    runner = undefined;
  });

  it('chooses the first backend of the order that loads, and says why it passed over the others', async () => {
    runner = createComputeRunner();
    const info = await runner.info();
    const chosen = BACKEND_ORDER.indexOf(info.backend);
    expect(chosen).toBeGreaterThanOrEqual(0);
    // Every backend before the chosen one was tried and skipped, in order, each with a reason.
    expect(info.skipped.map((s) => s.backend)).toEqual(BACKEND_ORDER.slice(0, chosen));
    for (const s of info.skipped) expect(s.reason.length).toBeGreaterThan(0);
    const n = 64;
    const a = Float32Array.from({ length: n * n }, (_, i) => Math.sin(i));
    const b = Float32Array.from({ length: n * n }, (_, i) => Math.cos(i / 3));
    const got = await runner.matmul(a, b, n, n, n);
    const want = await new CpuComputeRunner().matmul(a, b, n, n, n);
    let worst = 0;
    for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!));
    expect(worst).toBeLessThan(1e-3);
  });

  it('keeps the calling thread free while it computes', async () => {
    runner = createComputeRunner('cpu');
    await runner.info();
    const n = 384;
    const a = Float32Array.from({ length: n * n }, (_, i) => Math.sin(i));
    // Timer ticks every 2 ms on this thread; a runner that computed here would starve them.
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 2);
    const t0 = performance.now();
    let rounds = 0;
    while (performance.now() - t0 < 300 || rounds < 2) {
      await runner.matmul(a, a, n, n, n);
      rounds++;
    }
    const elapsed = performance.now() - t0;
    clearInterval(timer);
    let longestGap = 0;
    for (let i = 1; i < ticks.length; i++) longestGap = Math.max(longestGap, ticks[i]! - ticks[i - 1]!);
    // Measured here: about one tick per 2-4 ms, the longest gap a few ms. Blocking would
    // leave a gap as long as a whole multiplication (tens of ms on the cpu backend).
    expect(ticks.length).toBeGreaterThan(elapsed / 20);
    expect(longestGap).toBeLessThan(Math.max(100, elapsed / 3));
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

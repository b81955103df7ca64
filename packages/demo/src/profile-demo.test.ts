import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chooseBackend, type Tfjs } from '@tb/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDigits } from './digits.js';
import { digitModel } from './model.js';
import { DATALOADER_OP, profileTraining, writeProfiles } from './profile-demo.js';
import type { KinetoTraceJson, TraceEventJson } from './profile-trace.js';

let tf: Tfjs;
beforeAll(async () => {
  ({ tf } = await chooseBackend({ prefer: 'cpu' }));
});

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'tb-profile-demo-'));
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as KinetoTraceJson;
const operators = (t: KinetoTraceJson) => t.traceEvents.filter((e) => e.ph === 'X' && e.cat === 'Operator');
const within = (outer: TraceEventJson, inner: TraceEventJson) => outer.ts <= inner.ts && inner.ts + inner.dur! <= outer.ts + outer.dur!;

describe('profileTraining', () => {
  it('records real steps: DataLoader, forward, backward and the optimizer, with the kernels tfjs ran', async () => {
    const data = makeDigits(100, 4);
    const model = digitModel(tf, { optimizer: 'adam', learningRate: 0.01, units: 16, dropout: 0, seed: 3 });
    const logdir = tmp();
    const result = await profileTraining({ tf, model, data, logdir, run: 'profile/tiny', steps: 3, batchSize: 20 });
    model.dispose();

    expect(path.relative(logdir, result.file)).toMatch(/^profile\/tiny\/demo\.\d{13}\.pt\.trace\.json$/);
    expect(result.stepMs).toHaveLength(3);
    expect(result.losses.every((l) => l > 0 && l < 10)).toBe(true);
    const trace = read(result.file);
    const ops = operators(trace);
    // Two warm-up steps are run and left out; the recorded ones keep their numbers.
    const steps = ops.filter((e) => e.name.startsWith('ProfilerStep#'));
    expect(steps.map((e) => e.name)).toEqual(['ProfilerStep#3', 'ProfilerStep#4', 'ProfilerStep#5']);
    const loaders = ops.filter((e) => e.name === DATALOADER_OP);
    expect(loaders).toHaveLength(3);

    for (const step of steps) {
      const inside = ops.filter((e) => e !== step && within(step, e));
      const top = inside.filter((c) => !inside.some((p) => p !== c && within(p, c)));
      expect(top.map((e) => e.name)).toEqual([DATALOADER_OP, 'digits.forward', 'digits.backward', 'Optimizer.step#Adam.step']);
      // Every kernel lies inside one of the step's compute spans, back to back in the order tfjs ran them.
      for (const span of top.slice(1)) {
        const kernels = inside.filter((e) => e.name.startsWith('tfjs::') && within(span, e));
        expect(kernels.length).toBeGreaterThan(0);
        for (let i = 1; i < kernels.length; i++) expect(kernels[i]!.ts).toBeCloseTo(kernels[i - 1]!.ts + kernels[i - 1]!.dur!, 0);
      }
      const kernelsOf = (name: string) => inside.filter((e) => e.name.startsWith('tfjs::') && within(top.find((t) => t.name === name)!, e)).map((e) => e.name);
      // The hidden layer's matrix product with the batch's shapes, the loss, the gradient of relu, Adam's update.
      expect(inside).toContainEqual(expect.objectContaining({ name: 'tfjs::BatchMatMul', args: expect.objectContaining({ 'Input Dims': [[20, 784], [784, 16]] }) }));
      expect(kernelsOf('digits.forward')).toEqual(expect.arrayContaining(['tfjs::BatchMatMul', 'tfjs::Relu', 'tfjs::Softmax', 'tfjs::OneHot', 'tfjs::Log', 'tfjs::Mean']));
      expect(kernelsOf('digits.backward')).toEqual(expect.arrayContaining(['tfjs::BatchMatMul', 'tfjs::Step']));
      expect(kernelsOf('Optimizer.step#Adam.step')).toEqual(expect.arrayContaining(['tfjs::Sqrt', 'tfjs::RealDiv']));
      // A custom gradient's scope is not a kernel: its time is that of the kernels it ran.
      expect(inside.some((e) => e.name.endsWith('__op'))).toBe(false);
    }
    expect(result.kernels).toBe(ops.filter((e) => e.name.startsWith('tfjs::')).length);

    // Memory: each event's total is the last one's plus its bytes; the batch is allocated in the DataLoader.
    const memory = trace.traceEvents.filter((e) => e.name === '[memory]');
    expect(memory.length).toBeGreaterThan(10);
    for (let i = 1; i < memory.length; i++) {
      expect(memory[i]!.ts).toBeGreaterThanOrEqual(memory[i - 1]!.ts);
      expect(memory[i]!.args!['Total Allocated']).toBe((memory[i - 1]!.args!['Total Allocated'] as number) + (memory[i]!.args!.Bytes as number));
    }
    const batchBytes = 20 * 784 * 4 + 20 * 4;
    for (const loader of loaders) {
      expect(memory.filter((m) => m.ts >= loader.ts && m.ts <= loader.ts + loader.dur!).map((m) => m.args!.Bytes)).toEqual([batchBytes]);
    }
    // A step frees what it made: the last event of each step ends where the step began.
    expect(new Set(memory.filter((m) => m.args!.Bytes === batchBytes).map((m) => (m.args!['Total Allocated'] as number) - batchBytes)).size).toBe(1);
  });
});

describe('writeProfiles', () => {
  it('writes profile/batch_32 and profile/batch_256 of the demo model, worker demo', async () => {
    const logdir = tmp();
    const runs = await writeProfiles({ tf, logdir, data: makeDigits(300, 5), steps: 2 });
    expect(runs).toEqual(['profile/batch_32', 'profile/batch_256']);
    for (const [run, batch] of [['batch_32', 32], ['batch_256', 256]] as const) {
      const files = readdirSync(path.join(logdir, 'profile', run));
      expect(files).toEqual([expect.stringMatching(/^demo\.\d+\.pt\.trace\.json$/)]);
      const ops = operators(read(path.join(logdir, 'profile', run, files[0]!)));
      expect(ops.filter((e) => e.name.startsWith('ProfilerStep#')).map((e) => e.name)).toEqual(['ProfilerStep#3', 'ProfilerStep#4']);
      expect(ops).toContainEqual(expect.objectContaining({ name: 'tfjs::BatchMatMul', args: expect.objectContaining({ 'Input Dims': [[batch, 784], [784, 100]] }) }));
    }
  });
});

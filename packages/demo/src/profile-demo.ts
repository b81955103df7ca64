/**
 * The demo's profiles: a few real training steps of the demo's model, recorded by a
 * {@link TraceRecorder} as Kineto traces (`<run>/demo.<unix-ms>.pt.trace.json`) for the
 * Profile dashboard, at two batch sizes so that it has two runs to compare.
 *
 * What is measured and what is laid out:
 * - measured with `performance.now()`: each "ProfilerStep#N" span; the DataLoader span
 *   (slicing the batch out of the digit arrays and making its tensors); the model's
 *   forward pass and loss (`<model>.forward`), its backward pass (`<model>.backward`,
 *   both inside one `tf.variableGrads`) and the optimizer's update
 *   (`Optimizer.step#<Adam|SGD>.step`, `optimizer.applyGradients`);
 * - measured by tfjs (`tf.profile`): every kernel those three ran, its name, input
 *   shapes ("Input Dims"), time (`kernelTimeMs`, which for the CPU and WASM backends is
 *   the wall time of the kernel's function) and memory (`bytesAdded`,
 *   `totalBytesSnapshot`);
 * - laid out, not measured: where each kernel starts. tfjs reports durations, not start
 *   times, so the kernels are placed back to back, in the order they ran, from the start
 *   of the span that ran them (their durations scaled down to fit in the span where their
 *   sum exceeds its wall time). The gap between the last kernel and the span's end is
 *   JavaScript time between kernels (op dispatch, the gradient tape). Memory events sit
 *   at their kernel's start; tensors made or freed outside a kernel (the batch, disposal
 *   after the step) are noted where they are seen.
 */
import path from 'node:path';
import type { Tfjs } from '@tb/core';
import { PIXELS, SIDE, type Digits } from './digits.js';
import { digitModel } from './model.js';
import { TraceRecorder } from './profile-trace.js';

/** The DataLoader op's name, as the Profile dashboard knows it from PyTorch. */
export const DATALOADER_OP = 'enumerate(DataLoader)#_SingleProcessDataLoaderIter.__next__';

type Model = ReturnType<typeof digitModel>;
type Tensor = ReturnType<Tfjs['tensor']>;
type Scalar = ReturnType<Tfjs['scalar']>;

/** What {@link profileTraining} trains and where it writes. */
export interface ProfileTrainingOptions {
  /** tfjs, on its backend. */
  readonly tf: Tfjs;
  /** A compiled model for 28x28 inputs and 10 classes (see `digitModel`); it is trained. */
  readonly model: Model;
  readonly data: Digits;
  readonly logdir: string;
  /** The run, a path under `logdir`, e.g. `profile/batch_32`. */
  readonly run: string;
  /** Steps recorded. */
  readonly steps: number;
  readonly batchSize: number;
  /** Steps run first and not recorded (default 2): the optimizer's slots, first-call costs. */
  readonly warmup?: number;
  /** The worker of the file name (default `demo`). */
  readonly worker?: string;
}

/** What {@link profileTraining} recorded. */
export interface ProfileResult {
  /** The trace file written. */
  readonly file: string;
  /** Each recorded step's wall time, milliseconds. */
  readonly stepMs: readonly number[];
  /** Each recorded step's training loss. */
  readonly losses: readonly number[];
  /** Kernels recorded in all. */
  readonly kernels: number;
}

/**
 * Trains `o.model` for `warmup + steps` steps on consecutive batches of `o.data` (going
 * round again where it runs out), records the last `steps`, and writes the trace to
 * `<logdir>/<run>/<worker>.<unix-ms>.pt.trace.json`.
 */
export async function profileTraining(o: ProfileTrainingOptions): Promise<ProfileResult> {
  const warmup = o.warmup ?? 2;
  if (!(Number.isInteger(o.batchSize) && o.batchSize > 0)) throw new RangeError(`batchSize should be a positive integer, found ${o.batchSize}`);
  if (o.data.count === 0) throw new RangeError('no data to train on');
  for (let n = 1; n <= warmup; n++) await trainStep(o, new TraceRecorder(), n);
  const rec = new TraceRecorder();
  const stepMs: number[] = [];
  const losses: number[] = [];
  let kernels = 0;
  for (let n = warmup + 1; n <= warmup + o.steps; n++) {
    const t = performance.now();
    const step = await trainStep(o, rec, n);
    stepMs.push(performance.now() - t);
    losses.push(step.loss);
    kernels += step.kernels;
  }
  const file = await rec.writeTo(path.join(o.logdir, ...o.run.split('/')), o.worker ?? 'demo');
  return { file, stepMs, losses, kernels };
}

/** One training step, "ProfilerStep#n", recorded by `rec`. */
async function trainStep(o: ProfileTrainingOptions, rec: TraceRecorder, n: number): Promise<{ loss: number; kernels: number }> {
  const { tf, model } = o;
  const memory = new MemoryTrack(tf, rec);
  return rec.spanAsync(`ProfilerStep#${n}`, async () => {
    const { xs, ys } = rec.span(DATALOADER_OP, () => {
      const batch = nextBatch(tf, o.data, (n - 1) * o.batchSize, o.batchSize);
      memory.sync();
      return batch;
    });
    const variables = model.trainableWeights.map((w) => w.read()) as Parameters<Tfjs['variableGrads']>[1];
    let forwardEnd = 0;
    let backwardEnd = 0;
    let forwardKernels = 0;
    const result: { value?: Scalar; grads: Record<string, Tensor> } = { grads: {} };
    const fbStart = rec.now();
    const fb = await tf.profile(() => {
      const out = tf.variableGrads(() => {
        const probabilities = model.apply(xs, { training: true }) as Tensor;
        const loss = tf.metrics.categoricalCrossentropy(tf.oneHot(ys, 10), probabilities).mean() as Scalar;
        // The kernels tfjs has listed so far are the forward pass's; the rest are the gradients'.
        forwardKernels = tf.engine().state.activeProfile.kernels.length;
        forwardEnd = rec.now();
        return loss;
      }, variables);
      backwardEnd = rec.now();
      result.value = out.value;
      result.grads = out.grads;
    });
    // tf.profile returns one object that the next call overwrites: take the kernels now.
    const forward = kernelsOf(tf, fb.kernels.slice(0, forwardKernels));
    const backward = kernelsOf(tf, fb.kernels.slice(forwardKernels));
    layOut(rec, memory, `${model.name}.forward`, fbStart, forwardEnd, forward);
    layOut(rec, memory, `${model.name}.backward`, forwardEnd, backwardEnd, backward);
    memory.sync(backwardEnd); // the forward pass's tensors, freed once the gradients are made

    const optimizer = model.optimizer;
    const upStart = rec.now();
    let upEnd = 0;
    const up = await tf.profile(() => {
      optimizer.applyGradients(result.grads);
      upEnd = rec.now();
    });
    const upKernels = kernelsOf(tf, up.kernels);
    layOut(rec, memory, `Optimizer.step#${optimizer.getClassName()}.step`, upStart, upEnd, upKernels);
    memory.sync(upEnd);

    const loss = (await result.value!.data())[0]!;
    tf.dispose([xs, ys, result.value!, ...Object.values(result.grads)]);
    memory.sync();
    return { loss, kernels: forward.length + backward.length + upKernels.length };
  });
}

/** Batch `size` from `start` (wrapping around): really sliced and made into tensors. */
function nextBatch(tf: Tfjs, data: Digits, start: number, size: number): { xs: Tensor; ys: Tensor } {
  const images = new Float32Array(size * PIXELS);
  const labels = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const j = (start + i) % data.count;
    images.set(data.images.subarray(j * PIXELS, (j + 1) * PIXELS), i * PIXELS);
    labels[i] = data.labels[j]!;
  }
  return { xs: tf.tensor3d(images, [size, SIDE, SIDE]), ys: tf.tensor1d(labels, 'int32') };
}

type KernelInfo = Awaited<ReturnType<Tfjs['profile']>>['kernels'][number];

/**
 * The kernels of a profile. tfjs also lists the scope of an op with a custom gradient
 * (`fusedMatMul__op`) after the kernels it ran, with their time in its own: it is not a
 * registered kernel, and is left out so that no time is counted twice.
 */
function kernelsOf(tf: Tfjs, infos: readonly KernelInfo[]): KernelInfo[] {
  const backend = tf.getBackend();
  return infos.filter((k) => tf.getKernel(k.name, backend) !== undefined);
}

/**
 * Records the span `name` over [startMs, endMs] and its kernels back to back inside it,
 * scaled to fit, with their memory events.
 */
function layOut(rec: TraceRecorder, memory: MemoryTrack, name: string, startMs: number, endMs: number, kernels: readonly KernelInfo[]): void {
  const wall = Math.max(0, endMs - startMs);
  rec.operator(name, startMs, wall);
  const times = kernels.map((k) => (typeof k.kernelTimeMs === 'number' && Number.isFinite(k.kernelTimeMs) ? Math.max(0, k.kernelTimeMs) : 0));
  const sum = times.reduce((s, t) => s + t, 0);
  const scale = sum > wall ? wall / sum : 1;
  let t = startMs;
  kernels.forEach((k, i) => {
    const dur = times[i]! * scale;
    rec.operator(`tfjs::${k.name}`, t, dur, { inputDims: k.inputShapes.map((s) => s ?? []) });
    memory.kernel(k, t);
    t += dur;
  });
}

/**
 * Keeps the recorded memory events consistent with tfjs's count of bytes held
 * (`tf.memory().numBytes`): each event's total is the last one's plus its bytes.
 */
class MemoryTrack {
  private total: number;

  constructor(
    private readonly tf: Tfjs,
    private readonly rec: TraceRecorder,
  ) {
    this.total = tf.memory().numBytes;
  }

  /** Notes a change since the last event (tensors made or freed outside a kernel), now or at `atMs`. */
  sync(atMs?: number, total = this.tf.memory().numBytes): void {
    if (total !== this.total) this.rec.memory(total - this.total, total, atMs === undefined ? {} : { atMs });
    this.total = total;
  }

  /** A kernel's allocation at `atMs`, after any change between it and the last event. */
  kernel(k: KernelInfo, atMs: number): void {
    this.sync(atMs, k.totalBytesSnapshot - k.bytesAdded);
    this.sync(atMs, k.totalBytesSnapshot);
  }
}

/** Steps recorded in each of the demo's profile runs. */
export const PROFILE_STEPS = 8;

/** Batch sizes of the demo's profile runs, `profile/batch_<size>`. */
export const PROFILE_BATCH_SIZES: readonly number[] = [32, 256];

/**
 * Writes the demo's profiles: the demo's model (Adam, 100 hidden units, seed 7) trained
 * on `data` at each of {@link PROFILE_BATCH_SIZES}, 2 warm-up and `steps` recorded steps
 * each (default {@link PROFILE_STEPS}). Returns the runs written.
 */
export async function writeProfiles(o: { readonly tf: Tfjs; readonly logdir: string; readonly data: Digits; readonly steps?: number }): Promise<string[]> {
  const runs: string[] = [];
  for (const batchSize of PROFILE_BATCH_SIZES) {
    const model = digitModel(o.tf, { optimizer: 'adam', learningRate: 0.001, units: 100, dropout: 0, seed: 7 });
    try {
      const run = `profile/batch_${batchSize}`;
      await profileTraining({ tf: o.tf, model, data: o.data, logdir: o.logdir, run, steps: o.steps ?? PROFILE_STEPS, batchSize });
      runs.push(run);
    } finally {
      model.dispose();
    }
  }
  return runs;
}

/**
 * `tensorBoard(logdir)`: a tfjs callback for `model.fit` that writes what Keras 2's
 * TensorBoard callback writes, under `train/` and `validation/`:
 * - `epoch_loss`, `epoch_<metric>` at each epoch (tfjs's `acc` named `accuracy`, as
 *   Keras names it); validation values in validation/, `val_` stripped, and
 *   `evaluation_<metric>_vs_iterations` there at the optimizer's iteration count;
 * - `batch_<metric>` at batches N, 2N, ... (counted from 1 in each fit) when
 *   `updateFreq` is 'batch' (N = 1) or a number N;
 * - each weight as the histogram `<layer>/<weight>_0/histogram` every `histogramFreq`
 *   epochs (epochs 0, f, 2f, ...);
 * - the graph and the Keras model config (tag `keras`) when training begins.
 *
 * @example
 * await model.fit(xs, ys, { epochs: 5, validationData: [vx, vy], callbacks: [tensorBoard('logs/adam', { histogramFreq: 1 })] });
 */
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { SummaryWriter } from './summary-writer.js';

export interface TensorBoardOptions {
  /** Epochs between weight histograms; 0 (the default) writes none. */
  readonly histogramFreq?: number;
  /** 'epoch' (default), 'batch', or every N batches. */
  readonly updateFreq?: 'epoch' | 'batch' | number;
  /** Whether to write the model graph when training begins (default true). */
  readonly writeGraph?: boolean;
}

/** Keras's metric names: tfjs logs `acc`, Keras 2 writes `accuracy`. */
function metricName(key: string): string {
  return key === 'acc' ? 'accuracy' : key;
}

type Logs = Record<string, unknown> | undefined;

/** The numbers in `logs` (tfjs may hand over scalars as tensors), but `batch` and `size`. */
async function numbers(logs: Logs): Promise<[string, number][]> {
  const out: [string, number][] = [];
  for (const [key, value] of Object.entries(logs ?? {})) {
    if (key === 'batch' || key === 'size') continue;
    if (typeof value === 'number') out.push([key, value]);
    else if (isTensor(value)) out.push([key, (await value.data())[0]!]);
  }
  return out;
}

function isTensor(value: unknown): value is tf.Tensor {
  return typeof (value as tf.Tensor | null)?.data === 'function';
}

export class TensorBoardCallback extends tf.Callback {
  readonly logdir: string;
  private readonly histogramFreq: number;
  private readonly batchEvery: number;
  private readonly writeGraph: boolean;
  private writers: { train: SummaryWriter; validation: SummaryWriter } | null = null;
  /** Batches done in this fit. */
  private batches = 0;
  /** Batches done in every fit so far: the fallback when the optimizer does not count. */
  private iterations = 0;

  constructor(logdir: string, o: TensorBoardOptions = {}) {
    super();
    const every = o.updateFreq === 'batch' ? 1 : typeof o.updateFreq === 'number' ? o.updateFreq : 0;
    if (!(Number.isInteger(every) && every >= 0)) throw new RangeError(`tensorBoard: updateFreq should be 'epoch', 'batch' or a whole number of batches, found ${o.updateFreq}`);
    this.logdir = logdir;
    this.histogramFreq = o.histogramFreq ?? 0;
    this.batchEvery = every;
    this.writeGraph = o.writeGraph ?? true;
  }

  /** The writer of `train/` (opened at the first use in each fit). */
  get train(): SummaryWriter {
    return this.open().train;
  }

  /** The writer of `validation/`. */
  get validation(): SummaryWriter {
    return this.open().validation;
  }

  override async onTrainBegin(): Promise<void> {
    this.batches = 0;
    if (this.writeGraph && this.model) this.train.addGraph(this.model);
  }

  override async onBatchEnd(_batch: number, logs?: Logs): Promise<void> {
    this.iterations++;
    const step = ++this.batches;
    if (this.batchEvery === 0 || step % this.batchEvery !== 0) return;
    for (const [key, value] of await numbers(logs)) this.train.addScalar(`batch_${metricName(key)}`, value, step);
  }

  override async onEpochEnd(epoch: number, logs?: Logs): Promise<void> {
    const iterations = (this.model?.optimizer as { iterations?: unknown } | undefined)?.iterations;
    const at = typeof iterations === 'number' ? iterations : this.iterations;
    for (const [key, value] of await numbers(logs)) {
      if (key.startsWith('val_')) {
        const name = metricName(key.slice(4));
        this.validation.addScalar(`epoch_${name}`, value, epoch);
        this.validation.addScalar(`evaluation_${name}_vs_iterations`, value, at);
      } else {
        this.train.addScalar(`epoch_${metricName(key)}`, value, epoch);
      }
    }
    if (this.histogramFreq > 0 && epoch % this.histogramFreq === 0 && this.model) this.logWeights(epoch);
    await Promise.all([this.train.flush(), this.validation.flush()]);
  }

  override async onTrainEnd(): Promise<void> {
    const writers = this.writers;
    this.writers = null;
    if (writers) await Promise.all([writers.train.close(), writers.validation.close()]);
  }

  private open(): { train: SummaryWriter; validation: SummaryWriter } {
    this.writers ??= {
      train: new SummaryWriter(path.join(this.logdir, 'train')),
      validation: new SummaryWriter(path.join(this.logdir, 'validation')),
    };
    return this.writers;
  }

  private logWeights(epoch: number): void {
    for (const layer of this.model.layers) {
      for (const weight of layer.weights) {
        this.train.addHistogram(`${weight.originalName}_0/histogram`, weight.read().dataSync(), epoch);
      }
    }
  }
}

/**
 * A new {@link TensorBoardCallback} writing under `logdir`.
 * @example callbacks: [tensorBoard('logs/run1', { histogramFreq: 1, updateFreq: 'batch' })]
 */
export function tensorBoard(logdir: string, options: TensorBoardOptions = {}): TensorBoardCallback {
  return new TensorBoardCallback(logdir, options);
}

/**
 * `tensorBoard(logdir)`: a tfjs callback for `model.fit` that writes what Keras's
 * TensorBoard callback writes: `train/` and `validation/` runs; `epoch_loss` and
 * `epoch_<metric>` each epoch (validation values, `val_` stripped, in validation/);
 * `batch_<metric>` every N batches when asked; each layer's weights as histograms
 * (`dense/kernel`, `dense/bias`) every `histogramFreq` epochs; the model graph.
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
  /** Whether to write the model graph at the start (default true). */
  readonly writeGraph?: boolean;
}

/** Keras's metric names: tfjs logs `acc`, Keras 2 writes `accuracy`. */
function metricName(key: string): string {
  return key === 'acc' ? 'accuracy' : key;
}

type Logs = Record<string, unknown> | undefined;

async function numbers(logs: Logs): Promise<[string, number][]> {
  const out: [string, number][] = [];
  for (const [key, value] of Object.entries(logs ?? {})) {
    if (typeof value === 'number') out.push([key, value]);
    else if (value && typeof (value as tf.Tensor).data === 'function') out.push([key, (await (value as tf.Tensor).data())[0]!]);
  }
  return out;
}

export class TensorBoardCallback extends tf.Callback {
  readonly train: SummaryWriter;
  readonly validation: SummaryWriter;
  private readonly histogramFreq: number;
  private readonly batchEvery: number;
  private readonly writeGraph: boolean;
  private batchStep = 0;

  constructor(logdir: string, o: TensorBoardOptions = {}) {
    super();
    this.train = new SummaryWriter(path.join(logdir, 'train'));
    this.validation = new SummaryWriter(path.join(logdir, 'validation'));
    this.histogramFreq = o.histogramFreq ?? 0;
    this.batchEvery = o.updateFreq === 'batch' ? 1 : typeof o.updateFreq === 'number' ? o.updateFreq : 0;
    this.writeGraph = o.writeGraph ?? true;
  }

  override async onTrainBegin(): Promise<void> {
    if (this.writeGraph && this.model) this.train.addGraph(this.model as never);
  }

  override async onBatchEnd(_batch: number, logs?: Logs): Promise<void> {
    const step = this.batchStep++;
    if (this.batchEvery === 0 || step % this.batchEvery !== 0) return;
    for (const [key, value] of await numbers(logs)) {
      if (key === 'batch' || key === 'size') continue;
      this.train.addScalar(`batch_${metricName(key)}`, value, step);
    }
  }

  override async onEpochEnd(epoch: number, logs?: Logs): Promise<void> {
    for (const [key, value] of await numbers(logs)) {
      if (key.startsWith('val_')) this.validation.addScalar(`epoch_${metricName(key.slice(4))}`, value, epoch);
      else this.train.addScalar(`epoch_${metricName(key)}`, value, epoch);
    }
    if (this.histogramFreq > 0 && epoch % this.histogramFreq === 0 && this.model) this.logWeights(epoch);
    await Promise.all([this.train.flush(), this.validation.flush()]);
  }

  override async onTrainEnd(): Promise<void> {
    await Promise.all([this.train.close(), this.validation.close()]);
  }

  private logWeights(epoch: number): void {
    for (const layer of this.model.layers) {
      for (const weight of layer.weights) {
        const short = weight.originalName.split('/').pop() ?? weight.name;
        this.train.addHistogram(`${layer.name}/${short}`, weight.read().dataSync(), epoch);
      }
    }
  }
}

/** A new {@link TensorBoardCallback} writing under `logdir`. */
export function tensorBoard(logdir: string, options: TensorBoardOptions = {}): TensorBoardCallback {
  return new TensorBoardCallback(logdir, options);
}

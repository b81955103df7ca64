/**
 * The demo's hyper-parameter sweep: units x dropout x learning rate, each trained for a
 * few epochs on a smaller set, logged as TensorBoard's hparams sessions (one run each
 * under hparam_tuning/) with per-epoch accuracy and loss, as the Keras hparams tutorial does.
 */
import path from 'node:path';
import { SummaryWriter } from '@tb/writer';
import type { Tfjs } from '@tb/core';
import type { DemoSize } from './demo.js';
import { PIXELS, SIDE, type Digits } from './digits.js';
import { digitModel } from './model.js';

export const SWEEP = {
  units: [32, 128],
  dropout: [0, 0.3],
  learningRate: [0.001, 0.01],
} as const;

/** Trains every combination; returns the run names it wrote. */
export async function sweep(tf: Tfjs, logdir: string, train: Digits, validation: Digits, size: DemoSize): Promise<string[]> {
  const n = Math.min(size.sweepTrain, train.count);
  const xs = tf.tensor3d(train.images.subarray(0, n * PIXELS), [n, SIDE, SIDE]);
  const ys = tf.tensor1d(train.labels.subarray(0, n), 'float32');
  const vx = tf.tensor3d(validation.images, [validation.count, SIDE, SIDE]);
  const vy = tf.tensor1d(validation.labels, 'float32');
  const runs: string[] = [];
  try {
    let index = 0;
    for (const units of SWEEP.units) {
      for (const dropout of SWEEP.dropout) {
        for (const learningRate of SWEEP.learningRate) {
          const run = `hparam_tuning/run-${String(index).padStart(2, '0')}`;
          const seed = 100 + index++;
          const model = digitModel(tf, { units, dropout, optimizer: 'adam', learningRate, seed });
          const writer = new SummaryWriter(path.join(logdir, run));
          const history = await model.fit(xs, ys, {
            epochs: size.sweepEpochs,
            batchSize: 64,
            validationData: [vx, vy],
            verbose: 0,
            callbacks: new tf.CustomCallback({
              onEpochEnd: async (epoch, logs) => {
                writer.addScalar('accuracy', logs?.val_acc ?? NaN, epoch);
                writer.addScalar('loss', logs?.val_loss ?? NaN, epoch);
              },
            }),
          });
          const last = (key: string) => (history.history[key] as number[]).at(-1)!;
          writer.addHparams(
            { num_units: units, dropout, learning_rate: learningRate, optimizer: 'adam' },
            { 'hparam/accuracy': last('val_acc'), 'hparam/loss': last('val_loss') },
            { runName: '.' },
          );
          await writer.close();
          model.dispose();
          runs.push(run);
        }
      }
    }
  } finally {
    tf.dispose([xs, ys, vx, vy]);
  }
  return runs;
}

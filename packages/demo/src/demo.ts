/**
 * `tb-core demo`: trains a small digit classifier with tfjs on digits it draws itself
 * and logs everything TensorBoard users look at, through @tb/writer:
 *
 * - `adam/` and `sgd/` (5 epochs each, via the Keras-style callback): train/ and
 *   validation/ runs with batch and epoch loss and accuracy, kernel and bias histograms
 *   every epoch, the model graph; a grid of sample inputs and notes in train/; a
 *   confusion matrix, the misclassified digits and PR curves in validation/ each epoch;
 * - `hparam_tuning/run-NN`: a units x dropout x learning-rate sweep with its metrics;
 * - the log root: an embedding of 500 validation digits (the hidden layer's 100
 *   activations) with labels, predictions and a sprite, and a note about the demo;
 * - `profile/batch_32` and `profile/batch_256`: Kineto traces of 8 real training steps of
 *   the adam model at each batch size, with tfjs's kernels, for the Profile tab.
 */
import path from 'node:path';
import { SummaryWriter } from '@tb/writer';
import { tensorBoard } from '@tb/writer/tfjs';
import type { BackendInfo, Tfjs } from '@tb/core';
import { confusionMatrix, drawConfusion } from './confusion.js';
import { digitImage, makeDigits, PIXELS, SIDE, type Digits } from './digits.js';
import { tileDigits } from './grid.js';
import { digitModel, type ModelOptions } from './model.js';
import { aboutMarkdown, runNotes } from './notes.js';
import { PROFILE_STEPS, writeProfiles } from './profile-demo.js';
import { sweep } from './sweep.js';

/** How big the demo is; the defaults are what `tb-core demo` runs. */
export interface DemoSize {
  readonly train: number;
  readonly validation: number;
  readonly epochs: number;
  readonly embedded: number;
  readonly sweepTrain: number;
  readonly sweepEpochs: number;
}

/** The full demo: about 20 s on WASM. */
export const DEFAULT_SIZE: DemoSize = { train: 6000, validation: 1000, epochs: 5, embedded: 500, sweepTrain: 2000, sweepEpochs: 3 };

/** What {@link runDemo} trains on, where it writes and how big it is. */
export interface DemoOptions {
  readonly logdir: string;
  /** tfjs, loaded on its backend (by @tb/core's `chooseBackend`, as `writeDemo` does). */
  readonly tf: Tfjs;
  readonly backend: BackendInfo;
  readonly size?: DemoSize;
  /** Progress lines. */
  readonly log?: (line: string) => void;
}

/** What {@link runDemo} did: for the progress line and for tests. */
export interface DemoReport {
  readonly seconds: number;
  /** The runs written, `.` being the log root. */
  readonly runs: readonly string[];
  /** The last epoch's validation accuracy (0..1) of each optimizer's run. */
  readonly validationAccuracy: Readonly<Record<string, number>>;
  /** The profile runs written (Kineto traces, no event files), e.g. `profile/batch_32`. */
  readonly profileRuns: readonly string[];
}

const OPTIMIZERS: readonly Pick<ModelOptions, 'optimizer' | 'learningRate'>[] = [
  { optimizer: 'adam', learningRate: 0.001 },
  { optimizer: 'sgd', learningRate: 0.05 },
];

/** Writes the demo's logs into `o.logdir` (which should be empty or new). */
export async function runDemo(o: DemoOptions): Promise<DemoReport> {
  const { tf, logdir } = o;
  const size = o.size ?? DEFAULT_SIZE;
  const log = o.log ?? (() => {});
  const t0 = performance.now();
  const train = makeDigits(size.train, 1);
  const validation = makeDigits(size.validation, 2);
  log(`drew ${size.train} training and ${size.validation} validation digits (${secondsSince(t0)} s)`);

  const root = new SummaryWriter(logdir);
  root.addText('demo/about', aboutMarkdown(size, o.backend), 0);
  // Each digit's tone (a 0.4 s sine, 220 Hz for 0 up by semitones), as a sonification
  // example for the Audio tab, like PyTorch's add_audio.
  for (let digit = 0; digit < 10; digit += 3) {
    const rate = 8000;
    const hz = 220 * 2 ** (digit / 12);
    const samples = Float32Array.from({ length: rate * 0.4 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / rate) * Math.min(1, (rate * 0.4 - i) / 400));
    root.addAudio('demo/digit_tones', samples, digit, rate);
  }
  // A custom scalars layout, as PyTorch's add_custom_scalars writes one: adam vs sgd on one chart.
  root.addCustomScalars({
    categories: [
      { title: 'optimizers', charts: [{ title: 'epoch loss, adam vs sgd', multiline: ['^epoch_loss$'] }, { title: 'epoch accuracy', multiline: ['^epoch_accuracy$'] }] },
    ],
  });
  const accuracy: Record<string, number> = {};
  const runs: string[] = [];
  let embeddingModel: ReturnType<typeof digitModel> | null = null;
  let profileRuns: string[] = [];

  const xs = tf.tensor3d(train.images, [size.train, SIDE, SIDE]);
  const ys = tf.tensor1d(train.labels, 'float32');
  const vx = tf.tensor3d(validation.images, [size.validation, SIDE, SIDE]);
  const vy = tf.tensor1d(validation.labels, 'float32');
  try {
    for (const opt of OPTIMIZERS) {
      const name = opt.optimizer;
      const options: ModelOptions = { ...opt, units: 100, dropout: 0, seed: 7 };
      const model = digitModel(tf, options);
      const trainExtra = new SummaryWriter(path.join(logdir, name, 'train'));
      const valExtra = new SummaryWriter(path.join(logdir, name, 'validation'));
      trainExtra.addText('notes', runNotes(options, size), 0);
      trainExtra.addImage('samples/grid', tileDigits(train.images, 40, 10), 0);
      const t1 = performance.now();
      const history = await model.fit(xs, ys, {
        epochs: size.epochs,
        batchSize: 32,
        validationData: [vx, vy],
        shuffle: true,
        verbose: 0,
        callbacks: [
          tensorBoard(path.join(logdir, name), { histogramFreq: 1, updateFreq: 'batch' }),
          new tf.CustomCallback({
            onEpochEnd: async (epoch, logs) => {
              logEpochImages(tf, model, validation, vx, valExtra, epoch);
              log(`${name} epoch ${epoch + 1}/${size.epochs}: loss ${fmt(logs?.loss)} accuracy ${fmt(logs?.acc)}, validation accuracy ${fmt(logs?.val_acc)}`);
            },
          }),
        ],
      });
      const valAcc = history.history.val_acc as number[];
      accuracy[name] = valAcc[valAcc.length - 1]!;
      log(`${name}: trained ${size.epochs} epochs in ${secondsSince(t1)} s`);
      await Promise.all([trainExtra.close(), valExtra.close()]);
      runs.push(`${name}/train`, `${name}/validation`);
      if (name === 'adam') embeddingModel = model;
      else model.dispose();
    }

    if (embeddingModel) {
      logEmbedding(tf, embeddingModel, validation, root, size.embedded, size.epochs);
      embeddingModel.dispose();
      log(`embedded ${size.embedded} validation digits (hidden layer, 100 dimensions) with a sprite`);
    }
    const t2 = performance.now();
    runs.push(...(await sweep(tf, logdir, train, validation, size)));
    log(`hparams sweep: ${runs.filter((r) => r.startsWith('hparam_tuning/')).length} runs in ${secondsSince(t2)} s`);
    const t3 = performance.now();
    profileRuns = await writeProfiles({ tf, logdir, data: train });
    log(`profiles: ${profileRuns.join(', ')} (${PROFILE_STEPS} steps each) in ${secondsSince(t3)} s`);
  } finally {
    tf.dispose([xs, ys, vx, vy]);
    await root.close();
  }
  runs.push('.');
  return { seconds: (performance.now() - t0) / 1000, runs, validationAccuracy: accuracy, profileRuns };
}

/** The confusion matrix, the first misclassified digits and PR curves of 4 and 9, at `epoch`. */
function logEpochImages(tf: Tfjs, model: ReturnType<typeof digitModel>, validation: Digits, vx: unknown, writer: SummaryWriter, epoch: number): void {
  const probabilities = tf.tidy(() => (model.predict(vx as Parameters<typeof model.predict>[0]) as ReturnType<Tfjs['tensor2d']>).dataSync() as Float32Array);
  const predicted = new Int32Array(validation.count);
  for (let i = 0; i < validation.count; i++) {
    let best = 0;
    for (let c = 1; c < 10; c++) if (probabilities[i * 10 + c]! > probabilities[i * 10 + best]!) best = c;
    predicted[i] = best;
  }
  writer.addImage('confusion_matrix', drawConfusion(confusionMatrix(validation.labels, predicted, 10), 10), epoch);
  const wrong: number[] = [];
  for (let i = 0; i < validation.count && wrong.length < 8; i++) if (predicted[i] !== validation.labels[i]) wrong.push(i);
  if (wrong.length > 0) {
    writer.addImages('misclassified', wrong.map((i) => grayImage(digitImage(validation, i))), epoch);
  }
  for (const digit of [4, 9]) {
    const labels = Array.from(validation.labels, (l) => l === digit);
    const scores = Array.from({ length: validation.count }, (_, i) => probabilities[i * 10 + digit]!);
    writer.addPrCurve(`pr/digit_${digit}`, labels, scores, epoch);
  }
}

/** The hidden layer's activations of the first `count` validation digits, with labels, predictions and a sprite. */
function logEmbedding(tf: Tfjs, model: ReturnType<typeof digitModel>, validation: Digits, writer: SummaryWriter, count: number, step: number): void {
  const images = tf.tensor3d(validation.images.subarray(0, count * PIXELS), [count, SIDE, SIDE]);
  const hidden = tf.model({ inputs: model.inputs, outputs: model.getLayer('dense').output });
  const [activations, probabilities] = tf.tidy(() => [
    (hidden.predict(images) as ReturnType<Tfjs['tensor2d']>).dataSync() as Float32Array,
    (model.predict(images) as ReturnType<Tfjs['tensor2d']>).argMax(-1).dataSync() as Int32Array,
  ] as const);
  images.dispose();
  const units = activations.length / count;
  writer.addEmbedding(
    { data: activations, shape: [count, units] },
    {
      metadata: Array.from({ length: count }, (_, i) => [validation.labels[i]!, probabilities[i]!]),
      metadataHeader: ['label', 'predicted'],
      labelImages: Array.from({ length: count }, (_, i) => grayImage(digitImage(validation, i))),
      tag: 'hidden_dense',
      globalStep: step,
    },
  );
}

/** A 28x28 digit (0..1) as @tb/writer image data. */
export function grayImage(pixels: Float32Array): { data: Float32Array; width: number; height: number; channels: 1 } {
  return { data: pixels, width: SIDE, height: SIDE, channels: 1 };
}

function fmt(v: number | undefined): string {
  return v === undefined ? '?' : v.toFixed(4);
}

function secondsSince(t: number): string {
  return ((performance.now() - t) / 1000).toFixed(1);
}

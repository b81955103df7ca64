/**
 * `SummaryWriter`: PyTorch's torch.utils.tensorboard API in TypeScript. Each method
 * encodes one TF2-style summary (a tensor with plugin_data, as tf.summary writes it) and
 * queues it; files are written asynchronously (see ./event-file.ts).
 *
 * @example
 * const w = new SummaryWriter('logs/run1');
 * for (let step = 0; step < 100; step++) w.addScalar('loss', Math.exp(-step / 20), step);
 * await w.close();
 */
import path from 'node:path';
import { writeEmbedding, type EmbeddingMatrix, type EmbeddingOptions } from './embedding.js';
import { EventFile, type EventFileOptions } from './event-file.js';
import { modelGraphDef, type ModelLike } from './graph.js';
import { experimentValue, sessionEndValue, sessionStartValue, type HParamValue } from './hparams.js';
import { DEFAULT_BINS, histogramBuckets, rawBuckets, type RawHistogram } from './histogram.js';
import { encodePng, type ImageData } from './image.js';
import {
  DataClass,
  doubleTensor,
  eventProto,
  floatTensor,
  stringTensor,
  summaryValue,
  type Metadata,
  type Tensor,
} from './messages.js';
import { ProtoWriter } from './proto.js';
import { DEFAULT_THRESHOLDS, prCurveTable } from './pr-curve.js';
import { encodeWav } from './wav.js';
import { encodeLayout, type CustomScalarsLayout } from './custom-scalars.js';

const utf8 = new TextEncoder();
const now = () => Date.now() / 1000;

export type SummaryWriterOptions = EventFileOptions;

export interface HparamsOptions {
  /** Sub-run (relative to the writer's log dir) for the session; default: the time in ms. `.` is the writer's own run. */
  readonly runName?: string;
  /** Discrete values per hyper-parameter, for the hparams dashboard's filters. */
  readonly hparamDomains?: Readonly<Record<string, readonly HParamValue[]>>;
}

/**
 * Writes one run's event file (and sub-runs' for addScalars / addHparams). Steps default
 * to 0 and wall times to now, in seconds, as in PyTorch.
 */
export class SummaryWriter {
  readonly logdir: string;
  private readonly options: SummaryWriterOptions;
  private readonly file: EventFile;
  private readonly children = new Map<string, SummaryWriter>();
  /** Tags whose metadata this file has written (TF writes it on a tag's first value only). */
  private readonly described = new Set<string>();

  constructor(logdir: string, options: SummaryWriterOptions = {}) {
    this.logdir = logdir;
    this.options = options;
    this.file = new EventFile(logdir, options);
  }

  /** The event file being written. */
  get path(): string {
    return this.file.path;
  }

  /** A float32 scalar (plugin `scalars`), as tf.summary.scalar writes it. */
  addScalar(tag: string, value: number, step = 0, wallTime = now()): void {
    this.add(tag, { pluginName: 'scalars', dataClass: DataClass.SCALAR }, floatTensor([value], []), step, wallTime);
  }

  /** One sub-run `<logdir>/<mainTag>_<key>` per key, each with tag `mainTag`, as PyTorch does. */
  addScalars(mainTag: string, values: Readonly<Record<string, number>>, step = 0, wallTime = now()): void {
    for (const [key, value] of Object.entries(values)) {
      this.child(`${mainTag.replace(/\//g, '_')}_${key}`).addScalar(mainTag, value, step, wallTime);
    }
  }

  /** A histogram of raw values, bucketed as tf.summary.histogram does (30 equal-width buckets). */
  addHistogram(tag: string, values: ArrayLike<number>, step = 0, options: { bins?: 'tensorflow' | number; wallTime?: number } = {}): void {
    const bins = typeof options.bins === 'number' ? options.bins : DEFAULT_BINS;
    this.addBuckets(tag, histogramBuckets(values, bins), step, options.wallTime ?? now());
  }

  /** A histogram from given buckets (PyTorch's add_histogram_raw), as TensorBoard converts such a HistogramProto. */
  addHistogramRaw(tag: string, h: RawHistogram, step = 0, wallTime = now()): void {
    this.addBuckets(tag, rawBuckets(h), step, wallTime);
  }

  /** One image as PNG (plugin `images`): the tensor [width, height, png]. */
  addImage(tag: string, image: ImageData, step = 0, wallTime = now()): void {
    this.addImages(tag, [image], step, wallTime);
  }

  /** Several samples in one summary: [width, height, png1, png2, ...]; all the same size. */
  addImages(tag: string, images: readonly ImageData[], step = 0, wallTime = now()): void {
    if (images.length === 0) throw new RangeError(`addImages('${tag}'): no images`);
    const { width, height } = images[0]!;
    const pngs = images.map((img, i) => {
      if (img.width !== width || img.height !== height) {
        throw new RangeError(`addImages('${tag}'): image ${i} is ${img.width}x${img.height}, the first is ${width}x${height}`);
      }
      return encodePng(img);
    });
    const blobs = [utf8.encode(String(width)), utf8.encode(String(height)), ...pngs];
    this.add(tag, { pluginName: 'images', dataClass: DataClass.BLOB_SEQUENCE }, stringTensor(blobs, [blobs.length]), step, wallTime);
  }

  /** Markdown text. */
  addText(tag: string, markdown: string, step = 0, wallTime = now()): void {
    this.add(tag, { pluginName: 'text', dataClass: DataClass.TENSOR }, stringTensor([utf8.encode(markdown)], []), step, wallTime);
  }

  /** Mono audio in -1..1, stored as a 16-bit WAV. */
  addAudio(tag: string, samples: ArrayLike<number>, step = 0, sampleRate = 44100, wallTime = now()): void {
    const wav = encodeWav(samples, sampleRate);
    const content = new ProtoWriter().varint(2, 11).finish(); // AudioPluginData { encoding: WAV }
    this.add(tag, { pluginName: 'audio', content, dataClass: DataClass.BLOB_SEQUENCE }, stringTensor([wav, new Uint8Array(0)], [1, 2]), step, wallTime);
  }

  /** A precision-recall curve of binary `labels` against `predictions` in [0, 1]. */
  addPrCurve(tag: string, labels: ArrayLike<number | boolean>, predictions: ArrayLike<number>, step = 0, options: { numThresholds?: number; wallTime?: number } = {}): void {
    const n = options.numThresholds ?? DEFAULT_THRESHOLDS;
    const content = new ProtoWriter().varint(2, n).finish(); // PrCurvePluginData { num_thresholds }
    this.add(tag, { pluginName: 'pr_curves', content, dataClass: DataClass.UNKNOWN }, floatTensor(prCurveTable(labels, predictions, n), [6, n]), step, options.wallTime ?? now());
  }

  /**
   * The graph of a tfjs LayersModel (each layer a name scope of its ops), and its Keras
   * config under the tag `keras` (plugin `graph_keras_model`), as Keras's callback writes.
   * @example w.addGraph(tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 2 })] }))
   */
  addGraph(model: ModelLike): void {
    const wallTime = now();
    this.file.add(eventProto(wallTime, 0, { graphDef: modelGraphDef(model) }));
    const json = model.toJSON?.(null, false);
    if (json !== undefined) {
      const text = typeof json === 'string' ? json : JSON.stringify(json);
      const metadata = { pluginName: 'graph_keras_model', content: utf8.encode('1'), dataClass: DataClass.UNKNOWN };
      this.add('keras', metadata, stringTensor([utf8.encode(text)], []), 0, wallTime);
    }
  }

  /**
   * One hparams session, as PyTorch's add_hparams: a sub-run with the experiment, the
   * session's start and end, and each metric as a scalar.
   */
  addHparams(hparams: Readonly<Record<string, HParamValue>>, metrics: Readonly<Record<string, number>>, options: HparamsOptions = {}): void {
    const run = options.runName ?? String(Date.now());
    const target = run === '.' ? this : this.child(run);
    const wallTime = now();
    target.file.add(eventProto(wallTime, 0, { summary: [experimentValue(hparams, Object.keys(metrics), options.hparamDomains)] }));
    target.file.add(eventProto(wallTime, 0, { summary: [sessionStartValue(hparams)] }));
    target.file.add(eventProto(wallTime, 0, { summary: [sessionEndValue()] }));
    for (const [tag, value] of Object.entries(metrics)) target.addScalar(tag, value, 0, wallTime);
  }

  /** Projector files (tensors, metadata, sprite) under the log dir; see ./embedding.ts. */
  addEmbedding(mat: EmbeddingMatrix, options: EmbeddingOptions = {}): void {
    writeEmbedding(this.logdir, mat, options);
  }

  /** Writes everything queued, here and in sub-runs. */
  async flush(): Promise<void> {
    await Promise.all([this.file.flush(), ...[...this.children.values()].map((c) => c.flush())]);
  }

  /** Flushes and closes every file. */
  async close(): Promise<void> {
    await Promise.all([this.file.close(), ...[...this.children.values()].map((c) => c.close())]);
  }

  /**
   * The custom scalars layout (PyTorch's add_custom_scalars): the summary
   * `custom_scalars__config__` whose string tensor holds the Layout, at step 0.
   */
  addCustomScalars(layout: CustomScalarsLayout, wallTime = now()): void {
    this.add('custom_scalars__config__', { pluginName: 'custom_scalars', dataClass: DataClass.UNKNOWN }, stringTensor([encodeLayout(layout)], []), 0, wallTime);
  }

  private addBuckets(tag: string, buckets: Float64Array, step: number, wallTime: number): void {
    this.add(tag, { pluginName: 'histograms', dataClass: DataClass.TENSOR }, doubleTensor(buckets, [buckets.length / 3, 3]), step, wallTime);
  }

  private add(tag: string, metadata: Metadata, tensor: Tensor, step: number, wallTime: number): void {
    if (!Number.isSafeInteger(step)) throw new RangeError(`'${tag}': step should be a whole number, found ${step}`);
    const first = !this.described.has(tag);
    this.described.add(tag);
    const value = summaryValue(tag, first ? metadata : null, tensor);
    this.file.add(eventProto(wallTime, step, { summary: [value] }));
  }

  private child(run: string): SummaryWriter {
    let w = this.children.get(run);
    if (!w) {
      w = new SummaryWriter(path.join(this.logdir, run), this.options);
      this.children.set(run, w);
    }
    return w;
  }
}

/**
 * @tb/writer: TensorBoard event files from TypeScript, with no libtensorflow. The
 * tfjs callback lives in `@tb/writer/tfjs` so that this entry needs no tfjs.
 */
export { SummaryWriter, type SummaryWriterOptions, type HparamsOptions } from './summary-writer.js';
export type { ImageData } from './image.js';
export type { RawHistogram } from './histogram.js';
export type { EmbeddingMatrix, EmbeddingOptions } from './embedding.js';
export type { HParamValue } from './hparams.js';
export type { ModelLike, LayerLike } from './graph.js';
export { encodePng } from './image.js';
export { encodeWav } from './wav.js';
export { histogramBuckets } from './histogram.js';
export { prCurveTable } from './pr-curve.js';
export { frameRecord } from './record.js';
export { crc32c, maskCrc } from './crc32c.js';
export { encodeLayout, type CustomScalarsLayout, type CustomCategory, type CustomChart, type MarginSeries } from './custom-scalars.js';

/**
 * `@tb/core/events`: the data layer's insides, for tools rather than plugins (the
 * benchmarks, a writer's round-trip tests, `inspect`-like scripts): the TFRecord reader
 * and framing, CRC32C, the Event decoders and encoders with their generated types, and
 * the log-root multiplexer that turns a log directory into a DataProvider. Plugins read
 * through `@tb/core/plugin`'s DataProvider instead.
 */
export { crc32c, maskCrc, maskedCrc32c } from './events/crc32c.js';
export { TfRecordReader, readRecordAt, encodeRecord, type ReadReport } from './events/tfrecord.js';
export { readRawEvent, type RawEvent, type RawValue } from './events/raw-event.js';
export { tensorFromProto } from './events/tensor.js';
export * from './events/proto.js';
export { LogRootMultiplexer, type MultiplexerOptions, type LoadingStatus, type RunProgress, type ChangeListener } from './multiplexer/multiplexer.js';
export type { LoadProblem } from './multiplexer/run-loader.js';
export { parseLogRoots, type LogRoot } from './multiplexer/log-root.js';
export { parseSamplesPerPlugin, DEFAULT_SAMPLES, type SamplesPerPlugin } from './multiplexer/samples.js';
export type { DataProvider, RunInfo, TagInfo, TagListing, ScalarSeries, TensorDatum, BlobReference, BlobSequenceDatum, LogFile, ReadOptions, TensorValue, TensorDtype } from './multiplexer/data-provider.js';
export { consoleLogger, memoryLogger, silentLogger, type Logger } from './logger.js';
export { InlineDecoders, sharedIngestPool, type IngestPool } from './multiplexer/ingest/pool.js';
export { WorkerDecoders } from './multiplexer/ingest/worker-decoders.js';

/**
 * @tb/core: the data layer of tb-core. Turns a log directory into typed data that
 * plugins read through the {@link DataProvider}.
 */
export * from './errors.js';
export * from './logger.js';
export type * from './multiplexer/data-provider.js';
export { LogRootMultiplexer, type MultiplexerOptions, type LoadingStatus, type ChangeListener } from './multiplexer/multiplexer.js';
export type { LoadProblem } from './multiplexer/run-loader.js';
export { parseLogRoots, type LogRoot } from './multiplexer/log-root.js';
export { parseSamplesPerPlugin, DEFAULT_SAMPLES, type SamplesPerPlugin } from './multiplexer/samples.js';
export { crc32c, maskCrc, maskedCrc32c } from './events/crc32c.js';
export { TfRecordReader, readRecordAt, encodeRecord, type ReadReport } from './events/tfrecord.js';
export { readRawEvent, type RawEvent, type RawValue } from './events/raw-event.js';
export { tensorFromProto } from './events/tensor.js';
export {
  definePlugin,
  isPlugin,
  PluginError,
  PLUGIN_ID_PATTERN,
  type Plugin,
  type PluginDefinition,
  type PluginFrontend,
  type Needs,
  type Deps,
} from './plugins/define-plugin.js';
export {
  token,
  DataProviderToken,
  ComputeRunnerToken,
  FlagsToken,
  LoggerToken,
  type Token,
  type TokenType,
} from './plugins/tokens.js';
export { CpuComputeRunner, type ComputeRunner, type ComputeBackend, type BackendInfo } from './compute/runner.js';
export { chooseBackend, parseBackend, BACKEND_ORDER, type Tfjs, type ChooseOptions } from './compute/backend.js';
export { createComputeRunner } from './compute/create.js';
export { TfjsComputeRunner } from './compute/tfjs-runner.js';
export { parseServeFlags, FlagError, type ServeFlags } from './cli/flags.js';
export { serve, type Running, type ServeOptions } from './cli/serve.js';
export { createApp, type AppOptions } from './server/app.js';
export { hostPlugins, ServiceRegistry, type HostedPlugin } from './plugins/host.js';
export {
  decodeEvent,
  decodeSummary,
  decodeSummaryMetadata,
  decodeTensorProto,
  decodeHistogramProto,
  decodeGraphDef,
  decodeHParamsPluginData,
  decodeScalarPluginData,
  decodeHistogramPluginData,
  decodeImagePluginData,
  decodeAudioPluginData,
  decodeTextPluginData,
  decodePrCurvePluginData,
  protobufValueToJson,
  ProtoDecodeError,
} from './events/proto.js';
export type {
  EventWhat,
  EventMessage,
  SourceMetadataMessage,
  LogMessageMessage,
  SessionLogMessage,
  TaggedRunMetadataMessage,
  SummaryMessage,
  SummaryValueKind,
  SummaryValueMessage,
  SummaryMetadataMessage,
  PluginDataMessage,
  SummaryImageMessage,
  SummaryAudioMessage,
  HistogramProtoMessage,
  TensorProtoMessage,
  TensorShapeProtoMessage,
  TensorShapeDimMessage,
  GraphDefMessage,
  FunctionDefLibraryMessage,
  VersionDefMessage,
  NodeDefMessage,
  AttrValueKind,
  AttrValueMessage,
  AttrListValueMessage,
  NameAttrListMessage,
  ScalarPluginDataMessage,
  HistogramPluginDataMessage,
  ImagePluginDataMessage,
  AudioPluginDataMessage,
  TextPluginDataMessage,
  PrCurvePluginDataMessage,
  ProtobufValueKind,
  ProtobufValue,
  ProtobufStruct,
  ProtobufListValue,
  JsonValue,
  HParamsDataKind,
  HParamsPluginDataMessage,
  ExperimentMessage,
  HParamInfoMessage,
  IntervalMessage,
  MetricNameMessage,
  MetricInfoMessage,
  SessionStartInfoMessage,
  SessionEndInfoMessage,
  DeepPartial,
} from './events/proto-types.js';
export { markdownToSafeHtml } from './text/markdown.js';

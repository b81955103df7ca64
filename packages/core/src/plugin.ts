/**
 * `@tb/core/plugin`: everything a plugin imports, and nothing else. A plugin is a
 * metadata file plus pure functions: `definePlugin` with its routes as data, the tokens
 * of the services it may ask for, the DataProvider's types, the error family that
 * becomes HTTP answers, and schemas for route input (zod, re-exported as `z`, and
 * ready-made `field` schemas). Tests use `@tb/core/testing`.
 *
 * @example
 * import { definePlugin, routeFor, DataProviderToken, field, z } from '@tb/core/plugin';
 */
export { definePlugin, isPlugin, PluginError, PLUGIN_ID_PATTERN, type Plugin, type PluginDefinition } from './plugins/define-plugin.js';
export type { Needs, Deps } from './plugins/needs.js';
export {
  routeFor,
  reply,
  isReply,
  type AnyRoute,
  type BodyKind,
  type RawFields,
  type Reply,
  type RouteDefinition,
  type RouteInput,
  type RouteMethod,
  type RouteResult,
} from './plugins/route.js';
export type { StandardSchema, SchemaIssue, SchemaResult, SchemaOutput } from './plugins/standard-schema.js';
export { field } from './plugins/fields.js';
export { compileRegex, MAX_REGEX_LENGTH, type LinearRegex } from './plugins/regex.js';
export { z } from 'zod';
export {
  token,
  DataProviderToken,
  ComputeRunnerToken,
  FlagsToken,
  LoggerToken,
  type Token,
  type TokenType,
  type PluginFlags,
} from './plugins/tokens.js';
export { HttpError, NotFoundError, InvalidArgumentError } from './errors.js';
export { AnswerCache, acceptsGzip, cacheFor, cachedJson, replyJson, type Answer } from './plugins/answer-cache.js';
export type * from './multiplexer/data-provider.js';
export type { Logger } from './logger.js';
export type {
  ComputeRunner,
  ComputeBackend,
  BackendInfo,
  JobOptions,
  JobProgress,
  KnnMetric,
  KnnOptions,
  KnnResult,
  PcaOptions,
  PcaResult,
  TsneOptions,
  UmapOptions,
} from './compute/runner.js';
export { markdownToSafeHtml } from './text/markdown.js';
export { pyRound, reprFloat, reprInt } from './text/python-numbers.js';
export { crc32c, maskCrc, maskedCrc32c } from './events/crc32c.js';
export {
  decodeHParamsPluginData,
  decodeScalarPluginData,
  decodeHistogramPluginData,
  decodeImagePluginData,
  decodeAudioPluginData,
  decodeTextPluginData,
  decodePrCurvePluginData,
  decodeGraphDef,
  decodeTensorProto,
  protobufValueToJson,
  ProtoDecodeError,
} from './events/proto.js';
export type {
  GraphDefMessage,
  NodeDefMessage,
  AttrValueMessage,
  TensorProtoMessage,
  HParamsPluginDataMessage,
  ExperimentMessage,
  HParamInfoMessage,
  MetricInfoMessage,
  SessionStartInfoMessage,
  SessionEndInfoMessage,
  ScalarPluginDataMessage,
  HistogramPluginDataMessage,
  ImagePluginDataMessage,
  AudioPluginDataMessage,
  TextPluginDataMessage,
  PrCurvePluginDataMessage,
  JsonValue,
} from './events/proto-types.js';

/**
 * Plain-object shapes of the decoded messages of `proto/*.proto`, as `proto.ts` returns
 * them. Conventions, for every interface here:
 *
 * - field names are camelCase;
 * - int64 / uint64 fields are JS numbers (exact up to 2^53, rounded beyond);
 * - enums are numbers, including values this schema does not name;
 * - absent scalars, strings and bytes are their proto3 defaults (0, '', false, an empty
 *   Uint8Array); absent repeated fields are []; absent maps are {};
 * - absent sub-messages that are not in a oneof are `null`;
 * - members of a oneof are present only when set (otherwise `undefined`), and the oneof
 *   itself is a string naming the member that is set (e.g. `event.what === 'summary'`);
 * - decoded bytes fields are views into the decoded input, not copies.
 */

/** The `SummaryMetadata.data_class` values. */
export const DataClass = {
  UNKNOWN: 0,
  SCALAR: 1,
  TENSOR: 2,
  BLOB_SEQUENCE: 3,
} as const;

/** The `SessionLog.status` values. */
export const SessionStatus = {
  STATUS_UNSPECIFIED: 0,
  START: 1,
  STOP: 2,
  CHECKPOINT: 3,
} as const;

/** The `LogMessage.level` values. */
export const LogLevel = {
  UNKNOWN: 0,
  DEBUGGING: 10,
  INFO: 20,
  WARN: 30,
  ERROR: 40,
  FATAL: 50,
} as const;

/** TensorFlow's `DataType` (tensor element types) values. */
export const DataType = {
  DT_INVALID: 0,
  DT_FLOAT: 1,
  DT_DOUBLE: 2,
  DT_INT32: 3,
  DT_UINT8: 4,
  DT_INT16: 5,
  DT_INT8: 6,
  DT_STRING: 7,
  DT_COMPLEX64: 8,
  DT_INT64: 9,
  DT_BOOL: 10,
  DT_QINT8: 11,
  DT_QUINT8: 12,
  DT_QINT32: 13,
  DT_BFLOAT16: 14,
  DT_QINT16: 15,
  DT_QUINT16: 16,
  DT_UINT16: 17,
  DT_COMPLEX128: 18,
  DT_HALF: 19,
  DT_RESOURCE: 20,
  DT_VARIANT: 21,
  DT_UINT32: 22,
  DT_UINT64: 23,
  DT_FLOAT8_E5M2: 24,
  DT_FLOAT8_E4M3FN: 25,
  DT_FLOAT8_E4M3FNUZ: 26,
  DT_FLOAT8_E4M3B11FNUZ: 27,
  DT_FLOAT8_E5M2FNUZ: 28,
  DT_INT4: 29,
  DT_UINT4: 30,
  DT_INT2: 31,
  DT_UINT2: 32,
  DT_FLOAT4_E2M1FN: 33,
} as const;

/** The `AudioPluginData.encoding` values. */
export const AudioEncoding = {
  UNKNOWN: 0,
  WAV: 11,
} as const;

/** The hparams plugin's `DataType` (type of a hyperparameter) values. */
export const HParamDataType = {
  DATA_TYPE_UNSET: 0,
  DATA_TYPE_STRING: 1,
  DATA_TYPE_BOOL: 2,
  DATA_TYPE_FLOAT64: 3,
} as const;

/** The hparams plugin's `DatasetType` values. */
export const DatasetType = {
  DATASET_UNKNOWN: 0,
  DATASET_TRAINING: 1,
  DATASET_VALIDATION: 2,
} as const;

/** The hparams plugin's session `Status` values. */
export const HParamsStatus = {
  STATUS_UNKNOWN: 0,
  STATUS_SUCCESS: 1,
  STATUS_FAILURE: 2,
  STATUS_RUNNING: 3,
} as const;

// ---------------------------------------------------------------------------
// event.proto

/** Which member of `Event.what` is set. */
export type EventWhat =
  | 'fileVersion'
  | 'graphDef'
  | 'summary'
  | 'logMessage'
  | 'sessionLog'
  | 'taggedRunMetadata'
  | 'metaGraphDef';

/** tensorboard.Event: one record of an event file. */
export interface EventMessage {
  /** Seconds since the epoch. */
  wallTime: number;
  step: number;
  /** The member of the `what` oneof that is set; undefined when none is. */
  what?: EventWhat;
  /** e.g. 'brain.Event:2'. */
  fileVersion?: string;
  /** Serialized GraphDef (see `decodeGraphDef`). */
  graphDef?: Uint8Array;
  summary?: SummaryMessage;
  logMessage?: LogMessageMessage;
  sessionLog?: SessionLogMessage;
  taggedRunMetadata?: TaggedRunMetadataMessage;
  /** Serialized MetaGraphDef (not decoded by this module). */
  metaGraphDef?: Uint8Array;
  sourceMetadata: SourceMetadataMessage | null;
}

/** tensorboard.SourceMetadata. */
export interface SourceMetadataMessage {
  writer: string;
}

/** tensorboard.LogMessage (deprecated upstream). */
export interface LogMessageMessage {
  /** A {@link LogLevel} value. */
  level: number;
  message: string;
}

/** tensorboard.SessionLog. */
export interface SessionLogMessage {
  /** A {@link SessionStatus} value. */
  status: number;
  checkpointPath: string;
  msg: string;
}

/** tensorboard.TaggedRunMetadata. */
export interface TaggedRunMetadataMessage {
  tag: string;
  /** Serialized RunMetadata (not decoded by this module). */
  runMetadata: Uint8Array;
}

// ---------------------------------------------------------------------------
// summary.proto, histogram.proto

/** tensorboard.Summary. */
export interface SummaryMessage {
  value: SummaryValueMessage[];
}

/** Which member of `Summary.Value.value` is set. */
export type SummaryValueKind =
  | 'simpleValue'
  | 'obsoleteOldStyleHistogram'
  | 'image'
  | 'histo'
  | 'audio'
  | 'tensor';

/** tensorboard.Summary.Value. */
export interface SummaryValueMessage {
  tag: string;
  /** Only in very old files. */
  nodeName: string;
  /** Usually only on the first value of a tag (TF2 writers), else null. */
  metadata: SummaryMetadataMessage | null;
  /** The member of the `value` oneof that is set; undefined when none is. */
  value?: SummaryValueKind;
  /** A float32, widened. */
  simpleValue?: number;
  obsoleteOldStyleHistogram?: Uint8Array;
  image?: SummaryImageMessage;
  histo?: HistogramProtoMessage;
  audio?: SummaryAudioMessage;
  tensor?: TensorProtoMessage;
}

/** tensorboard.SummaryMetadata. */
export interface SummaryMetadataMessage {
  pluginData: PluginDataMessage | null;
  displayName: string;
  summaryDescription: string;
  /** A {@link DataClass} value. */
  dataClass: number;
}

/** tensorboard.SummaryMetadata.PluginData. */
export interface PluginDataMessage {
  pluginName: string;
  /** Plugin-specific, usually a serialized *PluginData message. */
  content: Uint8Array;
}

/** tensorboard.Summary.Image. */
export interface SummaryImageMessage {
  height: number;
  width: number;
  colorspace: number;
  encodedImageString: Uint8Array;
}

/** tensorboard.Summary.Audio. */
export interface SummaryAudioMessage {
  sampleRate: number;
  numChannels: number;
  lengthFrames: number;
  encodedAudioString: Uint8Array;
  contentType: string;
}

/** tensorboard.HistogramProto. */
export interface HistogramProtoMessage {
  min: number;
  max: number;
  num: number;
  sum: number;
  sumSquares: number;
  /** Right edges of the buckets. */
  bucketLimit: number[];
  /** Counts, parallel to bucketLimit. */
  bucket: number[];
}

// ---------------------------------------------------------------------------
// tensor.proto, tensor_shape.proto

/** tensorboard.TensorProto. */
export interface TensorProtoMessage {
  /** A {@link DataType} value. */
  dtype: number;
  tensorShape: TensorShapeProtoMessage | null;
  versionNumber: number;
  tensorContent: Uint8Array;
  halfVal: number[];
  floatVal: number[];
  doubleVal: number[];
  intVal: number[];
  stringVal: Uint8Array[];
  scomplexVal: number[];
  int64Val: number[];
  boolVal: boolean[];
  dcomplexVal: number[];
  uint32Val: number[];
  uint64Val: number[];
  float8Val: Uint8Array;
}

/** tensorboard.TensorShapeProto. */
export interface TensorShapeProtoMessage {
  dim: TensorShapeDimMessage[];
  unknownRank: boolean;
}

/** tensorboard.TensorShapeProto.Dim. */
export interface TensorShapeDimMessage {
  /** -1 when unknown. */
  size: number;
  name: string;
}

// ---------------------------------------------------------------------------
// graph.proto

/** tensorboard.GraphDef. */
export interface GraphDefMessage {
  node: NodeDefMessage[];
  versions: VersionDefMessage | null;
  version: number;
  /** Function definitions are not decoded: an empty object when present. */
  library: FunctionDefLibraryMessage | null;
}

/** tensorboard.FunctionDefLibrary, kept opaque. */
export type FunctionDefLibraryMessage = Record<string, never>;

/** tensorboard.VersionDef. */
export interface VersionDefMessage {
  producer: number;
  minConsumer: number;
  badConsumers: number[];
}

/** tensorboard.NodeDef. */
export interface NodeDefMessage {
  name: string;
  op: string;
  input: string[];
  device: string;
  attr: Record<string, AttrValueMessage>;
}

/** Which member of `AttrValue.value` is set. */
export type AttrValueKind =
  | 's'
  | 'i'
  | 'f'
  | 'b'
  | 'type'
  | 'shape'
  | 'tensor'
  | 'list'
  | 'func'
  | 'placeholder';

/** tensorboard.AttrValue. */
export interface AttrValueMessage {
  value?: AttrValueKind;
  s?: Uint8Array;
  i?: number;
  f?: number;
  b?: boolean;
  /** A {@link DataType} value. */
  type?: number;
  shape?: TensorShapeProtoMessage;
  tensor?: TensorProtoMessage;
  list?: AttrListValueMessage;
  func?: NameAttrListMessage;
  placeholder?: string;
}

/** tensorboard.AttrValue.ListValue. */
export interface AttrListValueMessage {
  s: Uint8Array[];
  i: number[];
  f: number[];
  b: boolean[];
  type: number[];
  shape: TensorShapeProtoMessage[];
  tensor: TensorProtoMessage[];
  func: NameAttrListMessage[];
}

/** tensorboard.NameAttrList. */
export interface NameAttrListMessage {
  name: string;
  attr: Record<string, AttrValueMessage>;
}

// ---------------------------------------------------------------------------
// plugins/plugin_data.proto

/** tensorboard.ScalarPluginData (plugin "scalars"). */
export interface ScalarPluginDataMessage {
  version: number;
}

/** tensorboard.HistogramPluginData (plugin "histograms"). */
export interface HistogramPluginDataMessage {
  version: number;
}

/** tensorboard.ImagePluginData (plugin "images"). */
export interface ImagePluginDataMessage {
  version: number;
  convertedToTensor: boolean;
}

/** tensorboard.AudioPluginData (plugin "audio"). */
export interface AudioPluginDataMessage {
  version: number;
  /** An {@link AudioEncoding} value. */
  encoding: number;
  convertedToTensor: boolean;
}

/** tensorboard.TextPluginData (plugin "text"). */
export interface TextPluginDataMessage {
  version: number;
}

/** tensorboard.PrCurvePluginData (plugin "pr_curves"). */
export interface PrCurvePluginDataMessage {
  version: number;
  numThresholds: number;
}

// ---------------------------------------------------------------------------
// google/protobuf/struct.proto

/** Which member of `google.protobuf.Value.kind` is set. */
export type ProtobufValueKind =
  | 'nullValue'
  | 'numberValue'
  | 'stringValue'
  | 'boolValue'
  | 'structValue'
  | 'listValue';

/** google.protobuf.Value: a JSON value. */
export interface ProtobufValue {
  kind?: ProtobufValueKind;
  /** Always 0 (NULL_VALUE) when set. */
  nullValue?: number;
  numberValue?: number;
  stringValue?: string;
  boolValue?: boolean;
  structValue?: ProtobufStruct;
  listValue?: ProtobufListValue;
}

/** google.protobuf.Struct: a JSON object. */
export interface ProtobufStruct {
  fields: Record<string, ProtobufValue>;
}

/** google.protobuf.ListValue: a JSON array. */
export interface ProtobufListValue {
  values: ProtobufValue[];
}

/** A JSON value, as {@link ProtobufValue} holds it. */
export type JsonValue = null | number | string | boolean | JsonValue[] | { [key: string]: JsonValue };

// ---------------------------------------------------------------------------
// hparams/api.proto, hparams/plugin_data.proto (package tensorboard.hparams)

/** Which member of `HParamsPluginData.data` is set. */
export type HParamsDataKind = 'experiment' | 'sessionStartInfo' | 'sessionEndInfo';

/** tensorboard.hparams.HParamsPluginData (plugin "hparams"). */
export interface HParamsPluginDataMessage {
  version: number;
  data?: HParamsDataKind;
  experiment?: ExperimentMessage;
  sessionStartInfo?: SessionStartInfoMessage;
  sessionEndInfo?: SessionEndInfoMessage;
}

/** tensorboard.hparams.Experiment. */
export interface ExperimentMessage {
  name: string;
  description: string;
  user: string;
  timeCreatedSecs: number;
  hparamInfos: HParamInfoMessage[];
  metricInfos: MetricInfoMessage[];
}

/** tensorboard.hparams.HParamInfo. */
export interface HParamInfoMessage {
  name: string;
  displayName: string;
  description: string;
  /** An {@link HParamDataType} value. */
  type: number;
  /** Which domain is given; undefined when none is (the whole type). */
  domain?: 'domainDiscrete' | 'domainInterval';
  domainDiscrete?: ProtobufListValue;
  domainInterval?: IntervalMessage;
  differs: boolean;
}

/** tensorboard.hparams.Interval: [minValue, maxValue]. */
export interface IntervalMessage {
  minValue: number;
  maxValue: number;
}

/** tensorboard.hparams.MetricName. */
export interface MetricNameMessage {
  group: string;
  tag: string;
}

/** tensorboard.hparams.MetricInfo. */
export interface MetricInfoMessage {
  name: MetricNameMessage | null;
  displayName: string;
  description: string;
  /** A {@link DatasetType} value. */
  datasetType: number;
}

/** tensorboard.hparams.SessionStartInfo. */
export interface SessionStartInfoMessage {
  hparams: Record<string, ProtobufValue>;
  modelUri: string;
  monitorUrl: string;
  groupName: string;
  startTimeSecs: number;
}

/** tensorboard.hparams.SessionEndInfo. */
export interface SessionEndInfoMessage {
  /** An {@link HParamsStatus} value. */
  status: number;
  endTimeSecs: number;
}

// ---------------------------------------------------------------------------
// Inputs of the encoders

/**
 * What an encoder accepts: any subset of the fields, at any depth (omitted fields are
 * not written). Oneof discriminators (`what`, `value`, `kind`, ...) are ignored: set the
 * member itself.
 */
export type DeepPartial<T> = T extends Uint8Array
  ? Uint8Array
  : T extends readonly (infer U)[]
    ? DeepPartial<U>[]
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> | null }
      : T;

/**
 * Plain-object shapes of the decoded messages of `proto/**\/*.proto`, as `proto.ts` returns
 * them. The message interfaces and enum objects are generated from the schema into
 * `proto-types.generated.ts` (`pnpm --filter @tb/core run gen:proto`; a test fails when it
 * is stale); this file adds what the schema cannot give. Conventions of every message:
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
import type {
  AttrValueMessage,
  EventMessage,
  HParamsPluginDataMessage,
  ProtobufValueMessage,
  SummaryValueMessage,
} from './proto-types.generated.js';

export * from './proto-types.generated.js';

// The names @tb/core gave these types and enums before they were generated.
export type {
  AttrValueListValueMessage as AttrListValueMessage,
  HParamsExperimentMessage as ExperimentMessage,
  HParamsHParamInfoMessage as HParamInfoMessage,
  HParamsIntervalMessage as IntervalMessage,
  HParamsMetricInfoMessage as MetricInfoMessage,
  HParamsMetricNameMessage as MetricNameMessage,
  HParamsSessionEndInfoMessage as SessionEndInfoMessage,
  HParamsSessionStartInfoMessage as SessionStartInfoMessage,
  ProtobufListValueMessage as ProtobufListValue,
  ProtobufStructMessage as ProtobufStruct,
  ProtobufValueMessage as ProtobufValue,
  SummaryMetadataPluginDataMessage as PluginDataMessage,
  TensorShapeProtoDimMessage as TensorShapeDimMessage,
} from './proto-types.generated.js';
export {
  AudioPluginDataEncoding as AudioEncoding,
  HParamsDataType as HParamDataType,
  HParamsDatasetType as DatasetType,
  LogMessageLevel as LogLevel,
  SessionLogSessionStatus as SessionStatus,
} from './proto-types.generated.js';

/** Which member of `Event.what` is set. */
export type EventWhat = NonNullable<EventMessage['what']>;
/** Which member of `Summary.Value.value` is set. */
export type SummaryValueKind = NonNullable<SummaryValueMessage['value']>;
/** Which member of `AttrValue.value` is set. */
export type AttrValueKind = NonNullable<AttrValueMessage['value']>;
/** Which member of `google.protobuf.Value.kind` is set. */
export type ProtobufValueKind = NonNullable<ProtobufValueMessage['kind']>;
/** Which member of `HParamsPluginData.data` is set. */
export type HParamsDataKind = NonNullable<HParamsPluginDataMessage['data']>;

/** A JSON value, as a google.protobuf.Value holds it. */
export type JsonValue = null | number | string | boolean | JsonValue[] | { [key: string]: JsonValue };

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

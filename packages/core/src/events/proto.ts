/**
 * Typed decoders and encoders for the messages of `packages/core/proto/*.proto`, through
 * protobufjs. This is the general path (metadata, tensors, images, graphs, plugin data);
 * the per-record hot path reads the wire format directly (`raw-event.ts`).
 *
 * The schema is parsed once, synchronously, on first use. The files are fed to
 * `protobuf.parse` one by one instead of `Root.loadSync`, because loadSync would swap our
 * `google/protobuf/struct.proto` for the copy bundled in protobufjs; with parse, exactly
 * our files are used, and nothing is fetched.
 *
 * Decoded objects follow the conventions in `proto-types.ts`: camelCase names, int64 as
 * numbers (via `toObject({ longs: Number })`, so the global protobufjs configuration is
 * left alone), enums as numbers, proto3 defaults filled in, oneof members only when set,
 * bytes as views into the input. Decoders throw {@link ProtoDecodeError} on malformed
 * input.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import type {
  AudioPluginDataMessage,
  DeepPartial,
  EventMessage,
  GraphDefMessage,
  HistogramPluginDataMessage,
  HistogramProtoMessage,
  HParamsPluginDataMessage,
  ImagePluginDataMessage,
  JsonValue,
  PrCurvePluginDataMessage,
  ProtobufValue,
  ScalarPluginDataMessage,
  SessionLogMessage,
  SummaryAudioMessage,
  SummaryImageMessage,
  SummaryMessage,
  SummaryMetadataMessage,
  TensorProtoMessage,
  TextPluginDataMessage,
} from './proto-types.js';

export type * from './proto-types.js';
export {
  AudioEncoding,
  DataClass,
  DataType,
  DatasetType,
  HParamDataType,
  HParamsStatus,
  LogLevel,
  SessionStatus,
} from './proto-types.js';

/** The schema files, relative to {@link PROTO_DIR}. Order does not matter. */
export const PROTO_FILES: readonly string[] = [
  'google/protobuf/struct.proto',
  'types.proto',
  'tensor_shape.proto',
  'tensor.proto',
  'histogram.proto',
  'summary.proto',
  'event.proto',
  'graph.proto',
  'plugins/plugin_data.proto',
  'hparams/api.proto',
  'hparams/plugin_data.proto',
];

/** `packages/core/proto/`, from both `src/events/` and `dist/events/`. */
export const PROTO_DIR: string = fileURLToPath(new URL('../../proto/', import.meta.url));

/** Bytes that are not a valid encoding of the message asked for. */
export class ProtoDecodeError extends Error {
  override readonly name = 'ProtoDecodeError';
  constructor(
    /** Full name of the message type, e.g. 'tensorboard.Event'. */
    readonly typeName: string,
    cause: unknown,
  ) {
    super(`malformed ${typeName}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

let root: protobuf.Root | undefined;

/** The parsed schema (parsed on the first call). For tools that need other types. */
export function protoRoot(): protobuf.Root {
  if (!root) {
    const r = new protobuf.Root();
    for (const file of PROTO_FILES) {
      const source = readFileSync(PROTO_DIR + file, 'utf8');
      protobuf.parse(source, r, { keepCase: false });
    }
    r.resolveAll();
    root = r;
  }
  return root;
}

const TO_OBJECT: protobuf.IConversionOptions = {
  longs: Number,
  enums: Number,
  defaults: true,
  arrays: true,
  objects: true,
  oneofs: true,
};

const typeCache = new Map<string, protobuf.Type>();

function type(name: string): protobuf.Type {
  let t = typeCache.get(name);
  if (!t) {
    t = protoRoot().lookupType(name);
    typeCache.set(name, t);
  }
  return t;
}

/**
 * A Node Buffer as a plain Uint8Array view: protobufjs then returns plain Uint8Array
 * views for bytes fields too (a Buffer's `slice()` does not copy; a Uint8Array's does).
 */
function plain(bytes: Uint8Array): Uint8Array {
  return Buffer.isBuffer(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
}

function decoder<T>(name: string): (bytes: Uint8Array) => T {
  return (bytes) => {
    const t = type(name);
    let message: protobuf.Message;
    try {
      message = t.decode(plain(bytes));
    } catch (err) {
      throw new ProtoDecodeError(name, err);
    }
    return t.toObject(message, TO_OBJECT) as T;
  };
}

function encoder<T>(name: string): (value: DeepPartial<T>) => Uint8Array {
  return (value) => {
    const t = type(name);
    const out = t.encode(t.fromObject(value as Record<string, unknown>)).finish();
    return plain(out);
  };
}

// ---------------------------------------------------------------------------
// Decoders

/** A whole Event record (the payload of one TFRecord). */
export const decodeEvent: (bytes: Uint8Array) => EventMessage = decoder('tensorboard.Event');
/** A Summary (e.g. re-encoded by a writer). */
export const decodeSummary: (bytes: Uint8Array) => SummaryMessage = decoder('tensorboard.Summary');
/** A serialized SummaryMetadata (Summary.Value field 9). */
export const decodeSummaryMetadata: (bytes: Uint8Array) => SummaryMetadataMessage =
  decoder('tensorboard.SummaryMetadata');
/** A serialized TensorProto (Summary.Value field 8). */
export const decodeTensorProto: (bytes: Uint8Array) => TensorProtoMessage = decoder('tensorboard.TensorProto');
/** A serialized HistogramProto (Summary.Value field 5). */
export const decodeHistogramProto: (bytes: Uint8Array) => HistogramProtoMessage =
  decoder('tensorboard.HistogramProto');
/** A serialized Summary.Image (Summary.Value field 4). */
export const decodeSummaryImage: (bytes: Uint8Array) => SummaryImageMessage = decoder('tensorboard.Summary.Image');
/** A serialized Summary.Audio (Summary.Value field 6). */
export const decodeSummaryAudio: (bytes: Uint8Array) => SummaryAudioMessage = decoder('tensorboard.Summary.Audio');
/** A serialized SessionLog (Event field 7). */
export const decodeSessionLog: (bytes: Uint8Array) => SessionLogMessage = decoder('tensorboard.SessionLog');
/** A serialized GraphDef (Event.graph_def). */
export const decodeGraphDef: (bytes: Uint8Array) => GraphDefMessage = decoder('tensorboard.GraphDef');

/** Plugin "hparams" content. */
export const decodeHParamsPluginData: (bytes: Uint8Array) => HParamsPluginDataMessage = decoder(
  'tensorboard.hparams.HParamsPluginData',
);
/** Plugin "scalars" content. */
export const decodeScalarPluginData: (bytes: Uint8Array) => ScalarPluginDataMessage =
  decoder('tensorboard.ScalarPluginData');
/** Plugin "histograms" content. */
export const decodeHistogramPluginData: (bytes: Uint8Array) => HistogramPluginDataMessage =
  decoder('tensorboard.HistogramPluginData');
/** Plugin "images" content. */
export const decodeImagePluginData: (bytes: Uint8Array) => ImagePluginDataMessage =
  decoder('tensorboard.ImagePluginData');
/** Plugin "audio" content. */
export const decodeAudioPluginData: (bytes: Uint8Array) => AudioPluginDataMessage =
  decoder('tensorboard.AudioPluginData');
/** Plugin "text" content. */
export const decodeTextPluginData: (bytes: Uint8Array) => TextPluginDataMessage =
  decoder('tensorboard.TextPluginData');
/** Plugin "pr_curves" content. */
export const decodePrCurvePluginData: (bytes: Uint8Array) => PrCurvePluginDataMessage =
  decoder('tensorboard.PrCurvePluginData');

// ---------------------------------------------------------------------------
// Encoders (for writers and tests). Fields left out are not written; int64 fields take
// numbers (exact up to 2^53); enums take numbers.

/** Serializes an Event (a TFRecord payload). */
export const encodeEvent: (event: DeepPartial<EventMessage>) => Uint8Array = encoder('tensorboard.Event');
/** Serializes a Summary. */
export const encodeSummary: (summary: DeepPartial<SummaryMessage>) => Uint8Array = encoder('tensorboard.Summary');
/** Serializes a SummaryMetadata. */
export const encodeSummaryMetadata: (metadata: DeepPartial<SummaryMetadataMessage>) => Uint8Array =
  encoder('tensorboard.SummaryMetadata');
/** Serializes a TensorProto. */
export const encodeTensorProto: (tensor: DeepPartial<TensorProtoMessage>) => Uint8Array =
  encoder('tensorboard.TensorProto');
/** Serializes a HistogramProto. */
export const encodeHistogramProto: (histogram: DeepPartial<HistogramProtoMessage>) => Uint8Array =
  encoder('tensorboard.HistogramProto');
/** Serializes plugin "hparams" content. */
export const encodeHParamsPluginData: (data: DeepPartial<HParamsPluginDataMessage>) => Uint8Array = encoder(
  'tensorboard.hparams.HParamsPluginData',
);

// ---------------------------------------------------------------------------
// Helpers

/** A google.protobuf.Value as the JSON value it stands for (unset: null). */
export function protobufValueToJson(value: ProtobufValue | null | undefined): JsonValue {
  if (!value) return null;
  switch (value.kind) {
    case 'numberValue':
      return value.numberValue ?? 0;
    case 'stringValue':
      return value.stringValue ?? '';
    case 'boolValue':
      return value.boolValue ?? false;
    case 'listValue':
      return (value.listValue?.values ?? []).map(protobufValueToJson);
    case 'structValue': {
      const out: { [key: string]: JsonValue } = {};
      for (const [k, v] of Object.entries(value.structValue?.fields ?? {})) out[k] = protobufValueToJson(v);
      return out;
    }
    default:
      return null;
  }
}

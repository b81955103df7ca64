/**
 * The messages an event file holds, encoded with field numbers from TensorFlow's
 * event.proto, summary.proto, tensor.proto and tensor_shape.proto.
 */
import { ProtoWriter } from './proto.js';

/** TensorFlow's DataType numbers used here. */
export const DT = { FLOAT: 1, DOUBLE: 2, INT32: 3, STRING: 7, INT64: 9 } as const;

/** SummaryMetadata.DataClass numbers. */
export const DataClass = { UNKNOWN: 0, SCALAR: 1, TENSOR: 2, BLOB_SEQUENCE: 3 } as const;

/** A TensorProto: dtype, shape, and the values in `tensor_content` or `string_val`. */
export interface Tensor {
  readonly dtype: number;
  readonly shape: readonly number[];
  /** Raw little-endian values (float32/float64/int) - or strings for DT_STRING. */
  readonly content?: Uint8Array;
  readonly strings?: readonly Uint8Array[];
}

/** Encodes a TensorProto. */
export function tensorProto(t: Tensor): ProtoWriter {
  const shape = new ProtoWriter();
  for (const size of t.shape) shape.message(2, new ProtoWriter().varint(1, size));
  const w = new ProtoWriter().varint(1, t.dtype).message(2, shape);
  if (t.content && t.content.length > 0) w.bytes(4, t.content);
  for (const s of t.strings ?? []) w.bytes(8, s);
  return w;
}

/** A float32 tensor of `shape` from numbers. */
export function floatTensor(values: ArrayLike<number>, shape: readonly number[]): Tensor {
  return { dtype: DT.FLOAT, shape, content: new Uint8Array(Float32Array.from(values).buffer) };
}

/** A float64 tensor of `shape` from numbers. */
export function doubleTensor(values: ArrayLike<number>, shape: readonly number[]): Tensor {
  return { dtype: DT.DOUBLE, shape, content: new Uint8Array(Float64Array.from(values).buffer) };
}

/** A string tensor of `shape`. */
export function stringTensor(values: readonly Uint8Array[], shape: readonly number[]): Tensor {
  return { dtype: DT.STRING, shape, strings: values };
}

/** SummaryMetadata: which plugin wrote the value, its own metadata, and the data class. */
export interface Metadata {
  readonly pluginName: string;
  readonly content?: Uint8Array;
  readonly dataClass: number;
  readonly displayName?: string;
  readonly description?: string;
}

export function metadataProto(m: Metadata): ProtoWriter {
  const pluginData = new ProtoWriter().string(1, m.pluginName);
  if (m.content && m.content.length > 0) pluginData.bytes(2, m.content);
  const w = new ProtoWriter().message(1, pluginData);
  if (m.displayName) w.string(2, m.displayName);
  if (m.description) w.string(3, m.description);
  if (m.dataClass) w.varint(4, m.dataClass);
  return w;
}

/**
 * One Summary.Value holding a tensor (or nothing, for metadata-only values such as
 * hparams); `metadata` null leaves it out, as TF does after a tag's first value.
 */
export function summaryValue(tag: string, metadata: Metadata | null, tensor?: Tensor): ProtoWriter {
  const w = new ProtoWriter().string(1, tag);
  if (metadata) w.message(9, metadataProto(metadata));
  if (tensor) w.message(8, tensorProto(tensor));
  return w;
}

/** The payload of an Event, one of its `what` fields. */
export type EventBody =
  | { readonly fileVersion: string }
  | { readonly summary: readonly ProtoWriter[] }
  | { readonly graphDef: Uint8Array };

/** Encodes an Event. */
export function eventProto(wallTime: number, step: number, body: EventBody): Uint8Array {
  const w = new ProtoWriter().double(1, wallTime);
  if (step !== 0) w.varint(2, step);
  if ('fileVersion' in body) w.string(3, body.fileVersion);
  else if ('graphDef' in body) w.bytes(4, body.graphDef);
  else {
    const summary = new ProtoWriter();
    for (const v of body.summary) summary.message(1, v);
    w.message(5, summary);
  }
  return w.finish();
}

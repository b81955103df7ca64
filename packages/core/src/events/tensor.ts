/**
 * TensorProto -> {@link TensorValue}: numbers as float64 in row-major order, strings as
 * bytes. Follows TensorFlow's rules: `tensor_content` (raw little-endian) wins over the
 * typed `*_val` fields, and a `*_val` field shorter than the shape repeats its last
 * element (how TensorFlow stores constant-filled tensors).
 */
import type { TensorDtype, TensorValue } from './values.js';

/** The fields of a decoded TensorProto this module reads. */
export interface TensorProtoFields {
  dtype?: number;
  tensorShape?: { dim?: { size?: number }[] | null; unknownRank?: boolean } | null;
  tensorContent?: Uint8Array;
  halfVal?: number[];
  floatVal?: number[];
  doubleVal?: number[];
  intVal?: number[];
  stringVal?: Uint8Array[];
  int64Val?: number[];
  boolVal?: boolean[];
  uint32Val?: number[];
  uint64Val?: number[];
  scomplexVal?: number[];
  dcomplexVal?: number[];
}

const DTYPES: Record<number, TensorDtype> = {
  1: 'float32', 2: 'float64', 3: 'int32', 4: 'uint8', 5: 'int16', 6: 'int8', 7: 'string',
  8: 'complex64', 9: 'int64', 10: 'bool', 14: 'bfloat16', 17: 'uint16', 18: 'complex128',
  19: 'float16', 22: 'uint32', 23: 'uint64',
};

/** Bytes per element in `tensor_content`, per dtype (complex counts both parts). */
const WIDTH: Partial<Record<TensorDtype, number>> = {
  float32: 4, float64: 8, int32: 4, uint8: 1, int16: 2, int8: 1, complex64: 8, int64: 8,
  bool: 1, bfloat16: 2, uint16: 2, complex128: 16, float16: 2, uint32: 4, uint64: 8,
};

/** Converts a decoded TensorProto. Unknown dtypes give dtype 'unknown' and no elements. */
export function tensorFromProto(proto: TensorProtoFields): TensorValue {
  const dtype = DTYPES[proto.dtype ?? 0] ?? 'unknown';
  const shape = (proto.tensorShape?.dim ?? []).map((d) => Number(d.size ?? 0));
  const size = shape.reduce((a, b) => a * b, 1);
  if (dtype === 'string') {
    // Copied: decoded bytes are views into the record, whose buffer the reader reuses.
    const strings = fill(proto.stringVal ?? [], size).map((b) => b.slice());
    return { dtype, shape, numbers: new Float64Array(0), strings };
  }
  const content = proto.tensorContent;
  const numbers =
    content && content.length > 0 ? fromContent(dtype, content) : fromTyped(dtype, proto, size);
  return { dtype, shape, numbers, strings: [] };
}

function fromContent(dtype: TensorDtype, content: Uint8Array): Float64Array {
  const width = WIDTH[dtype];
  if (!width) return new Float64Array(0);
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  const isComplex = dtype === 'complex64' || dtype === 'complex128';
  const step = isComplex ? width / 2 : width;
  const n = Math.floor(content.byteLength / step);
  const out = new Float64Array(n);
  for (let i = 0, o = 0; i < n; i++, o += step) {
    switch (dtype) {
      case 'float32': case 'complex64': out[i] = view.getFloat32(o, true); break;
      case 'float64': case 'complex128': out[i] = view.getFloat64(o, true); break;
      case 'int32': out[i] = view.getInt32(o, true); break;
      case 'uint32': out[i] = view.getUint32(o, true); break;
      case 'int16': out[i] = view.getInt16(o, true); break;
      case 'uint16': out[i] = view.getUint16(o, true); break;
      case 'int8': out[i] = view.getInt8(o); break;
      case 'uint8': case 'bool': out[i] = view.getUint8(o); break;
      case 'int64': out[i] = Number(view.getBigInt64(o, true)); break;
      case 'uint64': out[i] = Number(view.getBigUint64(o, true)); break;
      case 'float16': out[i] = halfToFloat(view.getUint16(o, true)); break;
      case 'bfloat16': out[i] = bfloat16ToFloat(view.getUint16(o, true)); break;
      default: out[i] = NaN;
    }
  }
  return out;
}

function fromTyped(dtype: TensorDtype, p: TensorProtoFields, size: number): Float64Array {
  let values: readonly number[];
  switch (dtype) {
    case 'float32': values = p.floatVal ?? []; break;
    case 'float64': values = p.doubleVal ?? []; break;
    case 'int32': case 'int16': case 'int8': case 'uint8': case 'uint16': values = p.intVal ?? []; break;
    case 'int64': values = p.int64Val ?? []; break;
    case 'uint32': values = p.uint32Val ?? []; break;
    case 'uint64': values = p.uint64Val ?? []; break;
    case 'bool': values = (p.boolVal ?? []).map((b) => (b ? 1 : 0)); break;
    case 'float16': values = (p.halfVal ?? []).map(halfToFloat); break;
    case 'bfloat16': values = (p.halfVal ?? []).map(bfloat16ToFloat); break;
    case 'complex64': values = p.scomplexVal ?? []; size *= 2; break;
    case 'complex128': values = p.dcomplexVal ?? []; size *= 2; break;
    default: values = [];
  }
  return Float64Array.from(fill(values, size));
}

/** Pads a short value list to `size` by repeating its last element, as TensorFlow does. */
function fill<T>(values: readonly T[], size: number): T[] {
  if (values.length === 0 || values.length >= size) return values.slice();
  const out = values.slice();
  const last = values[values.length - 1]!;
  while (out.length < size) out.push(last);
  return out;
}

/** IEEE 754 half precision bits -> number. */
export function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** bfloat16 bits (the high half of a float32) -> number. */
export function bfloat16ToFloat(bits: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, (bits & 0xffff) << 16);
  return view.getFloat32(0);
}

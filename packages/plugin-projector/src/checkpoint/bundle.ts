/**
 * TensorFlow's tensor bundle (checkpoint V2): `<prefix>.index`, a table (./sstable.ts)
 * whose "" key holds a BundleHeaderProto and every other key a variable's
 * BundleEntryProto (dtype, shape, shard, offset, size, CRC-32C); and
 * `<prefix>.data-NNNNN-of-NNNNN` shards holding the tensors' raw little-endian bytes.
 */
import { crc32c, maskCrc } from '@tb/core/plugin';
import { readTable } from './sstable.js';
import { CheckpointFormatError, WireReader } from './wire.js';

/** TensorFlow's DataType numbers for the dtypes a bundle entry may name. */
export const DTYPES: Readonly<Record<number, { name: string; bytes: number }>> = {
  1: { name: 'float32', bytes: 4 },
  2: { name: 'float64', bytes: 8 },
  3: { name: 'int32', bytes: 4 },
  4: { name: 'uint8', bytes: 1 },
  5: { name: 'int16', bytes: 2 },
  6: { name: 'int8', bytes: 1 },
  7: { name: 'string', bytes: 0 },
  9: { name: 'int64', bytes: 8 },
  10: { name: 'bool', bytes: 1 },
  14: { name: 'bfloat16', bytes: 2 },
  17: { name: 'uint16', bytes: 2 },
  19: { name: 'float16', bytes: 2 },
  20: { name: 'resource', bytes: 0 },
  22: { name: 'uint32', bytes: 4 },
  23: { name: 'uint64', bytes: 8 },
};

/** One variable of a bundle. */
export interface BundleEntry {
  readonly name: string;
  /** TensorFlow's DataType number (1 = float32). */
  readonly dtype: number;
  readonly shape: readonly number[];
  readonly shardId: number;
  readonly offset: number;
  readonly size: number;
  /** The masked CRC-32C of the tensor's bytes, as stored. */
  readonly crc32c: number;
}

/** A bundle's index: its shard count and its variables by name. */
export interface BundleIndex {
  readonly numShards: number;
  readonly entries: ReadonlyMap<string, BundleEntry>;
}

function decodeShape(bytes: Uint8Array): number[] {
  const r = new WireReader(bytes, 0, bytes.length, 'TensorShapeProto');
  const dims: number[] = [];
  while (!r.done) {
    const tag = r.varint();
    if (tag >>> 3 === 2 && (tag & 7) === 2) {
      const body = r.take(r.varint());
      const d = new WireReader(body, 0, body.length, 'TensorShapeProto.Dim');
      let size = 0;
      while (!d.done) {
        const t = d.varint();
        if (t === 8) size = d.varint();
        else d.skip(t & 7);
      }
      dims.push(size);
    } else r.skip(tag & 7);
  }
  return dims;
}

/** Decodes one BundleEntryProto. */
export function decodeBundleEntry(name: string, bytes: Uint8Array): BundleEntry {
  const r = new WireReader(bytes, 0, bytes.length, `BundleEntryProto of "${name}"`);
  let dtype = 0;
  let shape: number[] = [];
  let shardId = 0;
  let offset = 0;
  let size = 0;
  let crc = 0;
  while (!r.done) {
    const tag = r.varint();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 1 && wire === 0) dtype = r.varint();
    else if (field === 2 && wire === 2) shape = decodeShape(r.take(r.varint()));
    else if (field === 3 && wire === 0) shardId = r.varint();
    else if (field === 4 && wire === 0) offset = r.varint();
    else if (field === 5 && wire === 0) size = r.varint();
    else if (field === 6 && wire === 5) crc = r.fixed32();
    else r.skip(wire);
  }
  return { name, dtype, shape, shardId, offset, size, crc32c: crc };
}

/** Reads a bundle's `.index` bytes. */
export function readBundleIndex(indexBytes: Uint8Array, what = 'checkpoint index'): BundleIndex {
  let numShards = 1;
  const entries = new Map<string, BundleEntry>();
  let sawHeader = false;
  for (const { key, value } of readTable(indexBytes, what)) {
    if (key === '') {
      sawHeader = true;
      const r = new WireReader(value, 0, value.length, 'BundleHeaderProto');
      while (!r.done) {
        const tag = r.varint();
        if (tag === 8) numShards = r.varint();
        else r.skip(tag & 7);
      }
    } else entries.set(key, decodeBundleEntry(key, value));
  }
  if (!sawHeader) throw new CheckpointFormatError(`${what}: expected a BundleHeaderProto under the empty key, found none`);
  return { numShards, entries };
}

/** The data shard file name of `prefix` for shard `id` of `numShards`. */
export function shardPath(prefix: string, id: number, numShards: number): string {
  return `${prefix}.data-${String(id).padStart(5, '0')}-of-${String(numShards).padStart(5, '0')}`;
}

/**
 * The bytes of `entry` within its shard, its CRC-32C checked.
 * @throws CheckpointFormatError when the shard is too short or the bytes do not match the CRC.
 */
export function entryBytes(entry: BundleEntry, shard: Uint8Array, shardName: string): Uint8Array {
  if (entry.offset + entry.size > shard.length) {
    throw new CheckpointFormatError(`tensor "${entry.name}": expected ${entry.size} bytes at offset ${entry.offset} of ${shardName}, which has ${shard.length}`);
  }
  const bytes = shard.subarray(entry.offset, entry.offset + entry.size);
  const actual = maskCrc(crc32c(bytes));
  if (actual !== entry.crc32c) {
    throw new CheckpointFormatError(`tensor "${entry.name}" in ${shardName}: expected masked CRC-32C ${entry.crc32c.toString(16)}, computed ${actual.toString(16)}`);
  }
  return bytes;
}

/**
 * A 2-D tensor's values as float32 (TensorBoard casts to float32 too). Only numeric
 * dtypes: float32 (a view when aligned), float64, int32, int64, float16.
 */
export function toFloat32(entry: BundleEntry, bytes: Uint8Array): Float32Array {
  const count = entry.shape.reduce((a, b) => a * b, 1);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const info = DTYPES[entry.dtype];
  if (!info || !isNumericDtype(entry.dtype)) throw new CheckpointFormatError(`tensor "${entry.name}": expected a numeric dtype, found ${info?.name ?? `DataType ${entry.dtype}`}`);
  if (bytes.length !== count * info.bytes) {
    throw new CheckpointFormatError(`tensor "${entry.name}": expected ${count} ${info.name} values (${count * info.bytes} bytes) for shape [${entry.shape.join(', ')}], found ${bytes.length} bytes`);
  }
  if (entry.dtype === 1) {
    if (bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, count);
    return new Float32Array(bytes.slice().buffer);
  }
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    if (entry.dtype === 2) out[i] = dv.getFloat64(i * 8, true);
    else if (entry.dtype === 3) out[i] = dv.getInt32(i * 4, true);
    else if (entry.dtype === 9) out[i] = Number(dv.getBigInt64(i * 8, true));
    else out[i] = halfToFloat(dv.getUint16(i * 2, true));
  }
  return out;
}

/** Whether {@link toFloat32} reads this dtype. */
export function isNumericDtype(dtype: number): boolean {
  return dtype === 1 || dtype === 2 || dtype === 3 || dtype === 9 || dtype === 19;
}

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}

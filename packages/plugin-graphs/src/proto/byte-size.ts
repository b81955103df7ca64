/**
 * The serialized size of a {@link Msg}, as protobuf's `ByteSize()` gives it (TensorBoard
 * drops node attrs whose AttrValue is larger than `limit_attr_size` bytes): proto3 fields
 * at their default are not written, fields with presence are, repeated numbers are packed,
 * map entries hold their key and value, unknown fields count as read. Memoized on the
 * message (messages are immutable once built; {@link setField} forgets the size).
 */
import { msgOf } from './decode.js';
import { isLazy, isMsg, type LazyMsg, type Msg, type Value } from './message.js';
import type { FieldSpec } from './schema.js';

function varintSize(v: number | bigint): number {
  if (typeof v === 'bigint') {
    if (v < 0n) return 10;
    let n = 1;
    while (v >= 0x80n) {
      v >>= 7n;
      n++;
    }
    return n;
  }
  if (v < 0) return 10;
  let n = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** True when `v` is the proto3 default of `f`'s kind (and so is not written). */
export function isDefaultValue(f: FieldSpec, v: Value): boolean {
  if (typeof v === 'number') return Object.is(v, 0);
  if (typeof v === 'bigint') return v === 0n;
  if (typeof v === 'boolean') return !v;
  if (typeof v === 'string') return v.length === 0;
  if (v instanceof Uint8Array) return v.length === 0;
  return f.kind !== 'message';
}

function valueSize(f: FieldSpec, v: Value): number {
  switch (f.kind) {
    case 'double':
    case 'fixed64':
      return 8;
    case 'float':
      return 4;
    case 'bool':
      return 1;
    case 'string': {
      const n = utf8Length(v as string);
      return varintSize(n) + n;
    }
    case 'bytes': {
      const n = (v as Uint8Array).length;
      return varintSize(n) + n;
    }
    case 'message': {
      const n = byteSize(v as Msg | LazyMsg);
      return varintSize(n) + n;
    }
    default:
      return varintSize(v as number | bigint);
  }
}

function tagSize(no: number): number {
  return varintSize(no * 8);
}

function fieldSize(f: FieldSpec, slot: NonNullable<Msg['slots'][number]>): number {
  if (f.kind === 'map') {
    let total = 0;
    for (const [key, value] of slot as Map<number | bigint | string, Value>) {
      const entry = tagSize(1) + valueSize(f.mapKey!, key) + tagSize(2) + valueSize(f.mapValue!, value);
      total += tagSize(f.no) + varintSize(entry) + entry;
    }
    return total;
  }
  if (f.repeated) {
    const items = slot as Value[];
    if (items.length === 0) return 0;
    if (f.kind === 'string' || f.kind === 'bytes' || f.kind === 'message') {
      let total = 0;
      for (const v of items) total += tagSize(f.no) + valueSize(f, v);
      return total;
    }
    let payload = 0;
    for (const v of items) payload += valueSize(f, v);
    return tagSize(f.no) + varintSize(payload) + payload;
  }
  const v = slot as Value;
  if (!f.presence && !isMsg(v) && !isLazy(v) && isDefaultValue(f, v)) return 0;
  return tagSize(f.no) + valueSize(f, v);
}

/** The bytes `m` takes serialized (a lazy message is decoded once for it). */
export function byteSize(m: Msg | LazyMsg): number {
  if (m.size !== undefined) return m.size;
  if (isLazy(m)) return (m.size = byteSize(msgOf(m)!));
  let total = m.unknownBytes;
  for (const f of m.spec.fields) {
    const slot = m.slots[f.slot];
    if (slot !== undefined) total += fieldSize(f, slot);
  }
  m.size = total;
  return total;
}

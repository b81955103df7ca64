/**
 * A {@link Msg} back to the wire format, the way protobuf serializes it (byte-size.ts
 * gives the same length): fields in number order, proto3 defaults left out, repeated
 * numbers packed, map entries with key and value. Unknown fields are not kept (only their
 * size is), so a message read with unknown fields encodes without them. Tests and the
 * benchmark's generator build their graphs with it.
 */
import { isDefaultValue } from './byte-size.js';
import { msgOf } from './decode.js';
import { isLazy, isMsg, type MapKey, type Msg, type Value } from './message.js';
import type { FieldSpec } from './schema.js';

const utf8 = new TextEncoder();

class Writer {
  private chunks: number[] = [];
  private parts: Uint8Array[] = [];

  varint(v: number | bigint): void {
    if (typeof v === 'number' && v >= 0 && v < 0x80000000) {
      let x = v;
      while (x >= 0x80) {
        this.chunks.push((x & 0x7f) | 0x80);
        x >>>= 7;
      }
      this.chunks.push(x);
      return;
    }
    let n = BigInt.asUintN(64, BigInt(v));
    while (n >= 0x80n) {
      this.chunks.push(Number(n & 0x7fn) | 0x80);
      n >>= 7n;
    }
    this.chunks.push(Number(n));
  }

  bytes(b: Uint8Array): void {
    this.flush();
    this.parts.push(b);
  }

  fixed(v: number | bigint, kind: 'float' | 'double' | 'fixed64'): void {
    const b = new Uint8Array(kind === 'float' ? 4 : 8);
    const view = new DataView(b.buffer);
    if (kind === 'float') view.setFloat32(0, Number(v), true);
    else if (kind === 'double') view.setFloat64(0, Number(v), true);
    else view.setBigUint64(0, BigInt.asUintN(64, BigInt(v)), true);
    this.bytes(b);
  }

  private flush(): void {
    if (this.chunks.length > 0) this.parts.push(Uint8Array.from(this.chunks));
    this.chunks = [];
  }

  finish(): Uint8Array {
    this.flush();
    const out = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

function scalarPayload(w: Writer, f: FieldSpec, v: Value): void {
  switch (f.kind) {
    case 'float':
    case 'double':
    case 'fixed64':
      w.fixed(v as number | bigint, f.kind);
      return;
    case 'bool':
      w.varint(v ? 1 : 0);
      return;
    case 'string':
    case 'bytes': {
      const b = typeof v === 'string' ? utf8.encode(v) : (v as Uint8Array);
      w.varint(b.length);
      w.bytes(b);
      return;
    }
    case 'message': {
      const b = encodeMessage(msgOf(v)!);
      w.varint(b.length);
      w.bytes(b);
      return;
    }
    default:
      w.varint(v as number | bigint);
  }
}

function wireType(f: FieldSpec): number {
  if (f.kind === 'double' || f.kind === 'fixed64') return 1;
  if (f.kind === 'float') return 5;
  if (f.kind === 'string' || f.kind === 'bytes' || f.kind === 'message' || f.kind === 'map') return 2;
  return 0;
}

function writeOne(w: Writer, f: FieldSpec, v: Value): void {
  w.varint(f.no * 8 + wireType(f));
  scalarPayload(w, f, v);
}

/** The wire bytes of `m`. */
export function encodeMessage(m: Msg): Uint8Array {
  const w = new Writer();
  for (const f of m.spec.fields) {
    const slot = m.slots[f.slot];
    if (slot === undefined) continue;
    if (slot instanceof Map) {
      for (const [key, value] of slot as Map<MapKey, Value>) {
        const entry = new Writer();
        writeOne(entry, f.mapKey!, key);
        writeOne(entry, f.mapValue!, value);
        const b = entry.finish();
        w.varint(f.no * 8 + 2);
        w.varint(b.length);
        w.bytes(b);
      }
    } else if (Array.isArray(slot)) {
      if (slot.length === 0) continue;
      if (wireType(f) === 2) {
        for (const v of slot) writeOne(w, f, v);
      } else {
        const packed = new Writer();
        for (const v of slot) scalarPayload(packed, f, v);
        const b = packed.finish();
        w.varint(f.no * 8 + 2);
        w.varint(b.length);
        w.bytes(b);
      }
    } else if (f.presence || isMsg(slot) || isLazy(slot) || !isDefaultValue(f, slot)) {
      writeOne(w, f, slot);
    }
  }
  return w.finish();
}

/**
 * The protobuf wire format into {@link Msg}s, by the table in schema.ts. It keeps what the
 * text format needs to answer as TensorBoard does: which fields were present (an empty
 * sub-message, a oneof member at its default), map entries with the last one winning, and
 * the size of unknown fields (skipped, as protobuf skips them).
 *
 * {@link decodeMessageAsync} decodes the same bytes but pauses between the elements of
 * `big` fields (a graph's nodes, a library's functions), so that a graph of 50,000 nodes
 * never holds the event loop for more than a slice.
 */
import { clearOneof, isLazy, isMsg, newMsg, type LazyMsg, type MapKey, type Msg, type Scalar, type Value } from './message.js';
import { messageSpec, type FieldSpec, type MessageSpec } from './schema.js';
import { NO_PACE, type Pace } from '../pace.js';

/** Bytes that are not a valid encoding of the message asked for. */
export class WireError extends Error {
  override readonly name = 'WireError';
}

const TWO_32 = 4294967296;

/** A cursor over the input; `lo`/`hi` hold the last varint's two 32-bit halves. */
class Reader {
  pos = 0;
  lo = 0;
  hi = 0;
  /** The last tag's field number and wire type. */
  no = 0;
  wt = 0;
  readonly view: DataView;
  /** The same bytes as a Buffer, for its fast UTF-8 decoding. */
  readonly text: Buffer;
  constructor(readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.text = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  varint(end: number): void {
    const buf = this.buf;
    let pos = this.pos;
    let b = buf[pos++] ?? 0x100;
    let lo = b & 0x7f;
    let hi = 0;
    if (b >= 0x80) {
      let shift = 7;
      for (; shift < 28; shift += 7) {
        b = buf[pos++] ?? 0x100;
        lo |= (b & 0x7f) << shift;
        if (b < 0x80) break;
      }
      if (b >= 0x80) {
        b = buf[pos++] ?? 0x100;
        lo |= (b & 0x0f) << 28;
        hi = (b & 0x7f) >> 4;
        for (shift = 3; b >= 0x80 && shift < 32; shift += 7) {
          b = buf[pos++] ?? 0x100;
          hi |= (b & 0x7f) << shift;
        }
        if (b >= 0x80) throw new WireError(`a varint at byte ${this.pos} runs past 10 bytes or past the end`);
      }
    }
    if (pos > end) throw new WireError(`a varint at byte ${this.pos} runs past the end of its field (byte ${end})`);
    this.pos = pos;
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
  }

  /** A field's tag: sets {@link no} and {@link wt}. */
  tag(end: number): void {
    this.varint(end);
    this.no = (this.lo >>> 3) + this.hi * 0x20000000;
    this.wt = this.lo & 7;
  }

  /** A length prefix; returns the end of the delimited bytes. */
  delimited(end: number): number {
    this.varint(end);
    const len = this.hi === 0 ? this.lo : Infinity;
    const stop = this.pos + len;
    if (stop > end) throw new WireError(`a field of ${len} bytes at byte ${this.pos} runs past the end of its message (byte ${end})`);
    return stop;
  }

  fixed(bytes: 4 | 8, end: number): number {
    const at = this.pos;
    if (at + bytes > end) throw new WireError(`a ${bytes * 8}-bit field at byte ${at} runs past the end (byte ${end})`);
    this.pos += bytes;
    return at;
  }
}

function unsigned64(lo: number, hi: number): number | bigint {
  return hi < 0x200000 ? hi * TWO_32 + lo : (BigInt(hi) << 32n) | BigInt(lo);
}

function signed64(lo: number, hi: number): number | bigint {
  if (hi < 0x80000000) return unsigned64(lo, hi);
  const neg = hi - TWO_32;
  return neg >= -0x200000 ? neg * TWO_32 + lo : BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
}

/** The wire type a scalar kind is written with (packed repeated fields aside). */
function wireTypeOf(f: FieldSpec): number {
  switch (f.kind) {
    case 'double':
    case 'fixed64':
      return 1;
    case 'float':
      return 5;
    case 'string':
    case 'bytes':
    case 'message':
    case 'map':
      return 2;
    default:
      return 0;
  }
}

function readScalar(f: FieldSpec, r: Reader, end: number): Scalar {
  switch (f.kind) {
    case 'double':
      return r.view.getFloat64(r.fixed(8, end), true);
    case 'float':
      return r.view.getFloat32(r.fixed(4, end), true);
    case 'fixed64': {
      const at = r.fixed(8, end);
      return unsigned64(r.view.getUint32(at, true), r.view.getUint32(at + 4, true));
    }
    case 'string': {
      const stop = r.delimited(end);
      const s = r.text.toString('utf8', r.pos, stop);
      r.pos = stop;
      return s;
    }
    case 'bytes': {
      const stop = r.delimited(end);
      const b = r.buf.subarray(r.pos, stop);
      r.pos = stop;
      return b;
    }
    default:
      break;
  }
  r.varint(end);
  switch (f.kind) {
    case 'int32':
    case 'enum':
      return r.lo | 0;
    case 'uint32':
      return r.lo;
    case 'bool':
      return r.lo !== 0 || r.hi !== 0;
    case 'uint64':
      return unsigned64(r.lo, r.hi);
    default:
      return signed64(r.lo, r.hi);
  }
}

function defaultOf(f: FieldSpec): Value {
  switch (f.kind) {
    case 'message':
      return newMsg(f.message());
    case 'string':
      return '';
    case 'bytes':
      return new Uint8Array(0);
    case 'bool':
      return false;
    default:
      return 0;
  }
}

function readMapEntry(m: Msg, f: FieldSpec, r: Reader, end: number): void {
  const stop = r.delimited(end);
  const keyF = f.mapKey!;
  const valueF = f.mapValue!;
  let key: Value | undefined;
  let value: Value | undefined;
  while (r.pos < stop) {
    r.tag(stop);
    const { no, wt } = r;
    const g = no === 1 ? keyF : no === 2 ? valueF : undefined;
    if (g && wt === wireTypeOf(g)) {
      if (g.kind === 'message') {
        const s = r.delimited(stop);
        if (f.lazy && value === undefined) {
          value = { spec: g.message(), buf: r.buf, start: r.pos, end: s } satisfies LazyMsg;
          r.pos = s;
          continue;
        }
        // A value given twice in one entry: protobuf merges the two.
        const v = isMsg(value) ? value : isLazy(value) ? decodeLazy(value) : newMsg(g.message());
        decodeInto(v, r, s);
        value = v;
      } else if (g === keyF) key = readScalar(g, r, stop);
      else value = readScalar(g, r, stop);
    } else skip(r, wt, stop, no);
  }
  const slot = m.slots[f.slot];
  const map = slot instanceof Map ? slot : new Map<MapKey, Value>();
  map.set((key ?? defaultOf(keyF)) as MapKey, value ?? defaultOf(valueF));
  m.slots[f.slot] = map;
}

function skip(r: Reader, wt: number, end: number, no: number): void {
  switch (wt) {
    case 0:
      r.varint(end);
      return;
    case 1:
      r.fixed(8, end);
      return;
    case 2:
      r.pos = r.delimited(end);
      return;
    case 5:
      r.fixed(4, end);
      return;
    case 3:
      for (;;) {
        if (r.pos >= end) throw new WireError(`group ${no} has no end before byte ${end}`);
        r.tag(end);
        const inner = r.wt;
        const innerNo = r.no;
        if (inner === 4) {
          if (innerNo !== no) throw new WireError(`group ${no} ends with the end of group ${innerNo}`);
          return;
        }
        skip(r, inner, end, innerNo);
      }
    default:
      throw new WireError(`field ${no} has wire type ${wt} (expected 0, 1, 2, 3 or 5) at byte ${r.pos}`);
  }
}

/**
 * Reads one known field, or returns false (reading nothing) when its wire type is not the
 * one the schema says: protobuf then keeps it as an unknown field.
 */
function readField(m: Msg, f: FieldSpec, wt: number, r: Reader, end: number): boolean {
  if (f.kind === 'map') {
    if (wt !== 2) return false;
    readMapEntry(m, f, r, end);
    return true;
  }
  if (f.kind === 'message') {
    if (wt !== 2) return false;
    const stop = r.delimited(end);
    if (f.repeated) {
      const v = newMsg(f.message());
      decodeInto(v, r, stop);
      pushTo(m, f, v);
    } else {
      const old = m.slots[f.slot];
      const v = isMsg(old) ? old : newMsg(f.message());
      decodeInto(v, r, stop);
      setSingular(m, f, v);
    }
    return true;
  }
  const expected = wireTypeOf(f);
  if (f.repeated && wt === 2 && expected !== 2) {
    const stop = r.delimited(end);
    const slot = m.slots[f.slot];
    const arr = Array.isArray(slot) ? slot : [];
    while (r.pos < stop) arr.push(readScalar(f, r, stop));
    m.slots[f.slot] = arr;
    return true;
  }
  if (wt !== expected) return false;
  const v = readScalar(f, r, end);
  if (f.repeated) pushTo(m, f, v);
  else setSingular(m, f, v);
  return true;
}

function pushTo(m: Msg, f: FieldSpec, v: Value): void {
  const slot = m.slots[f.slot];
  if (Array.isArray(slot)) slot.push(v);
  else m.slots[f.slot] = [v];
}

function setSingular(m: Msg, f: FieldSpec, v: Value): void {
  if (f.oneof !== undefined) clearOneof(m, f);
  m.slots[f.slot] = v;
}

/** Reads the field whose tag was just read, or skips it as unknown, counting its bytes. */
function readOrSkip(m: Msg, f: FieldSpec | undefined, r: Reader, end: number, start: number): void {
  if (f && readField(m, f, r.wt, r, end)) return;
  skip(r, r.wt, end, r.no);
  m.unknownBytes += r.pos - start;
}

function decodeInto(m: Msg, r: Reader, end: number): void {
  while (r.pos < end) {
    const start = r.pos;
    r.tag(end);
    readOrSkip(m, m.spec.byNumber.get(r.no), r, end, start);
  }
}

async function decodeIntoAsync(m: Msg, r: Reader, end: number, clock: Pace): Promise<void> {
  while (r.pos < end) {
    const start = r.pos;
    r.tag(end);
    const f = m.spec.byNumber.get(r.no);
    if (f && f.big && f.kind === 'message' && r.wt === 2) {
      const stop = r.delimited(end);
      const old = f.repeated ? undefined : m.slots[f.slot];
      const v = isMsg(old) ? old : newMsg(f.message());
      if (v.spec.hasBig) await decodeIntoAsync(v, r, stop, clock);
      else decodeInto(v, r, stop);
      if (f.repeated) pushTo(m, f, v);
      else setSingular(m, f, v);
      if (clock.due()) await clock.pause();
    } else {
      readOrSkip(m, f, r, end, start);
    }
  }
}

const readers = new WeakMap<Uint8Array, Reader>();

function decodeLazy(v: LazyMsg): Msg {
  let r = readers.get(v.buf);
  if (!r) readers.set(v.buf, (r = new Reader(v.buf)));
  const m = newMsg(v.spec);
  const saved = r.pos;
  r.pos = v.start;
  try {
    decodeInto(m, r, v.end);
  } finally {
    r.pos = saved;
  }
  return m;
}

/**
 * The message a value holds: a decoded {@link Msg} as it is, a {@link LazyMsg} decoded now
 * (not kept: read it once per use), anything else undefined.
 */
export function msgOf(v: Value | undefined): Msg | undefined {
  return isMsg(v) ? v : isLazy(v) ? decodeLazy(v) : undefined;
}

function specOf(spec: MessageSpec | string): MessageSpec {
  return typeof spec === 'string' ? messageSpec(spec) : spec;
}

/**
 * Decodes `bytes` as message `spec` (a name from the schema, e.g. `'GraphDef'`), all at
 * once. Throws {@link WireError} for bytes that are not such a message.
 */
export function decodeMessage(spec: MessageSpec | string, bytes: Uint8Array): Msg {
  const m = newMsg(specOf(spec));
  decodeInto(m, new Reader(bytes), bytes.length);
  return m;
}

/** As {@link decodeMessage}, pausing between the elements of big fields as `clock` says. */
export async function decodeMessageAsync(spec: MessageSpec | string, bytes: Uint8Array, clock: Pace = NO_PACE): Promise<Msg> {
  const m = newMsg(specOf(spec));
  await decodeIntoAsync(m, new Reader(bytes), bytes.length, clock);
  return m;
}

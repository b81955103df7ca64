/**
 * A minimal protobuf wire-format cursor for the hot path (Event -> Summary -> Value),
 * where protobufjs' generic decoding costs more than the work itself. Everything
 * outside that path goes through the .proto definitions in `proto.ts`.
 */

const utf8 = new TextDecoder('utf-8');

// Scratch space for little-endian floats: cheaper than a DataView per message.
const scratch = new ArrayBuffer(8);
const scratchBytes = new Uint8Array(scratch);
const scratchF32 = new Float32Array(scratch);
const scratchF64 = new Float64Array(scratch);
const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Wire types of the protobuf encoding. */
export const enum WireType {
  Varint = 0,
  Fixed64 = 1,
  LengthDelimited = 2,
  StartGroup = 3,
  EndGroup = 4,
  Fixed32 = 5,
}

/** A malformed protobuf message. */
export class WireFormatError extends Error {
  override readonly name = 'WireFormatError';
}

/** A read position over a byte range; fields are read in order, unknown ones skipped. */
export class WireReader {
  pos: number;

  /** `end` may be narrowed to read a sub-message in place, then restored. */
  constructor(
    readonly buf: Uint8Array,
    start = 0,
    public end = buf.length,
  ) {
    this.pos = start;
  }

  /** True while fields remain. */
  more(): boolean {
    return this.pos < this.end;
  }

  /** Reads a field key; returns field number * 8 + wire type. */
  key(): number {
    return this.uint32();
  }

  /** A varint that fits in 32 bits (field keys, lengths, enums). */
  uint32(): number {
    const buf = this.buf;
    let result = 0;
    let shift = 0;
    while (shift < 35) {
      if (this.pos >= this.end) throw new WireFormatError('varint runs past the end of the message');
      const b = buf[this.pos++]!;
      result |= (b & 0x7f) << shift;
      if (b < 0x80) return result >>> 0;
      shift += 7;
    }
    // Longer varints (negative int32 enums): skip the remaining bytes, keep the low 32 bits.
    this.skipVarintTail();
    return result >>> 0;
  }

  /** An int64 varint as a JS number (exact up to 2^53; negative values as two's complement). */
  int64(): number {
    const buf = this.buf;
    let lo = 0;
    let hi = 0;
    let i = 0;
    for (; i < 4; i++) {
      if (this.pos >= this.end) throw new WireFormatError('varint runs past the end of the message');
      const b = buf[this.pos++]!;
      lo |= (b & 0x7f) << (i * 7);
      if (b < 0x80) return lo >>> 0;
    }
    if (this.pos >= this.end) throw new WireFormatError('varint runs past the end of the message');
    let b = buf[this.pos++]!;
    lo |= (b & 0x0f) << 28;
    hi = (b & 0x7f) >> 4;
    if (b >= 0x80) {
      for (i = 0; i < 5; i++) {
        if (this.pos >= this.end) throw new WireFormatError('varint runs past the end of the message');
        b = buf[this.pos++]!;
        hi |= (b & 0x7f) << (i * 7 + 3);
        if (b < 0x80) break;
      }
      if (b >= 0x80) throw new WireFormatError('varint longer than 10 bytes');
    }
    lo >>>= 0;
    if (hi & 0x80000000) {
      // Negative: value = -(2^64 - (hi:lo)).
      const nlo = (~lo + 1) >>> 0;
      const nhi = (~hi + (nlo === 0 ? 1 : 0)) >>> 0;
      return -(nhi * 4294967296 + nlo);
    }
    return (hi >>> 0) * 4294967296 + lo;
  }

  double(): number {
    if (this.pos + 8 > this.end) throw new WireFormatError('double runs past the end of the message');
    this.load(8);
    return scratchF64[0]!;
  }

  float(): number {
    if (this.pos + 4 > this.end) throw new WireFormatError('float runs past the end of the message');
    this.load(4);
    return scratchF32[0]!;
  }

  /** Copies the next `n` bytes into the scratch space, in little-endian order. */
  private load(n: number): void {
    const buf = this.buf;
    const p = this.pos;
    if (littleEndian) for (let i = 0; i < n; i++) scratchBytes[i] = buf[p + i]!;
    else for (let i = 0; i < n; i++) scratchBytes[n - 1 - i] = buf[p + i]!;
    this.pos = p + n;
  }

  /** A length-delimited field: returns its [start, end) and moves past it. */
  bytesRange(): [number, number] {
    const len = this.uint32();
    const start = this.pos;
    const end = start + len;
    if (end > this.end) throw new WireFormatError(`field of ${len} bytes runs past the end of the message`);
    this.pos = end;
    return [start, end];
  }

  /** A length-delimited field as a view (no copy). */
  bytes(): Uint8Array {
    const [start, end] = this.bytesRange();
    return this.buf.subarray(start, end);
  }

  /** A string field. Short strings seen before (tags) come from a cache. */
  string(): string {
    const [start, end] = this.bytesRange();
    return decodeString(this.buf, start, end);
  }

  /** Skips a field of the given wire type. */
  skip(wireType: number): void {
    switch (wireType) {
      case WireType.Varint:
        this.skipVarintTail();
        return;
      case WireType.Fixed64:
        this.pos += 8;
        break;
      case WireType.LengthDelimited:
        this.bytesRange();
        return;
      case WireType.Fixed32:
        this.pos += 4;
        break;
      default:
        throw new WireFormatError(`unsupported wire type ${wireType} at byte ${this.pos}`);
    }
    if (this.pos > this.end) throw new WireFormatError('field runs past the end of the message');
  }

  private skipVarintTail(): void {
    while (true) {
      if (this.pos >= this.end) throw new WireFormatError('varint runs past the end of the message');
      if (this.buf[this.pos++]! < 0x80) return;
    }
  }
}

const CACHE_MAX_BYTES = 256;
const CACHE_MAX_ENTRIES = 50_000;
const stringCache = new Map<number, { bytes: Uint8Array; text: string }>();

/**
 * Decodes UTF-8, caching short strings by content: tags repeat in every event, and a
 * hash plus a byte compare costs less than decoding (and yields one string object per
 * tag, so map lookups by it are cheap).
 */
export function decodeString(buf: Uint8Array, start: number, end: number): string {
  const len = end - start;
  if (len === 0) return '';
  if (len > CACHE_MAX_BYTES) return utf8.decode(buf.subarray(start, end));
  let h = 0x811c9dc5 ^ len;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  const hit = stringCache.get(h);
  if (hit && hit.bytes.length === len) {
    let same = true;
    for (let i = 0; i < len; i++) {
      if (hit.bytes[i] !== buf[start + i]) {
        same = false;
        break;
      }
    }
    if (same) return hit.text;
  }
  const text = utf8.decode(buf.subarray(start, end));
  if (stringCache.size >= CACHE_MAX_ENTRIES) stringCache.clear();
  // A copy (Buffer.prototype.slice would be a view of a buffer the reader reuses).
  stringCache.set(h, { bytes: Uint8Array.prototype.slice.call(buf, start, end), text });
  return text;
}

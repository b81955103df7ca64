/**
 * A minimal protobuf wire-format cursor for the hot path (Event -> Summary -> Value),
 * where protobufjs' generic decoding costs more than the work itself. Everything
 * outside that path goes through the .proto definitions in `proto.ts`.
 */

const utf8 = new TextDecoder('utf-8');

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
  private readonly view: DataView;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
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
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  float(): number {
    if (this.pos + 4 > this.end) throw new WireFormatError('float runs past the end of the message');
    const v = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return v;
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

  string(): string {
    const [start, end] = this.bytesRange();
    return utf8.decode(this.buf.subarray(start, end));
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

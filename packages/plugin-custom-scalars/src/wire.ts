/**
 * The protobuf wire format over bytes, as much as the Layout messages need: a reader
 * of tagged fields (varints and length-delimited) and a writer of the same.
 */

const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

/** One field read from a message: its number, and its value as a number (varint) or bytes (length-delimited). */
export interface WireField {
  readonly number: number;
  /** A varint field's value (exact up to 2^53), 0 for a length-delimited one. */
  readonly varint: number;
  /** A varint field's low 32 bits as a signed int32 (how `int32` fields read negative values). */
  readonly int32: number;
  /** A length-delimited field's bytes; null for a varint. */
  readonly bytes: Uint8Array | null;
}

/**
 * Every varint and length-delimited field of `bytes`, in order; fixed-width fields are
 * skipped. Throws a RangeError naming `what` and the byte when the message is cut off
 * or uses a wire type that is not 0, 1, 2 or 5.
 */
export function readFields(bytes: Uint8Array, what: string): WireField[] {
  const fields: WireField[] = [];
  let at = 0;
  let low = 0;
  const varint = (): number => {
    let value = 0;
    low = 0;
    for (let shift = 0; ; shift += 7) {
      if (at >= bytes.length || shift > 63) throw new RangeError(`${what}: expected a varint, found the message cut off at byte ${at}`);
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (shift < 32) low |= (byte & 0x7f) << shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const start = at;
    const key = varint();
    const wire = key % 8;
    const number = Math.floor(key / 8);
    if (wire === 0) {
      const value = varint();
      fields.push({ number, varint: value, int32: low | 0, bytes: null });
    }
    else if (wire === 2) {
      const length = varint();
      if (at + length > bytes.length) throw new RangeError(`${what}: field ${number} at byte ${start} should have ${length} bytes, found ${bytes.length - at}`);
      fields.push({ number, varint: 0, int32: 0, bytes: bytes.subarray(at, at + length) });
      at += length;
    } else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else throw new RangeError(`${what}: expected a protobuf wire type 0, 1, 2 or 5, found ${wire} at byte ${start}`);
    if (at > bytes.length) throw new RangeError(`${what}: field ${number} at byte ${start} is cut off at the end`);
  }
  return fields;
}

/** A length-delimited field's bytes as UTF-8 text; invalid sequences become U+FFFD rather than an error. */
export function utf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}

/** Writes a message field by field, in call order. */
export class WireWriter {
  private readonly out: number[] = [];

  /** A varint field; negative numbers as 64-bit two's complement, as int32 fields are written. */
  varint(number: number, value: number): this {
    this.rawVarint(number * 8);
    this.rawVarint(value);
    return this;
  }

  /** A length-delimited field of raw bytes (an embedded message). */
  bytes(number: number, value: Uint8Array): this {
    this.rawVarint(number * 8 + 2);
    this.rawVarint(value.length);
    for (const b of value) this.out.push(b);
    return this;
  }

  /** A string field, UTF-8. */
  string(number: number, value: string): this {
    return this.bytes(number, utf8Encoder.encode(value));
  }

  /** A 64-bit double field (wire type 1). */
  double(number: number, value: number): this {
    this.rawVarint(number * 8 + 1);
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, value, true);
    for (const x of b) this.out.push(x);
    return this;
  }

  /** A 32-bit float field (wire type 5). */
  float(number: number, value: number): this {
    this.rawVarint(number * 8 + 5);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, value, true);
    for (const x of b) this.out.push(x);
    return this;
  }

  /** The message's bytes. */
  finish(): Uint8Array {
    return Uint8Array.from(this.out);
  }

  private rawVarint(value: number): void {
    let u = BigInt.asUintN(64, BigInt(Math.trunc(value)));
    do {
      let b = Number(u & 0x7fn);
      u >>= 7n;
      if (u > 0n) b |= 0x80;
      this.out.push(b);
    } while (u > 0n);
  }
}

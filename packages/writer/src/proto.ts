/**
 * A small protobuf encoder: enough of the wire format (varints, 64- and 32-bit fixed,
 * length-delimited) to write Event, Summary and the plugin metadata messages without
 * a protobuf library. Fields are written in call order; zero values are written only
 * when asked (proto3 readers treat a missing field as zero either way).
 */

const utf8 = new TextEncoder();

export class ProtoWriter {
  private buf = new Uint8Array(64);
  private view = new DataView(this.buf.buffer);
  private size = 0;

  /** An unsigned varint field (wire type 0); negative int64 values as two's complement. */
  varint(field: number, value: number | bigint): this {
    this.key(field, 0);
    this.rawVarint(value);
    return this;
  }

  /** A bool field. */
  bool(field: number, value: boolean): this {
    return this.varint(field, value ? 1 : 0);
  }

  /** A double field (wire type 1). */
  double(field: number, value: number): this {
    this.key(field, 1);
    this.reserve(8);
    this.view.setFloat64(this.size, value, true);
    this.size += 8;
    return this;
  }

  /** A float field (wire type 5). */
  float(field: number, value: number): this {
    this.key(field, 5);
    this.reserve(4);
    this.view.setFloat32(this.size, value, true);
    this.size += 4;
    return this;
  }

  /** A bytes field (wire type 2). */
  bytes(field: number, value: Uint8Array): this {
    this.key(field, 2);
    this.rawVarint(value.length);
    this.reserve(value.length);
    this.buf.set(value, this.size);
    this.size += value.length;
    return this;
  }

  /** A string field, UTF-8. */
  string(field: number, value: string): this {
    return this.bytes(field, utf8.encode(value));
  }

  /** An embedded message field. */
  message(field: number, value: ProtoWriter): this {
    return this.bytes(field, value.finish());
  }

  /** A packed repeated double field. */
  packedDoubles(field: number, values: ArrayLike<number>): this {
    const b = new Uint8Array(values.length * 8);
    const view = new DataView(b.buffer);
    for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i]!, true);
    return this.bytes(field, b);
  }

  /** A packed repeated float field. */
  packedFloats(field: number, values: ArrayLike<number>): this {
    const b = new Uint8Array(values.length * 4);
    const view = new DataView(b.buffer);
    for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
    return this.bytes(field, b);
  }

  /** The encoded message (a view of this writer's buffer). */
  finish(): Uint8Array {
    return this.buf.subarray(0, this.size);
  }

  private key(field: number, wire: number): void {
    this.rawVarint(field * 8 + wire);
  }

  private rawVarint(value: number | bigint): void {
    this.reserve(10);
    if (typeof value === 'number' && value >= 0 && value < 2 ** 31 && Number.isInteger(value)) {
      let v = value;
      while (v >= 0x80) {
        this.buf[this.size++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      this.buf[this.size++] = v;
      return;
    }
    let v = BigInt.asUintN(64, BigInt(value));
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) byte |= 0x80;
      this.buf[this.size++] = byte;
    } while (v !== 0n);
  }

  private reserve(n: number): void {
    if (this.size + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.size + n));
    next.set(this.buf.subarray(0, this.size));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
}

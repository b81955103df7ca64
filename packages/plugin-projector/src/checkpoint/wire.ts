/**
 * A minimal protobuf wire-format reader: varints and length-delimited fields, enough for
 * the tensor bundle's BundleHeaderProto and BundleEntryProto and the table's block
 * handles. Every read checks its bounds and throws a {@link CheckpointFormatError}.
 */

/** Bytes that are not the checkpoint format they should be. */
export class CheckpointFormatError extends Error {
  override readonly name = 'CheckpointFormatError';
}

/** A cursor over bytes. */
export class WireReader {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
    readonly what = 'message',
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  /** An unsigned varint up to 2^53 (checkpoint sizes and offsets fit). */
  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new CheckpointFormatError(`${this.what}: expected a varint at byte ${this.pos}, found the end (${this.end})`);
      const b = this.bytes[this.pos++]!;
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    throw new CheckpointFormatError(`${this.what}: a varint longer than 10 bytes at byte ${this.pos - 10}`);
  }

  /** A little-endian uint32. */
  fixed32(): number {
    if (this.pos + 4 > this.end) throw new CheckpointFormatError(`${this.what}: expected 4 bytes at ${this.pos}, found ${this.end - this.pos}`);
    const b = this.bytes;
    const v = (b[this.pos]! | (b[this.pos + 1]! << 8) | (b[this.pos + 2]! << 16) | (b[this.pos + 3]! << 24)) >>> 0;
    this.pos += 4;
    return v;
  }

  /** `n` bytes, as a view. */
  take(n: number): Uint8Array {
    if (this.pos + n > this.end) throw new CheckpointFormatError(`${this.what}: expected ${n} bytes at ${this.pos}, found ${this.end - this.pos}`);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** Skips a field of wire type `wireType`. */
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.take(8);
    else if (wireType === 2) this.take(this.varint());
    else if (wireType === 5) this.take(4);
    else throw new CheckpointFormatError(`${this.what}: unsupported wire type ${wireType} at byte ${this.pos}`);
  }
}

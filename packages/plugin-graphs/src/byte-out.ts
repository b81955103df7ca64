/**
 * An answer written as bytes into chunks of 1 MiB, joined once at the end: a 30 MB answer
 * makes no string per line for the garbage collector and is never copied as it grows.
 * The protobuf text writer and the graph_json builder write into it.
 */
const CHUNK = 1 << 20;

/** A growing sequence of bytes. Write after {@link reserve}, or with the helpers. */
export class ByteOut {
  private readonly chunks: Uint8Array[] = [];
  private total = 0;
  /** The current chunk; bytes go at {@link len}. */
  buf: Uint8Array = new Uint8Array(1 << 16);
  len = 0;
  private text: Buffer = Buffer.from(this.buf.buffer);

  /** Makes room for `n` more bytes in the current chunk. */
  reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    this.chunks.push(this.buf.subarray(0, this.len));
    this.total += this.len;
    this.buf = new Uint8Array(Math.max(CHUNK, n));
    this.text = Buffer.from(this.buf.buffer);
    this.len = 0;
  }

  /** Bytes as they are. */
  raw(b: Uint8Array): void {
    this.reserve(b.length);
    if (b.length > 32) {
      this.buf.set(b, this.len);
      this.len += b.length;
    } else {
      for (let i = 0; i < b.length; i++) this.buf[this.len++] = b[i]!;
    }
  }

  /** A string of ASCII characters (numbers, names): one byte each. */
  ascii(s: string): void {
    this.reserve(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.len++] = s.charCodeAt(i);
  }

  /** Any string, as UTF-8. */
  utf8(s: string): void {
    this.reserve(s.length * 3);
    this.len += this.text.write(s, this.len, 'utf8');
  }

  /** One byte. */
  byte(b: number): void {
    this.reserve(1);
    this.buf[this.len++] = b;
  }

  /** How many bytes were written. */
  get length(): number {
    return this.total + this.len;
  }

  /** The bytes written, in one buffer of their own size. */
  result(): Uint8Array {
    const out = new Uint8Array(this.total + this.len);
    let at = 0;
    for (const c of [...this.chunks, this.buf.subarray(0, this.len)]) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

import { describe, expect, it } from 'vitest';
import { WireFormatError, WireReader } from './wire.js';

/** Encodes a non-negative bigint or a negative one (two's complement, 10 bytes) as a varint. */
function varint(v: bigint): number[] {
  let u = v < 0n ? (1n << 64n) + v : v;
  const out: number[] = [];
  do {
    let b = Number(u & 0x7fn);
    u >>= 7n;
    if (u > 0n) b |= 0x80;
    out.push(b);
  } while (u > 0n);
  return out;
}

describe('WireReader.int64', () => {
  it.each([0n, 1n, 127n, 128n, 300n, 2147483647n, 2147483648n, 4294967296n, 2n ** 53n - 1n, 4611686018427387904n, -1n, -5n, -(2n ** 40n)])(
    'reads %s',
    (v) => {
      const r = new WireReader(Uint8Array.from(varint(v)));
      expect(r.int64()).toBe(Number(v));
      expect(r.more()).toBe(false);
    },
  );

  it('reads the literal bytes of step -5 as PyTorch writes them', () => {
    const bytes = Uint8Array.of(0xfb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01);
    expect(new WireReader(bytes).int64()).toBe(-5);
  });

  it('rejects a varint cut short', () => {
    expect(() => new WireReader(Uint8Array.of(0x80, 0x80)).int64()).toThrow(WireFormatError);
  });
});

describe('WireReader fields', () => {
  it('reads a length-delimited string and skips unknown fields', () => {
    // field 1 varint 150, field 2 string "hé", field 3 fixed32, field 4 fixed64
    const bytes = Uint8Array.of(0x08, 0x96, 0x01, 0x12, 0x03, 0x68, 0xc3, 0xa9, 0x1d, 1, 2, 3, 4, 0x21, 1, 2, 3, 4, 5, 6, 7, 8);
    const r = new WireReader(bytes);
    expect(r.key()).toBe(0x08);
    expect(r.uint32()).toBe(150);
    expect(r.key()).toBe(0x12);
    expect(r.string()).toBe('hé');
    r.skip(r.key() & 7);
    r.skip(r.key() & 7);
    expect(r.more()).toBe(false);
  });

  it('refuses a length that runs past the message', () => {
    const r = new WireReader(Uint8Array.of(0x0a, 0x05, 1, 2));
    r.key();
    expect(() => r.bytes()).toThrow(/runs past the end/);
  });

  it('refuses group wire types', () => {
    expect(() => new WireReader(Uint8Array.of(0x0b)).skip(3)).toThrow(WireFormatError);
  });
});

describe('decodeString', () => {
  it('returns cached strings only for equal bytes, even when the source buffer is reused', async () => {
    const { decodeString } = await import('./wire.js');
    const buf = Buffer.from('epoch_loss');
    expect(decodeString(buf, 0, buf.length)).toBe('epoch_loss');
    buf.write('epoch_accu');
    expect(decodeString(buf, 0, buf.length)).toBe('epoch_accu');
    expect(decodeString(Buffer.from('epoch_loss'), 0, 10)).toBe('epoch_loss');
    expect(decodeString(Buffer.from('xx日本語'), 2, 11)).toBe('日本語');
  });
});

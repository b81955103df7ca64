import { describe, expect, it } from 'vitest';
import { crc32c, maskCrc, maskedCrc32c } from './crc32c.js';

/** Bit-at-a-time CRC32C with no tables: the slow, obviously-correct reference. */
function referenceCrc32c(data: Uint8Array, start = 0, end = data.length): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) {
    crc ^= data[i]!;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Deterministic pseudo-random bytes (xorshift32), so failures reproduce. */
function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = s & 0xff;
  }
  return out;
}

describe('crc32c', () => {
  it('matches the standard check value for "123456789"', () => {
    expect(crc32c(new TextEncoder().encode('123456789'))).toBe(0xe3069283);
  });

  it('matches the RFC 3720 (iSCSI) test vectors', () => {
    expect(crc32c(new Uint8Array(32))).toBe(0x8a9136aa);
    expect(crc32c(new Uint8Array(32).fill(0xff))).toBe(0x62a8ab43);
    expect(crc32c(Uint8Array.from({ length: 32 }, (_, i) => i))).toBe(0x46dd794e);
    expect(crc32c(Uint8Array.from({ length: 32 }, (_, i) => 31 - i))).toBe(0x113fdb5c);
  });

  it('is 0 for empty input and returns unsigned values', () => {
    expect(crc32c(new Uint8Array(0))).toBe(0);
    const v = crc32c(new TextEncoder().encode('123456789')); // 0xE3069283 has the top bit set
    expect(v).toBeGreaterThan(0x7fffffff);
  });

  it('honours start and end', () => {
    const text = new TextEncoder().encode('xx123456789yyy');
    expect(crc32c(text, 2, 11)).toBe(0xe3069283);
    expect(crc32c(text, 2)).toBe(referenceCrc32c(text, 2));
    expect(crc32c(text, 5, 5)).toBe(0);
    const zeros = new Uint8Array(40);
    expect(crc32c(zeros, 3, 35)).toBe(0x8a9136aa);
  });

  it('rejects ranges outside the input', () => {
    const b = new Uint8Array(4);
    expect(() => crc32c(b, 0, 5)).toThrow(RangeError);
    expect(() => crc32c(b, -1)).toThrow(RangeError);
    expect(() => crc32c(b, 3, 2)).toThrow(RangeError);
  });

  it('agrees with a bitwise reference on random buffers of many lengths and offsets', () => {
    for (let n = 0; n < 70; n++) {
      const data = randomBytes(n, 1000 + n);
      expect(crc32c(data)).toBe(referenceCrc32c(data));
    }
    for (const n of [127, 255, 1001, 4097, 65_537]) {
      const data = randomBytes(n, n);
      expect(crc32c(data)).toBe(referenceCrc32c(data));
      for (const [s, e] of [
        [1, n],
        [3, n - 5],
        [7, 7 + ((n - 8) | 1)],
      ] as const) {
        expect(crc32c(data, s, e)).toBe(referenceCrc32c(data, s, e));
      }
    }
  });

  it('works on views into a larger buffer', () => {
    const backing = randomBytes(1000, 42);
    const view = backing.subarray(13, 13 + 501);
    expect(crc32c(view)).toBe(referenceCrc32c(backing, 13, 514));
  });
});

describe('maskCrc', () => {
  it('rotates right by 15 and adds 0xa282ead8, unsigned', () => {
    expect(maskCrc(0)).toBe(0xa282ead8);
    expect(maskCrc(0x8000)).toBe(0xa282ead9);
    expect(maskCrc(1)).toBe((0x20000 + 0xa282ead8) >>> 0);
    expect(maskCrc(0xffffffff)).toBe(0xa282ead7);
    for (const c of [0xe3069283, 0x12345678, 0x80000000]) {
      const rot = ((c >>> 15) | (c << 17)) >>> 0;
      expect(maskCrc(c)).toBe((rot + 0xa282ead8) % 2 ** 32);
    }
  });

  it('maskedCrc32c matches the checksum TensorBoard wrote for a length field', () => {
    // The first record of a real event file: length 0x48, stored masked CRC fe 92 48 9d (LE).
    const len = Uint8Array.of(0x48, 0, 0, 0, 0, 0, 0, 0);
    expect(maskedCrc32c(len)).toBe(0x9d4892fe);
    const padded = Uint8Array.of(9, 9, 0x48, 0, 0, 0, 0, 0, 0, 0, 9);
    expect(maskedCrc32c(padded, 2, 10)).toBe(0x9d4892fe);
  });
});

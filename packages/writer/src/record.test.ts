import { describe, expect, it } from 'vitest';
import { crc32c, maskCrc } from './crc32c.js';
import { frameRecord } from './record.js';

describe('crc32c', () => {
  it('matches the standard check values', () => {
    expect(crc32c(new TextEncoder().encode('123456789'))).toBe(0xe3069283);
    expect(crc32c(new Uint8Array(32))).toBe(0x8a9136aa);
    expect(crc32c(new Uint8Array(32).fill(0xff))).toBe(0x62a8ab43);
    expect(crc32c(new Uint8Array(0))).toBe(0);
  });

  it('masks as TFRecord does: rotate right 15, add 0xa282ead8', () => {
    expect(maskCrc(0)).toBe(0xa282ead8);
    expect(maskCrc(0x00008000)).toBe((1 + 0xa282ead8) >>> 0);
    expect(maskCrc(0xe3069283)).toBe(0xc78ab0e5);
  });
});

describe('frameRecord', () => {
  it('frames one record byte for byte: length, masked CRC of length, data, masked CRC of data', () => {
    const data = new TextEncoder().encode('123456789');
    // Expected bytes worked out apart from this code (bitwise CRC32C, then the mask):
    // length 9 as uint64 LE; masked CRC32C of those 8 bytes = 0x3971f937; the data; the
    // masked CRC32C of "123456789" (0xe3069283 -> 0xc78ab0e5), each little-endian.
    expect(Array.from(frameRecord(data))).toEqual([
      9, 0, 0, 0, 0, 0, 0, 0,
      0x37, 0xf9, 0x71, 0x39,
      ...data,
      0xe5, 0xb0, 0x8a, 0xc7,
    ]);
  });

  it('frames an empty record', () => {
    expect(frameRecord(new Uint8Array(0)).length).toBe(16);
  });
});

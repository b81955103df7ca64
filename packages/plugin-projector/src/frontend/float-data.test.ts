import { describe, expect, it } from 'vitest';
import { decodeBase64Float32, encodeBase64Float32, floatsOfBytes } from './float-data.js';

describe('float data', () => {
  it('decodes base64 of little-endian float32', () => {
    expect([...decodeBase64Float32('AACAPw==')]).toEqual([1]);
    const values = new Float32Array([0, -2.5, 3.25, 1e-3]);
    expect([...decodeBase64Float32(encodeBase64Float32(values))]).toEqual([...values]);
  });
  it('reads raw bytes little-endian', () => {
    const bytes = new Uint8Array([0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0]);
    expect([...floatsOfBytes(bytes.buffer)]).toEqual([1, -2]);
  });
  it('says what it expected when the length is wrong', () => {
    expect(() => decodeBase64Float32('AAA=')).toThrow(/multiple of 4 bytes\), found 2 bytes/);
  });
});

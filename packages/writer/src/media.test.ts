import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { encodePng } from './image.js';
import { encodeWav } from './wav.js';

describe('encodePng', () => {
  it('encodes gray, RGB and RGBA pixels that decode back the same', () => {
    for (const channels of [1, 3, 4] as const) {
      const data = Uint8Array.from({ length: 5 * 3 * channels }, (_, i) => (i * 37) % 256);
      const png = decodeBytes(encodePng({ data, width: 5, height: 3, channels }));
      expect([png.width, png.height, png.channels]).toEqual([5, 3, channels]);
      expect(Array.from(png.data)).toEqual(Array.from(data));
    }
  });

  it('scales floats from 0..1 and clips', () => {
    const png = decodeBytes(encodePng({ data: Float32Array.of(0, 0.5, 1, 2), width: 2, height: 2, channels: 1 }));
    expect(Array.from(png.data)).toEqual([0, 128, 255, 255]);
  });

  it('says what is wrong with a bad size', () => {
    expect(() => encodePng({ data: new Uint8Array(3), width: 2, height: 2, channels: 1 })).toThrow('image of 2x2x1 needs 4 values, found 3');
  });
});

function decodeBytes(bytes: Uint8Array) {
  expect(Array.from(bytes.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return decode(bytes);
}

describe('encodeWav', () => {
  it('writes a 16-bit PCM mono RIFF header and the clipped samples', () => {
    const wav = encodeWav(Float32Array.of(0, 1, -1, 2), 16000);
    const v = new DataView(wav.buffer);
    const ascii = (at: number) => String.fromCharCode(...wav.subarray(at, at + 4));
    expect([ascii(0), ascii(8), ascii(12), ascii(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(v.getUint32(4, true)).toBe(36 + 8);
    expect([v.getUint16(20, true), v.getUint16(22, true), v.getUint32(24, true), v.getUint16(34, true)]).toEqual([1, 1, 16000, 16]);
    expect(v.getUint32(40, true)).toBe(8);
    expect([0, 1, 2, 3].map((i) => v.getInt16(44 + i * 2, true))).toEqual([0, 32767, -32768, 32767]);
  });
});

import { describe, expect, it } from 'vitest';
import { imageContentType } from './content-type.js';

describe('imageContentType', () => {
  it('knows the formats by their magic numbers', () => {
    expect(imageContentType(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(imageContentType(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(imageContentType(new TextEncoder().encode('GIF89a...'))).toBe('image/gif');
    expect(imageContentType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(imageContentType(new TextEncoder().encode('BM....'))).toBe('image/bmp');
  });
  it('never guesses: anything else is application/octet-stream (even SVG or HTML)', () => {
    expect(imageContentType(new TextEncoder().encode('<svg onload=alert(1)>'))).toBe('application/octet-stream');
    expect(imageContentType(new Uint8Array(0))).toBe('application/octet-stream');
  });
});

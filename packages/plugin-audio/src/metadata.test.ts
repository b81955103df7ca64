import { describe, expect, it } from 'vitest';
import { audioContentType } from './metadata.js';

describe('audioContentType', () => {
  it('says audio/wav for WAV and octet-stream for anything else, as TensorBoard', () => {
    expect(audioContentType(Uint8Array.of(0x10, 11))).toBe('audio/wav');
    expect(audioContentType(Uint8Array.of(0x10, 11, 0x18, 1))).toBe('audio/wav');
    expect(audioContentType(new Uint8Array(0))).toBe('application/octet-stream');
    expect(audioContentType(Uint8Array.of(0x10, 3))).toBe('application/octet-stream');
    expect(audioContentType(Uint8Array.of(0xff))).toBe('application/octet-stream');
  });
});

import { describe, expect, it } from 'vitest';
import { formatBytes, formatMicros } from './format.js';

describe('format', () => {
  it('writes compute time in the unit that fits', () => {
    expect(formatMicros(850)).toBe('850 µs');
    expect(formatMicros(1250)).toBe('1.25 ms');
    expect(formatMicros(3_400_000)).toBe('3.4 s');
  });
  it('writes memory in powers of 1024', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(12.3 * 1024 * 1024)).toBe('12.3 MB');
  });
});

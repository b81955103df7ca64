import { describe, expect, it } from 'vitest';
import { pathHash } from './path-hash.js';

describe('pathHash', () => {
  const path = Float32Array.of(0, 10, 1, 12, NaN, NaN, 3, 4);

  it('is stable for the same drawing and ignores sub-quarter-pixel noise', () => {
    expect(pathHash([{ color: '#f00', path }])).toBe(pathHash([{ color: '#f00', path: path.map((v) => v + 0.01) }]));
    expect(pathHash([{ color: '#f00', path }])).toMatch(/^[0-9a-f]{8}$/);
  });

  it('changes when a line moves or changes colour', () => {
    const moved = Float32Array.from(path);
    moved[3] = 13;
    expect(pathHash([{ color: '#f00', path }])).not.toBe(pathHash([{ color: '#f00', path: moved }]));
    expect(pathHash([{ color: '#f00', path }])).not.toBe(pathHash([{ color: '#00f', path }]));
  });
});

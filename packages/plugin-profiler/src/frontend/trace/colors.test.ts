import { describe, expect, it } from 'vitest';
import { hashName, namePalette, sliceColor } from './colors.js';

describe('slice colours', () => {
  it('are stable per name and differ between names', () => {
    expect(sliceColor('aten::conv2d', false)).toBe(sliceColor('aten::conv2d', false));
    expect(hashName('aten::conv2d')).not.toBe(hashName('aten::relu'));
    const names = Array.from({ length: 200 }, (_, i) => `op${i}`);
    expect(new Set(namePalette(names, false)).size).toBeGreaterThan(150);
  });

  it('are lighter in the light theme than in the dark one', () => {
    const lightness = (c: string): number => Number(/(\d+)%\)$/.exec(c)![1]);
    for (const n of ['a', 'cudaLaunchKernel', 'volta_sgemm_128x64_nn']) {
      expect(lightness(sliceColor(n, false))).toBeGreaterThanOrEqual(66);
      expect(lightness(sliceColor(n, true))).toBeLessThanOrEqual(44);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { metricColorScale, NO_VALUE_COLOR, oklchToHex, rampColor } from './color-scale.js';

/** The relative luminance of `#rrggbb` (WCAG). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('metricColorScale', () => {
  it('maps the lowest value to blue and the highest to red', () => {
    const s = metricColorScale([0.62, null, 0.87, NaN, 0.8])!;
    expect(s.domain).toEqual([0.62, 0.87]);
    const [r0, , b0] = [1, 3, 5].map((i) => parseInt(s.color(0.62).slice(i, i + 2), 16));
    const [r1, , b1] = [1, 3, 5].map((i) => parseInt(s.color(0.87).slice(i, i + 2), 16));
    expect(b0!).toBeGreaterThan(r0!);
    expect(r1!).toBeGreaterThan(b1!);
    expect(s.color(0.62)).toBe(rampColor(0));
    expect(s.color(0.87)).toBe(rampColor(1));
  });

  it('gives missing and non-finite values the neutral colour, clamps values outside', () => {
    const s = metricColorScale([0, 1])!;
    expect(s.color(null)).toBe(NO_VALUE_COLOR);
    expect(s.color(NaN)).toBe(NO_VALUE_COLOR);
    expect(s.color('x')).toBe(NO_VALUE_COLOR);
    expect(s.color(5)).toBe(s.color(1));
    expect(s.color(-5)).toBe(s.color(0));
  });

  it('is null without a finite value, and one colour for a single value', () => {
    expect(metricColorScale([null, NaN, Infinity])).toBeNull();
    const s = metricColorScale([3, 3])!;
    expect(s.color(3)).toBe(rampColor(0.5));
  });

  it('has legend stops from 0 to 1 in ramp order', () => {
    const s = metricColorScale([0, 1])!;
    expect(s.stops.map((x) => x.offset)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(s.stops[0]!.color).toBe(s.color(0));
    expect(s.stops[4]!.color).toBe(s.color(1));
  });

  it('keeps every colour readable on white and on the dark surface (similar luminance)', () => {
    const lum = Array.from({ length: 11 }, (_, i) => luminance(rampColor(i / 10)));
    for (const l of lum) {
      // Contrast at least 2.2:1 against white and against #2b2c2f.
      expect((1 + 0.05) / (l + 0.05)).toBeGreaterThan(2.2);
      expect((l + 0.05) / (luminance('#2b2c2f') + 0.05)).toBeGreaterThan(2.2);
    }
  });

  it('converts OKLCH to sRGB hex, lowering chroma to stay in gamut', () => {
    expect(oklchToHex(1, 0, 0)).toBe('#ffffff');
    expect(oklchToHex(0, 0, 0)).toBe('#000000');
    // sRGB red is oklch(0.628 0.2577 29.23).
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(oklchToHex(0.628, 0.2577, 29.23).slice(i, i + 2), 16));
    expect(r!).toBeGreaterThanOrEqual(0xf0);
    expect(g!).toBeLessThanOrEqual(0x10);
    expect(b!).toBeLessThanOrEqual(0x10);
  });
});

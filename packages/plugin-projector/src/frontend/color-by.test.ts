import { describe, expect, it } from 'vitest';
import { CATEGORY_PALETTE, colorByColumn, DEFAULT_POINT_COLOR, hexToRgb } from './color-by.js';

describe('colour by column', () => {
  it('gives one colour without a column', () => {
    const c = colorByColumn(null, 2);
    expect(c.kind).toBe('none');
    expect([...c.rgb.slice(3, 6)]).toEqual(hexToRgb(DEFAULT_POINT_COLOR).map((v) => Math.fround(v)));
  });
  it('colours categories with a legend in numeric order', () => {
    const c = colorByColumn(['10', '2', '10', 'x'], 4);
    expect(c.kind).toBe('category');
    expect(c.legend.map((e) => [e.label, e.count])).toEqual([['2', 1], ['10', 2], ['x', 1]]);
    expect([...c.rgb.slice(0, 3)]).toEqual([...c.rgb.slice(6, 9)]);
    expect([...c.rgb.slice(0, 3)]).toEqual(hexToRgb(CATEGORY_PALETTE[1]!).map((v) => Math.fround(v)));
  });
  it('ramps many numbers', () => {
    const values = Array.from({ length: 30 }, (_, i) => String(i));
    const c = colorByColumn(values, 30);
    expect(c.kind).toBe('numeric');
    expect(c.legend.map((e) => e.label)).toEqual(['0', '29']);
    expect(c.rgb[0]).not.toBe(c.rgb[29 * 3]);
  });
  it('rejects a colour that is not #rrggbb', () => {
    expect(() => hexToRgb('red')).toThrow(/Expected a colour as #rrggbb, found "red"/);
  });
});

import { describe, expect, it } from 'vitest';
import { createScale } from '@tb/ui';
import { isZoomed, NO_ZOOM, zoomFromDrag } from './zoom.js';

const x = createScale('linear', [0, 100], [0, 200]);
const y = createScale('linear', [0, 10], [100, 0]);

describe('zoomFromDrag', () => {
  it('turns a box into x and y data ranges', () => {
    expect(zoomFromDrag(x, y, 20, 10, 60, 50, NO_ZOOM)).toEqual({ x: [10, 30], y: [5, 9] });
  });

  it('zooms only x for a flat drag, only y for a thin one', () => {
    expect(zoomFromDrag(x, y, 60, 10, 20, 12, NO_ZOOM)).toEqual({ x: [10, 30], y: null });
    expect(zoomFromDrag(x, y, 20, 10, 22, 50, { x: [1, 2], y: null })).toEqual({ x: [1, 2], y: [5, 9] });
  });

  it('ignores a click', () => {
    expect(zoomFromDrag(x, y, 20, 10, 21, 11, NO_ZOOM)).toBeNull();
  });

  it('works through a log scale', () => {
    const logY = createScale('log', [1, 1000], [300, 0]);
    const z = zoomFromDrag(x, logY, 0, 0, 100, 100, NO_ZOOM)!;
    expect(z.y![0]).toBeCloseTo(100, 8);
    expect(z.y![1]).toBeCloseTo(1000, 8);
  });
});

describe('isZoomed', () => {
  it('is false only for no zoom', () => {
    expect(isZoomed(NO_ZOOM)).toBe(false);
    expect(isZoomed({ x: null, y: [0, 1] })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { boxSelect, pickNearest, projectToScreen } from './picking.js';

const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

describe('screen-space picking', () => {
  it('projects clip space to pixels, y down', () => {
    const s = projectToScreen(new Float32Array([0, 0, 0, -1, 1, 0, 1, -1, 0]), IDENTITY, 200, 100);
    expect([...s]).toEqual([100, 50, 0, 0, 200, 100]);
  });
  it('marks points behind the camera', () => {
    const m = [...IDENTITY];
    m[15] = -1;
    expect(projectToScreen(new Float32Array([0, 0, 0]), m, 10, 10)[0]).toBeNaN();
  });
  it('finds the nearest point within the radius', () => {
    const screen = new Float32Array([10, 10, 14, 10, 50, 50]);
    expect(pickNearest(screen, 13, 10, 5)).toBe(1);
    expect(pickNearest(screen, 30, 30, 5)).toBe(-1);
    expect(pickNearest(screen, 13, 10, 5, (i) => i !== 1)).toBe(0);
  });
  it('is fast enough for 100,000 points', () => {
    const n = 100_000;
    const pos = new Float32Array(n * 3).map(() => Math.random() * 2 - 1);
    const t0 = performance.now();
    const screen = projectToScreen(pos, IDENTITY, 1000, 800);
    pickNearest(screen, 500, 400, 4);
    expect(performance.now() - t0).toBeLessThan(200);
  });
  it('selects the points inside a box, corners in any order', () => {
    const screen = new Float32Array([10, 10, 20, 20, 30, 5, NaN, NaN]);
    expect(boxSelect(screen, { x0: 25, y0: 25, x1: 5, y1: 5 })).toEqual([0, 1]);
    expect(boxSelect(screen, { x0: 0, y0: 0, x1: 40, y1: 40 }, (i) => i !== 0)).toEqual([1, 2]);
  });
});

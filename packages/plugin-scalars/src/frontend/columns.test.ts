import { describe, expect, it } from 'vitest';
import { reduceColumns, vertexCount } from './columns.js';

const id = (v: number) => v;
const pairs = (p: Float32Array): [number, number][] => Array.from({ length: p.length / 2 }, (_, i) => [p[2 * i]!, p[2 * i + 1]!]);

describe('reduceColumns', () => {
  it('keeps first, min, max and last of each column, in order', () => {
    // One column (x in [0, 1)): y = 5, 9, 1, 7, 3; "min" on screen is the largest y.
    const x = Float64Array.of(0, 0.2, 0.4, 0.6, 0.8);
    const y = Float64Array.of(5, 9, 1, 7, 3);
    expect(pairs(reduceColumns(x, y, id, id))).toEqual([
      [0, 5],
      [Math.fround(0.2), 9],
      [Math.fround(0.4), 1],
      [Math.fround(0.8), 3],
    ]);
  });

  it('reduces 10,000 points to at most 4 per column and keeps the extremes and the last point', () => {
    const n = 10_000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 10 + (i === 4321 ? 500 : 0) - (i === 777 ? 300 : 0));
    const mapX = (v: number) => (v / n) * 200;
    const path = reduceColumns(x, y, mapX, id);
    expect(vertexCount(path)).toBeLessThanOrEqual(200 * 4);
    const ys = pairs(path).map(([, py]) => py);
    expect(Math.max(...ys)).toBeCloseTo(Math.max(...y), 3);
    expect(Math.min(...ys)).toBeCloseTo(Math.min(...y), 3);
    expect(pairs(path).at(-1)).toEqual([Math.fround(mapX(n - 1)), Math.fround(y[n - 1]!)]);
  });

  it('keeps every point when each has its own column', () => {
    const x = Float64Array.of(0, 1, 2);
    const y = Float64Array.of(3, 1, 2);
    expect(pairs(reduceColumns(x, y, id, id))).toEqual([
      [0, 3],
      [1, 1],
      [2, 2],
    ]);
  });

  it('breaks the line at points the scales cannot place', () => {
    const x = Float64Array.of(0, 1, 2, 3, 4);
    const y = Float64Array.of(1, NaN, 2, NaN, NaN);
    const path = reduceColumns(x, y, id, id);
    expect(pairs(path).map(([a, b]) => (Number.isNaN(a) ? 'gap' : `${a},${b}`))).toEqual(['0,1', 'gap', '2,2']);
  });

  it('honours a from/to window and is empty for no points', () => {
    const x = Float64Array.of(0, 1, 2, 3);
    expect(pairs(reduceColumns(x, x, id, id, 1, 3))).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(reduceColumns(new Float64Array(0), new Float64Array(0), id, id).length).toBe(0);
  });
});

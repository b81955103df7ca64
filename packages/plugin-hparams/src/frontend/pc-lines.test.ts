import { describe, expect, it } from 'vitest';
import { axisScale } from './axis-scale.js';
import { buildTable } from './columns.js';
import { EXPERIMENT, GROUPS } from './fixtures.js';
import { axisXs, lineGeometry, linePath, nearestLine } from './pc-lines.js';

const { columns, rows } = buildTable(EXPERIMENT, GROUPS);

describe('parallel-coordinates lines', () => {
  it('spreads axes evenly, one in the middle', () => {
    expect(axisXs(3, 10, 110)).toEqual([10, 60, 110]);
    expect(axisXs(1, 0, 100)).toEqual([50]);
    expect(axisXs(0, 0, 100)).toEqual([]);
  });

  const indices = [1, 4]; // lr, accuracy
  const scales = indices.map((i) => axisScale(columns[i]!, rows.map((r) => r.cells[i] ?? null), [100, 0], i === 1));
  const g = lineGeometry(rows, indices, scales, [0, 200]);

  it('places each row on each axis; NaN where a value is missing', () => {
    expect(g.rows).toBe(5);
    // run-01: lr 0.01 is the middle decade of 0.001..0.1; accuracy 0.87 is the top.
    expect(g.ys[1 * 2 + 0]).toBeCloseTo(50);
    expect(g.ys[1 * 2 + 1]).toBeCloseTo(0);
    expect(g.ys[3 * 2 + 1]).toBeNaN();
  });

  it('draws a polyline, and a short tick where only one axis has a value', () => {
    expect(linePath(g, 1)).toBe('M0.0,50.0L200.0,0.0');
    expect(linePath(g, 3)).toBe('M-3.0,50.0h6');
  });

  it('breaks a line where a middle axis has no value', () => {
    const three = { xs: [0, 100, 200], ys: Float64Array.from([10, NaN, 30, 10, 20, 30]), rows: 2 };
    expect(linePath(three, 0)).toBe('M-3.0,10.0h6M197.0,30.0h6');
    expect(linePath(three, 1)).toBe('M0.0,10.0L100.0,20.0L200.0,30.0');
  });

  it('finds the line nearest the mouse between two axes, within a distance', () => {
    const lines = { xs: [0, 100], ys: Float64Array.from([0, 100, 100, 0, 40, 40]), rows: 3 };
    // At x = 50 the first two cross at 50 and the third is at 40.
    expect(nearestLine(lines, [0, 1, 2], 50, 42, 8)).toBe(2);
    expect(nearestLine(lines, [0, 1, 2], 25, 24, 8)).toBe(0);
    expect(nearestLine(lines, [0, 1, 2], 25, 76, 8)).toBe(1);
    expect(nearestLine(lines, [0, 1, 2], 50, 60, 8)).toBe(-1);
    // Only candidates count; beyond the outer axes, the outer axis' value does.
    expect(nearestLine(lines, [0, 1], 50, 42, 10)).toBe(1);
    expect(nearestLine(lines, [0, 1, 2], -20, 99, 8)).toBe(1);
    expect(nearestLine(lines, [0, 1, 2], 130, 99, 8)).toBe(0);
  });
});

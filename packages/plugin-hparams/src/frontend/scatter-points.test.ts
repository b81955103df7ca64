import { describe, expect, it } from 'vitest';
import { axisScale } from './axis-scale.js';
import { buildTable } from './columns.js';
import { EXPERIMENT, GROUPS } from './fixtures.js';
import { nearestPoint, pointGeometry } from './scatter-points.js';

describe('scatter points', () => {
  const { columns, rows } = buildTable(EXPERIMENT, GROUPS);
  const xi = 2; // optimizer: adam, sgd
  const yi = 4; // accuracy
  const x = axisScale(columns[xi]!, rows.map((r) => r.cells[xi] ?? null), [0, 200], false);
  const y = axisScale(columns[yi]!, rows.map((r) => r.cells[yi] ?? null), [100, 0], false);
  const g = pointGeometry(rows, xi, yi, x, y);

  it('places each row by its two values; NaN where one is missing', () => {
    expect(g.xs[0]).toBe(50); // adam
    expect(g.xs[2]).toBe(150); // sgd
    expect(g.ys[1]).toBeCloseTo(0); // the best accuracy is at the top
    expect(g.ys[2]).toBeCloseTo(100); // the worst at the bottom
    expect(g.ys[3]).toBeNaN(); // no accuracy
  });

  it('finds the nearest point among the candidates, within a distance', () => {
    expect(nearestPoint(g, [0, 1, 2, 3, 4], 52, 3, 8)).toBe(1);
    expect(nearestPoint(g, [0, 2, 3, 4], 52, 3, 8)).toBe(-1);
    expect(nearestPoint(g, [0, 1, 2, 3, 4], 148, 97, 8)).toBe(2);
  });
});

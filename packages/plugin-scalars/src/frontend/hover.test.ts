import { describe, expect, it } from 'vitest';
import { createScale } from '@tb/ui';
import type { ChartLine } from './chart-frame.js';
import { hoverRows, tooltipRows } from './hover.js';
import { segmentStarts } from './segments.js';

function line(run: string, steps: number[], values: number[]): ChartLine {
  const step = Float64Array.from(steps);
  const value = Float64Array.from(values);
  const wall = Float64Array.from(steps, (s) => 5000 + s * 2);
  return { run, color: '#000', series: { wall, step, value }, segments: segmentStarts(step), x: step, smoothed: value, ascending: true };
}

const frame = {
  x: createScale('linear', [0, 100], [0, 100]),
  y: createScale('linear', [0, 10], [100, 0]),
  plot: { left: 0, top: 0, right: 100, bottom: 100 },
};

describe('hoverRows', () => {
  const a = line('a', [0, 10, 20, 30], [1, 2, 3, 4]);
  const b = line('b', [0, 25, 50], [9, 8, 7]);

  it('takes each run\'s point nearest to the mouse x, with its numbers', () => {
    const rows = hoverRows([a, b], frame, 22, 50);
    const ra = rows.find((r) => r.run === 'a')!;
    const rb = rows.find((r) => r.run === 'b')!;
    expect(ra).toMatchObject({ index: 2, step: 20, value: 3, smoothed: 3, wall: 5040, relative: 40, px: 20, py: 70 });
    expect(rb).toMatchObject({ index: 1, step: 25, value: 8 });
  });

  it('puts the run nearest to the mouse (in y) first', () => {
    expect(hoverRows([a, b], frame, 22, 90).map((r) => r.run)).toEqual(['a', 'b']);
    expect(hoverRows([a, b], frame, 22, 15).map((r) => r.run)).toEqual(['b', 'a']);
  });

  it('sorts runs the y scale cannot place last', () => {
    const c = line('c', [20], [NaN]);
    expect(hoverRows([c, a], frame, 20, 0).map((r) => r.run)).toEqual(['a', 'c']);
  });

  it('takes, where a restart made two segments cover the same steps, the point nearer the mouse', () => {
    const step = Float64Array.of(0, 10, 20, 0, 10, 20);
    const value = Float64Array.of(9, 8, 7, 2, 1, 0);
    const wall = Float64Array.from(step, (_, i) => 5000 + i);
    const r: ChartLine = { run: 'r', color: '#000', series: { wall, step, value }, segments: segmentStarts(step), x: step, smoothed: value, ascending: true };
    expect(hoverRows([r], frame, 10, 15)[0]).toMatchObject({ index: 1, step: 10, value: 8 });
    expect(hoverRows([r], frame, 10, 95)[0]).toMatchObject({ index: 4, step: 10, value: 1 });
  });

  it('leaves out runs whose nearest point is outside the plot', () => {
    const zoomed = { ...frame, x: createScale('linear', [40, 60], [0, 100]) };
    expect(hoverRows([a, b], zoomed, 50, 50).map((r) => r.run)).toEqual(['b']);
  });
});

describe('tooltipRows', () => {
  const rows = hoverRows([line('a', [0, 10], [1, 2]), line('b', [0, 10], [5, 6]), line('c', [0, 10], [9, 9])], frame, 10, 45);

  it('lists every run for 0, and only the nearest N otherwise', () => {
    expect(tooltipRows(rows, 0).map((r) => r.run)).toEqual(['b', 'a', 'c']);
    expect(tooltipRows(rows, 1).map((r) => r.run)).toEqual(['b']);
    expect(tooltipRows(rows, 5)).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import { buildFrame, type ChartLine, type FrameOptions } from './chart-frame.js';
import { subpathCount } from './columns.js';
import { segmentStarts } from './segments.js';
import { emaSmooth, smooth } from './smoothing.js';
import { NO_ZOOM } from './zoom.js';

function line(run: string, values: number[], smoothing = 0): ChartLine {
  const value = Float64Array.from(values);
  const step = Float64Array.from(values, (_, i) => i * 10);
  const series = { wall: Float64Array.from(values, (_, i) => 1000 + i), step, value };
  return { run, color: '#123456', series, segments: segmentStarts(step), x: step, smoothed: smoothing ? emaSmooth(value, smoothing) : value, ascending: true };
}

const options: FrameOptions = {
  width: 400,
  height: 200,
  xType: 'step',
  yKind: 'linear',
  ignoreOutliers: false,
  zoom: NO_ZOOM,
  measureText: (t) => t.length * 6,
};

describe('buildFrame', () => {
  it('fits the scales to the data and leaves room for the y labels', () => {
    const f = buildFrame([line('a', [0, 1, 2, 3])], options);
    expect(f.x.domain).toEqual([0, 30]);
    expect(f.y.domain[0]).toBeLessThan(0);
    expect(f.y.domain[1]).toBeGreaterThan(3);
    expect(f.plot.left).toBeGreaterThanOrEqual(28);
    expect(f.xTicks.length).toBeGreaterThan(1);
    expect(f.xTicks.every((t) => t.px >= f.plot.left - 0.01 && t.px <= f.plot.right + 0.01)).toBe(true);
  });

  it('draws a faint raw line only when smoothing', () => {
    expect(buildFrame([line('a', [0, 1, 2])], options).paths[0]!.raw).toBeNull();
    expect(buildFrame([line('a', [0, 1, 2], 0.6)], options).paths[0]!.raw).not.toBeNull();
  });

  it('changes its hash when the smoothing changes', () => {
    const ys = [5, 1, 4, 2, 8, 3, 9, 0];
    const a = buildFrame([line('a', ys, 0.3)], options).hash;
    const b = buildFrame([line('a', ys, 0.9)], options).hash;
    expect(a).not.toBe(b);
    expect(buildFrame([line('a', ys, 0.3)], options).hash).toBe(a);
  });

  it('uses the zoom, and fits y to the points in the zoomed x range', () => {
    const f = buildFrame([line('a', [100, 1, 2, 3, 100])], { ...options, zoom: { x: [10, 30], y: null } });
    expect(f.x.domain).toEqual([10, 30]);
    expect(f.y.domain[1]).toBeLessThan(10);
  });

  it('ignores outliers on request', () => {
    const ys = Array.from({ length: 100 }, (_, i) => (i === 50 ? 1e6 : i % 7));
    const f = buildFrame([line('a', ys)], { ...options, ignoreOutliers: true });
    expect(f.y.domain[1]).toBeLessThan(10);
  });

  it('leaves non-positive values out of a log axis', () => {
    const f = buildFrame([line('a', [0, -1, 10, 100])], { ...options, yKind: 'log' });
    expect(f.y.domain[0]).toBeGreaterThan(0);
    expect(f.y.domain[0]).toBeLessThan(10);
    expect(f.paths[0]!.smooth.length).toBe(4);
  });

  it('ticks the axes by the shared rule: integer steps, labels a label apart, log decades', () => {
    const f = buildFrame([line('a', Array.from({ length: 101 }, (_, i) => 10 ** (i / 25)))], { ...options, yKind: 'log' });
    expect(f.x.domain).toEqual([0, 1000]);
    expect(f.xTicks.map((t) => t.label)).toEqual(['0', '200', '400', '600', '800', '1000']);
    expect(f.yTicks.map((t) => t.label)).toEqual(['1', '100', '10k']);
    for (let i = 1; i < f.xTicks.length; i++) {
      const [a, b] = [f.xTicks[i - 1]!, f.xTicks[i]!];
      expect(b.px - a.px).toBeGreaterThanOrEqual(options.measureText(a.label) + options.measureText(b.label));
    }
  });

  it('puts wall time on a time scale and relative time in durations', () => {
    const l = line('a', [1, 2, 3]);
    const t0 = new Date(2026, 0, 5, 10, 0, 0).getTime() / 1000;
    const wall = { ...l, x: Float64Array.of(t0, t0 + 3600, t0 + 7200) };
    const f = buildFrame([wall], { ...options, xType: 'wall' });
    expect(f.x.kind).toBe('time');
    expect(f.xTicks.map((t) => t.label)).toEqual(['10:00', '10:30', '11:00', '11:30', '12:00']);
    const relative = { ...l, x: Float64Array.of(0, 1, 2) };
    expect(buildFrame([relative], { ...options, xType: 'relative' }).xTicks.map((t) => t.label)).toEqual(['0', '30m', '1h', '1h30m', '2h']);
  });

  it('fits a log axis to the data when the zoom left over from a linear axis reaches below zero', () => {
    const f = buildFrame([line('a', [1, 10, 100])], { ...options, yKind: 'log', zoom: { x: null, y: [-5, 50] } });
    expect(f.y.domain[0]).toBeGreaterThan(0);
  });

  it('copes with no data', () => {
    const f = buildFrame([], options);
    expect(f.paths).toEqual([]);
    expect(f.hash).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('buildFrame on a restarted run', () => {
  // Steps 0..99, then 0..99 again (a job restarted into the same log dir), in file order.
  const step = Float64Array.from({ length: 200 }, (_, i) => i % 100);
  const value = Float64Array.from(step, (s, i) => (i < 100 ? 2 - s / 100 : 1.5 - s / 200));
  const series = { wall: Float64Array.from(step, (_, i) => 1000 + i), step, value };
  const restarted = (smoothing: number): ChartLine => ({
    run: 'r',
    color: '#123456',
    series,
    segments: segmentStarts(step),
    x: step,
    smoothed: smoothing ? smooth(value, 'ema', smoothing, segmentStarts(step)) : value,
    ascending: true,
  });

  it('draws each segment as its own line, raw and smoothed, none running back to the left', () => {
    for (const w of [0, 0.6]) {
      const f = buildFrame([restarted(w)], options);
      expect(f.segments).toBe(2);
      const paths = [f.paths[0]!.smooth, ...(f.paths[0]!.raw ? [f.paths[0]!.raw] : [])];
      for (const path of paths) {
        expect(subpathCount(path)).toBe(2);
        for (let i = 0; i < path.length; i += 2) {
          if (Number.isNaN(path[i]!)) continue;
          // Each line starts at the left of the plot and only moves right.
          if (i === 0 || Number.isNaN(path[i - 2]!)) expect(path[i]).toBeCloseTo(f.plot.left, 3);
          else expect(path[i]!).toBeGreaterThanOrEqual(path[i - 2]!);
        }
      }
    }
  });

  it('counts one line per run written in order', () => {
    expect(buildFrame([line('a', [1, 2, 3]), line('b', [3, 2, 1])], options).segments).toBe(2);
  });
});

describe('buildFrame reuse', () => {
  it('reuses raw paths when only the smoothing changed, and rebuilds them when the scales move', () => {
    const ys = [5, 1, 4, 2, 8, 3, 9, 0];
    const a = line('a', ys, 0.3);
    const first = buildFrame([a], options);
    const b = { ...a, smoothed: emaSmooth(a.series.value, 0.9) };
    const second = buildFrame([b], options, { frame: first, lines: [a] });
    expect(second.paths[0]!.raw).toBe(first.paths[0]!.raw);
    expect(second.paths[0]!.smooth).not.toBe(first.paths[0]!.smooth);
    const zoomed = buildFrame([b], { ...options, zoom: { x: [10, 40], y: null } }, { frame: second, lines: [b] });
    expect(zoomed.paths[0]!.raw).not.toBe(second.paths[0]!.raw);
  });
});

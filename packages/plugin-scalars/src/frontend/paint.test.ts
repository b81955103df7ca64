import { describe, expect, it } from 'vitest';
import { buildFrame } from './chart-frame.js';
import { paintFrame, paintOverlay, tracePath, type Canvas2D, type ChartTheme } from './paint.js';
import { segmentStarts } from './segments.js';
import { NO_ZOOM } from './zoom.js';

/** A context that records the calls made on it. */
function recorder(): Canvas2D & { calls: string[] } {
  const calls: string[] = [];
  const log =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push(`${name}(${args.map((a) => (typeof a === 'number' ? Math.round(a * 10) / 10 : String(a))).join(',')})`);
    };
  return {
    calls,
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
    globalAlpha: 1,
    font: '',
    lineJoin: 'miter',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    setTransform: log('setTransform'),
    clearRect: log('clearRect'),
    fillRect: log('fillRect'),
    strokeRect: log('strokeRect'),
    save: log('save'),
    restore: log('restore'),
    beginPath: log('beginPath'),
    rect: log('rect'),
    clip: log('clip'),
    moveTo: log('moveTo'),
    lineTo: log('lineTo'),
    arc: log('arc'),
    stroke: log('stroke'),
    fill: log('fill'),
    fillText: log('fillText'),
    setLineDash: log('setLineDash'),
  };
}

const theme: ChartTheme = { text: '#111', grid: '#eee', axis: '#999', surface: '#fff', accent: '#f80', accentSoft: 'rgba(0,0,0,.1)', font: 'sans-serif' };

describe('tracePath', () => {
  it('starts a sub-path after each break', () => {
    const ctx = recorder();
    tracePath(ctx, Float32Array.of(0, 0, 1, 1, NaN, NaN, 5, 5, 6, 6));
    expect(ctx.calls).toEqual(['moveTo(0,0)', 'lineTo(1,1)', 'moveTo(5,5)', 'lineTo(6,6)']);
  });
});

describe('paintFrame', () => {
  it('scales by the device-pixel ratio and labels the axes', () => {
    const step = Float64Array.of(0, 100, 200);
    const value = Float64Array.of(1, 2, 3);
    const series = { wall: Float64Array.of(1, 2, 3), step, value };
    const frame = buildFrame([{ run: 'a', color: '#f00', series, segments: segmentStarts(step), x: step, smoothed: value, ascending: true }], {
      width: 300,
      height: 150,
      xType: 'step',
      yKind: 'linear',
      ignoreOutliers: false,
      zoom: NO_ZOOM,
      measureText: (t) => t.length * 6,
    });
    const ctx = recorder();
    paintFrame(ctx, frame, theme, 2);
    expect(ctx.calls[0]).toBe('setTransform(2,0,0,2,0,0)');
    expect(ctx.calls.filter((c) => c.startsWith('fillText')).length).toBe(frame.xTicks.length + frame.yTicks.length);
    expect(ctx.calls).toContain('clip()');
  });
});

describe('paintOverlay', () => {
  it('draws the guide, a dot per point in the plot, and the zoom box', () => {
    const frame = buildFrame([], { width: 200, height: 100, xType: 'step', yKind: 'linear', ignoreOutliers: false, zoom: NO_ZOOM, measureText: () => 10 });
    const ctx = recorder();
    paintOverlay(ctx, frame, { guideX: 50, points: [{ px: 50, py: 40, color: '#f00' }, { px: 50, py: NaN, color: '#0f0' }], box: { x0: 40, y0: 10, x1: 80, y1: 60 } }, theme, 1);
    expect(ctx.calls.filter((c) => c.startsWith('arc')).length).toBe(1);
    expect(ctx.calls).toContain('fillRect(40,10,40,50)');
  });
});

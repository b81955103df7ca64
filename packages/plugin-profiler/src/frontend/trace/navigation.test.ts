import { describe, expect, it } from 'vitest';
import { clampView, fitRange, fullView, MIN_SPAN, panBy, timeAt, xOf, zoomAt } from './navigation.js';

describe('navigation', () => {
  const duration = 10_000;
  const width = 800;

  it('keeps the time under the mouse fixed when zooming', () => {
    let v = fullView(duration);
    for (const [factor, x] of [[0.5, 200], [0.2, 650], [0.8, 13], [1.5, 400], [0.01, 799]] as const) {
      const before = timeAt(v, x, width);
      v = zoomAt(v, factor, x / width, duration);
      expect(timeAt(v, x, width)).toBeCloseTo(before, 6);
      expect(xOf(v, before, width)).toBeCloseTo(x, 6);
    }
  });

  it('never zooms below a nanosecond nor far out', () => {
    let v = fullView(duration);
    for (let i = 0; i < 100; i++) v = zoomAt(v, 0.1, 0.5, duration);
    expect(v.end - v.start).toBeCloseTo(MIN_SPAN, 9);
    for (let i = 0; i < 100; i++) v = zoomAt(v, 10, 0.5, duration);
    const full = fullView(duration);
    expect(v.end - v.start).toBeLessThanOrEqual((full.end - full.start) * 2 + 1e-6);
  });

  it('pans by a share of the window and stops near the ends', () => {
    const v = { start: 1000, end: 2000 };
    expect(panBy(v, 0.25, duration)).toEqual({ start: 1250, end: 2250 });
    let w = v;
    for (let i = 0; i < 1000; i++) w = panBy(w, 1, duration);
    expect(w.start).toBeLessThan(duration * 1.02);
    expect(w.end).toBeGreaterThan(duration);
    expect(clampView({ start: Number.NaN, end: 5 }, duration).start).toBeCloseTo(fullView(duration).start);
  });

  it('fits a slice with a margin', () => {
    const v = fitRange(4000, 100, duration);
    expect(v.start).toBeLessThan(4000);
    expect(v.end).toBeGreaterThan(4100);
    expect(v.end - v.start).toBeCloseTo(120);
  });
});

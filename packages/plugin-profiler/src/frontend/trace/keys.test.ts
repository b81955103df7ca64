import { describe, expect, it } from 'vitest';
import { KEY_PAN, keyNavigation, wheelZoomFactor } from './keys.js';
import { fullView, timeAt } from './navigation.js';

describe('keys', () => {
  const view = { start: 1000, end: 2000 };
  const duration = 10_000;

  it('W zooms in and S zooms out around the anchor', () => {
    const w = keyNavigation('w', view, 0.25, duration)!;
    expect(w.end - w.start).toBeCloseTo(800);
    expect(timeAt(w, 250, 1000)).toBeCloseTo(1250);
    const s = keyNavigation('S', w, 0.25, duration)!;
    expect(s.start).toBeCloseTo(1000);
    expect(s.end).toBeCloseTo(2000);
  });

  it('A and D pan, 0 and Home reset, other keys do nothing', () => {
    expect(keyNavigation('d', view, 0.5, duration)).toEqual({ start: 1000 + 1000 * KEY_PAN, end: 2000 + 1000 * KEY_PAN });
    expect(keyNavigation('a', view, 0.5, duration)).toEqual({ start: 1000 - 1000 * KEY_PAN, end: 2000 - 1000 * KEY_PAN });
    expect(keyNavigation('0', view, 0.5, duration)).toEqual(fullView(duration));
    expect(keyNavigation('Home', view, 0.5, duration)).toEqual(fullView(duration));
    expect(keyNavigation('x', view, 0.5, duration)).toBeNull();
  });

  it('wheel up zooms in, down out, bounded', () => {
    expect(wheelZoomFactor(-100)).toBeLessThan(1);
    expect(wheelZoomFactor(100)).toBeGreaterThan(1);
    expect(wheelZoomFactor(1e6)).toBe(wheelZoomFactor(200));
  });
});

import { describe, expect, it } from 'vitest';
import { durationInterval, durationTicks } from './duration-ticks.js';

describe('durationInterval', () => {
  it('picks the round interval nearest span / count', () => {
    expect(durationInterval(60, 5)).toBe(10);
    expect(durationInterval(3 * 3600, 6)).toBe(1800);
    expect(durationInterval(100_000, 5)).toBe(21600);
  });

  it('steps in decimals under a second and in whole weeks beyond a week', () => {
    expect(durationInterval(0.5, 5)).toBe(0.1);
    expect(durationInterval(60 * 86400, 5)).toBe(2 * 604800);
  });
});

describe('durationTicks', () => {
  it('counts from zero', () => {
    expect(durationTicks(0, 600, 5)).toEqual({ values: [0, 120, 240, 360, 480, 600], interval: 120 });
    expect(durationTicks(50, 200, 3)).toEqual({ values: [60, 120, 180], interval: 60 });
  });

  it('ticks a sub-second span at decimal seconds', () => {
    expect(durationTicks(100, 100.5, 5)).toEqual({ values: [100, 100.1, 100.2, 100.3, 100.4, 100.5], interval: 0.1 });
  });

  it('takes reversed bounds, a single value, and nothing non-finite', () => {
    expect(durationTicks(3600, 0, 4).values).toEqual([0, 900, 1800, 2700, 3600]);
    expect(durationTicks(42, 42, 4)).toEqual({ values: [42], interval: 0 });
    expect(durationTicks(0, Infinity, 4)).toEqual({ values: [], interval: 0 });
  });

  it('has no negative zero', () => {
    expect(Object.is(durationTicks(-30, 600, 5).values[0], 0)).toBe(true);
  });
});

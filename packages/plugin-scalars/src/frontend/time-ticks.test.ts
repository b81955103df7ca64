import { describe, expect, it } from 'vitest';
import { durationTicks, timeInterval, timeTicks } from './time-ticks.js';

describe('timeInterval', () => {
  it('picks the smallest human interval that fits', () => {
    expect(timeInterval(60, 5)).toBe(15);
    expect(timeInterval(3 * 3600, 6)).toBe(1800);
    expect(timeInterval(0.5, 5)).toBe(0);
  });
});

describe('timeTicks', () => {
  it('falls on round UTC times when the zone is UTC', () => {
    expect(timeTicks(10, 3610, 4, 0)).toEqual({ values: [900, 1800, 2700, 3600], interval: 900 });
  });

  it('falls on the local hour in a zone with a half-hour offset', () => {
    // India: UTC+5:30 → getTimezoneOffset() = -330. Local hours are at UTC xx:30.
    const { values, interval } = timeTicks(0, 6 * 3600, 4, -330);
    expect(interval).toBe(7200);
    for (const t of values) expect(((t + 330 * 60) % 7200 + 7200) % 7200).toBe(0);
  });

  it('uses decimal seconds for sub-second spans', () => {
    const { values } = timeTicks(100, 100.5, 5, 0);
    expect(values[0]).toBe(100);
    expect(values).toContain(100.5);
  });
});

describe('durationTicks', () => {
  it('counts from zero', () => {
    expect(durationTicks(0, 600, 5)).toEqual({ values: [0, 120, 240, 360, 480, 600], interval: 120 });
    expect(durationTicks(50, 200, 3).values).toEqual([60, 120, 180]);
  });
});

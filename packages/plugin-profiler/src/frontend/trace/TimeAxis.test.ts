import { describe, expect, it } from 'vitest';
import { formatDuration, formatTime, tickStep, timeTicks } from './TimeAxis.js';

describe('time axis', () => {
  it('picks round steps at least the spacing apart', () => {
    expect(tickStep(1000, 900, 90)).toBe(100);
    expect(tickStep(1000, 1000, 90)).toBe(100);
    expect(tickStep(1000, 400, 90)).toBe(500);
    expect(tickStep(0.05, 1000, 90)).toBe(0.005);
  });

  it('places ticks at multiples of the step within the window', () => {
    const ticks = timeTicks({ start: 150, end: 1150 }, 1000, 90);
    expect(ticks.map((t) => t.time)).toEqual([200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100]);
    expect(ticks[0]!.x).toBeCloseTo(50);
    expect(ticks[0]!.label).toBe('0.2 ms'); // in the unit of the largest time shown (1150 µs)
    const deep = timeTicks({ start: 358_100, end: 362_100 }, 1000, 90);
    expect(deep[0]!.label).toBe('358.5 ms');
    expect(timeTicks({ start: 0, end: 500 }, 1000, 90)[1]!.label).toBe('50 µs');
    const ms = timeTicks({ start: 0, end: 2e6 }, 1000, 90);
    expect(ms[1]!.label).toBe('0.2 s');
    expect(timeTicks({ start: 0, end: 0.1 }, 1000)[1]!.label).toBe('10 ns');
    expect(formatTime(358_500, 500, 362_000)).toBe('358.5 ms');
  });

  it('formats times and durations', () => {
    expect(formatTime(1500, 500)).toBe('1500 µs');
    expect(formatTime(2000, 1000)).toBe('2 ms');
    expect(formatTime(1500, 500)).toBe('1500 µs');
    expect(formatTime(150_000, 1e5)).toBe('150 ms');
    expect(formatTime(1_234_500, 1e5 * 5)).toBe('1235 ms');
    expect(formatTime(3_000_000, 1e6)).toBe('3 s');
    expect(formatTime(1250, 250)).toBe('1250 µs');
    expect(formatTime(1.25, 0.05)).toBe('1250 ns');
    expect(formatDuration(0.85)).toBe('850 ns');
    expect(formatDuration(12.5)).toBe('12.5 µs');
    expect(formatDuration(1234)).toBe('1.23 ms');
    expect(formatDuration(2_400_000)).toBe('2.4 s');
    expect(formatDuration(0)).toBe('0 µs');
  });
});

import { describe, expect, it } from 'vitest';
import { formatDuration, formatDurationTick, formatStepTick, formatTick, formatTimeTick, formatValue, formatWallTime } from './format.js';

describe('formatTick', () => {
  it('shows as many decimals as the step needs', () => {
    expect(formatTick(0.25, 0.05)).toBe('0.25');
    expect(formatTick(0.2, 0.1)).toBe('0.2');
    expect(formatTick(40, 10)).toBe('40');
    expect(formatTick(-1.5, 0.5)).toBe('-1.5');
  });

  it('uses exponent notation for very large and small values', () => {
    expect(formatTick(2e-6, 1e-6)).toBe('2e-6');
    expect(formatTick(2.5e7, 5e6)).toBe('2.5e7');
    expect(formatTick(1e-5, 1e-5)).toBe('1e-5');
  });
});

describe('formatStepTick', () => {
  it('uses k and M', () => {
    expect(formatStepTick(500, 500)).toBe('500');
    expect(formatStepTick(1500, 500)).toBe('1.5k');
    expect(formatStepTick(2000, 1000)).toBe('2k');
    expect(formatStepTick(2_000_000, 500_000)).toBe('2M');
    expect(formatStepTick(3e18, 1e18)).toBe('3e18');
  });
});

describe('formatValue', () => {
  it('keeps five significant digits', () => {
    expect(formatValue(0.356723)).toBe('0.35672');
    expect(formatValue(12.34567)).toBe('12.346');
    expect(formatValue(2)).toBe('2');
  });

  it('spells out special values and uses exponents at the extremes', () => {
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(-Infinity)).toBe('-Infinity');
    expect(formatValue(123456)).toBe('1.235e+5');
    expect(formatValue(0.00012)).toBe('1.2e-4');
  });
});

describe('durations', () => {
  it('formats tooltip durations compactly', () => {
    expect(formatDuration(0.25)).toBe('250ms');
    expect(formatDuration(12.34)).toBe('12.3s');
    expect(formatDuration(243)).toBe('4m 03s');
    expect(formatDuration(3720)).toBe('1h 02m');
    expect(formatDuration(2 * 86400 + 3 * 3600)).toBe('2d 03h');
  });

  it('formats duration ticks', () => {
    expect(formatDurationTick(0, 60)).toBe('0');
    expect(formatDurationTick(90, 30)).toBe('1m30s');
    expect(formatDurationTick(7200, 3600)).toBe('2h');
    expect(formatDurationTick(0.5, 0.1)).toBe('0.5s');
  });
});

describe('wall times', () => {
  it('formats in local time', () => {
    const t = new Date(2026, 10, 23, 22, 4, 5).getTime() / 1000;
    expect(formatWallTime(t)).toBe('2026-11-23 22:04:05');
    expect(formatTimeTick(t, 3600)).toBe('22:04');
    expect(formatTimeTick(t, 5)).toBe('22:04:05');
    expect(formatTimeTick(t, 86400)).toBe('Nov 23');
    expect(formatTimeTick(t + 0.5, 0.5)).toBe('22:04:05.5');
    expect(formatTimeTick(t + 0.25, 0.05)).toBe('22:04:05.25');
    expect(formatTimeTick(t + 1, 0.5)).toBe('22:04:06');
  });
});

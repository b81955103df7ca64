import { describe, expect, it } from 'vitest';
import { decimalsFor, formatDurationTick, formatNumberTicks, formatTickValue, formatTimeTicks } from './tick-format.js';

describe('formatNumberTicks', () => {
  it('shows the decimals the step needs, the same on every tick', () => {
    expect(formatNumberTicks([0, 0.1, 0.2, 0.3], 0.1)).toEqual(['0', '0.1', '0.2', '0.3']);
    expect(formatNumberTicks([0.1, 0.15, 0.2], 0.05)).toEqual(['0.10', '0.15', '0.20']);
    expect(formatNumberTicks([-1.5, -1, -0.5, 0], 0.5)).toEqual(['-1.5', '-1.0', '-0.5', '0']);
    expect(formatNumberTicks([0, 500, 1000, 1500, 2000], 500)).toEqual(['0', '500', '1000', '1500', '2000']);
  });

  it('uses SI prefixes once the largest tick reaches 1e4', () => {
    expect(formatNumberTicks([0, 5000, 10000, 15000], 5000)).toEqual(['0', '5k', '10k', '15k']);
    expect(formatNumberTicks([0, 2e5, 1e6, 1.2e6], 2e5)).toEqual(['0', '200k', '1M', '1.2M']);
    expect(formatNumberTicks([2.5e7, 3e7], 5e6)).toEqual(['25M', '30M']);
    expect(formatNumberTicks([1e9, 1e9 + 20], 20)).toEqual(['1G', '1.00000002G']);
  });

  it('uses exponent notation below 1e-3 and from 1e15', () => {
    expect(formatNumberTicks([0, 2e-6, 4e-6], 2e-6)).toEqual(['0', '2e-6', '4e-6']);
    expect(formatNumberTicks([1e-5, 1.5e-5], 5e-6)).toEqual(['1e-5', '1.5e-5']);
    expect(formatNumberTicks([1e18, 3e18], 1e18)).toEqual(['1e+18', '3e+18']);
  });
});

describe('decimalsFor', () => {
  it('counts the decimals of a 1-2-5 step', () => {
    expect([decimalsFor(0.05), decimalsFor(0.1), decimalsFor(1e-7), decimalsFor(500), decimalsFor(0)]).toEqual([2, 1, 7, 0, 0]);
  });
});

describe('formatTickValue', () => {
  it("reads each value by its own digits and size", () => {
    expect([0.001, 0.02, 1, 2.5, 10, 1000].map(formatTickValue)).toEqual(['0.001', '0.02', '1', '2.5', '10', '1000']);
    expect([1e4, 2e5, 1e8].map(formatTickValue)).toEqual(['10k', '200k', '100M']);
    expect([1e-5, 3e-8, 1e15].map(formatTickValue)).toEqual(['1e-5', '3e-8', '1e+15']);
    expect(formatTickValue(1e-7 * 3)).toBe('3e-7');
  });
});

describe('formatTimeTicks', () => {
  const at = (...parts: number[]) => new Date(2026, 10, 23, ...parts).getTime() / 1000;

  it('labels by the interval between ticks, in local time', () => {
    expect(formatTimeTicks([at(22, 0), at(22, 30), at(23, 0)])).toEqual(['22:00', '22:30', '23:00']);
  });

  it('writes the first tick in full, and the others by what changes, under a minute', () => {
    expect(formatTimeTicks([at(22, 4, 50), at(22, 4, 55), at(22, 5, 0), at(22, 5, 5)])).toEqual(['22:04:50', ':55', '22:05', ':05']);
    expect(formatTimeTicks([at(22, 4, 5), at(22, 4, 5) + 0.25, at(22, 4, 5) + 0.5])).toEqual(['22:04:05', '.25', '.5']);
    expect(formatTimeTicks([at(22, 4, 5) + 0.5, at(22, 4, 6), at(22, 4, 6) + 0.5])).toEqual(['22:04:05.5', '22:04:06', '.5']);
  });

  it('shows the date at midnight on an hourly axis, and dates, months or years for longer intervals', () => {
    expect(formatTimeTicks([at(12), at(24), at(36)])).toEqual(['12:00', 'Nov 24', '12:00']);
    expect(formatTimeTicks([at(0), at(24), at(48)])).toEqual(['Nov 23', 'Nov 24', 'Nov 25']);
    const months = [new Date(2026, 10, 1), new Date(2026, 11, 1), new Date(2027, 0, 1)].map((d) => d.getTime() / 1000);
    expect(formatTimeTicks(months)).toEqual(['Nov 2026', 'Dec', 'Jan 2027']);
    const years = [new Date(2025, 0, 1), new Date(2026, 0, 1)].map((d) => d.getTime() / 1000);
    expect(formatTimeTicks(years)).toEqual(['2025', '2026']);
  });

  it('reads a single tick by the span', () => {
    expect(formatTimeTicks([at(22, 4, 5)], 10)).toEqual(['22:04:05']);
    expect(formatTimeTicks([at(22, 4, 5)], 3600)).toEqual(['22:04']);
  });
});

describe('formatDurationTick', () => {
  it('writes durations in units', () => {
    expect(formatDurationTick(0, 60)).toBe('0');
    expect(formatDurationTick(45, 15)).toBe('45s');
    expect(formatDurationTick(90, 30)).toBe('1m30s');
    expect(formatDurationTick(7200, 3600)).toBe('2h');
    expect(formatDurationTick(5400, 1800)).toBe('1h30m');
    expect(formatDurationTick(2 * 86400, 86400)).toBe('2d');
    expect(formatDurationTick(3600 + 75, 15)).toBe('1h1m15s');
    expect(formatDurationTick(-900, 900)).toBe('-15m');
  });

  it('writes decimal seconds under a second', () => {
    expect(formatDurationTick(0.5, 0.1)).toBe('0.5s');
    expect(formatDurationTick(60.2, 0.2)).toBe('60.2s');
  });
});

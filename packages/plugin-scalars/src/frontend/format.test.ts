import { describe, expect, it } from 'vitest';
import { formatDuration, formatValue, formatWallTime, runLabel, shortWallTimes, truncateMiddle } from './format.js';
import { splitRunNames } from '@tb/ui';

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
});

describe('wall times', () => {
  it('formats in local time', () => {
    const t = new Date(2026, 10, 23, 22, 4, 5).getTime() / 1000;
    expect(formatWallTime(t)).toBe('2026-11-23 22:04:05');
  });
});

describe('truncateMiddle', () => {
  it('keeps short names and cuts long ones in the middle, keeping both ends', () => {
    expect(truncateMiddle('adam/train', 24)).toBe('adam/train');
    const cut = truncateMiddle('hparam_tuning/lr=0.001,batch=64/train', 20);
    expect(cut).toBe('hparam_tun…=64/train');
    expect(Array.from(cut)).toHaveLength(20);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(truncateMiddle('ünïcødé run ✓ 🚀🚀🚀', 9)).toBe('ünïc… 🚀🚀🚀');
  });
});

describe('shortWallTimes', () => {
  it('shows only the clock when every time is on one day, else the date too', () => {
    const t = new Date(2026, 10, 23, 20, 6, 10).getTime() / 1000;
    expect(shortWallTimes([t, t + 60])(t)).toBe('20:06:10');
    expect(shortWallTimes([t, t + 86400])(t)).toBe('11-23 20:06:10');
  });
});

describe('runLabel', () => {
  it('keeps the part that tells long runs of one experiment apart', () => {
    const names = [0, 1, 2].flatMap((i) => [`TheCodeheadMT-TensorBoard-Tutorial/MNIST-extra-metrics169048680${i}/train`, `TheCodeheadMT-TensorBoard-Tutorial/MNIST-extra-metrics169048680${i}/validation`]);
    const parts = splitRunNames(names);
    const labels = names.map((n) => runLabel(n, parts.get(n), 24));
    expect(new Set(labels).size).toBe(names.length);
    expect(labels[1]).toBe('TheC…1690486800/validation');
    expect(labels[0]).toMatch(/1690486800\/train$/);
  });

  it('leaves short names whole', () => {
    expect(runLabel('adam/train', splitRunNames(['adam/train']).get('adam/train'), 24)).toBe('adam/train');
  });
});

import { describe, expect, it } from 'vitest';
import { formatCell, formatDelta, formatDuration, formatFraction, formatPercent, formatUs } from './format.js';

describe('format', () => {
  it('writes microseconds with separators and a unit', () => {
    expect(formatUs(177592)).toBe('177,592 µs');
    expect(formatUs(89.4)).toBe('89 µs');
    expect(formatUs(null)).toBe('–');
    expect(formatUs(Number.NaN)).toBe('–');
  });
  it('picks a readable unit for durations', () => {
    expect(formatDuration(870)).toBe('870 µs');
    expect(formatDuration(177592)).toBe('178 ms');
    expect(formatDuration(2_500_000)).toBe('2.5 s');
  });
  it('writes percentages and fractions with two decimals', () => {
    expect(formatPercent(33.37)).toBe('33.37 %');
    expect(formatFraction(0.5551)).toBe('55.51 %');
    expect(formatFraction(null)).toBe('–');
  });
  it('signs deltas', () => {
    expect(formatDelta(1234)).toBe('+1,234');
    expect(formatDelta(-56)).toBe('−56');
    expect(formatDelta(0)).toBe('0');
  });
  it('formats cells by type', () => {
    expect(formatCell(80756)).toBe('80,756');
    expect(formatCell(42.2534)).toBe('42.25');
    expect(formatCell(7798.06)).toBe('7,798.06');
    expect(formatCell(0.012345)).toBe('0.012345');
    expect(formatCell(true)).toBe('Yes');
    expect(formatCell(null)).toBe('');
    expect(formatCell('aten::add')).toBe('aten::add');
  });
});

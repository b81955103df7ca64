import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration.js';

describe('formatDuration', () => {
  it('shows seconds, then the two largest units', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(2.83)).toBe('2.8 s');
    expect(formatDuration(45.9)).toBe('45 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(3725)).toBe('1 h 2 min');
    expect(formatDuration(90000)).toBe('1 d 1 h');
  });
  it('keeps the sign of a clock that went back, and says ? for no time', () => {
    expect(formatDuration(-3)).toBe('-3 s');
    expect(formatDuration(Number.NaN)).toBe('?');
  });
});

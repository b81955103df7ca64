import { describe, expect, it } from 'vitest';
import { nextStep } from './follow.js';
import { cssFilter, parseSettings } from './settings.js';

describe('nextStep', () => {
  it('follows the newest step when the card was at the end', () => {
    expect(nextStep(null, false, [0, 10, 20])).toBe(20);
    expect(nextStep(20, true, [0, 10, 20, 30])).toBe(30);
  });
  it('keeps a chosen older step, or the one before it if it is gone', () => {
    expect(nextStep(10, false, [0, 10, 20, 30])).toBe(10);
    expect(nextStep(15, false, [0, 10, 20])).toBe(10);
    expect(nextStep(5, false, [])).toBeNull();
  });
});

describe('settings', () => {
  it('parses leniently and makes the CSS filter', () => {
    expect(parseSettings({ brightness: 150, contrast: 'x', actualSize: true })).toEqual({ brightness: 150, contrast: 100, actualSize: true });
    expect(parseSettings(null)).toEqual({ brightness: 100, contrast: 100, actualSize: false });
    expect(cssFilter({ brightness: 100, contrast: 100, actualSize: false })).toBe('none');
    expect(cssFilter({ brightness: 120, contrast: 80, actualSize: false })).toBe('brightness(120%) contrast(80%)');
  });
});

import { describe, expect, it } from 'vitest';
import { cssFilter, parseSettings } from './settings.js';

describe('settings', () => {
  it('parses leniently and makes the CSS filter', () => {
    expect(parseSettings({ brightness: 150, contrast: 'x', actualSize: true })).toEqual({ brightness: 150, contrast: 100, actualSize: true });
    expect(parseSettings(null)).toEqual({ brightness: 100, contrast: 100, actualSize: false });
    expect(cssFilter({ brightness: 100, contrast: 100, actualSize: false })).toBe('none');
    expect(cssFilter({ brightness: 120, contrast: 80, actualSize: false })).toBe('brightness(120%) contrast(80%)');
  });
});

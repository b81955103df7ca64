// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { applyTheme } from './theme.js';

describe('applyTheme', () => {
  it('sets data-theme on <html>', () => {
    applyTheme(true);
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    applyTheme(false);
    expect(document.documentElement.getAttribute('data-theme')).toBe('light');
  });
});

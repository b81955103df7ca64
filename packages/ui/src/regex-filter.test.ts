import { describe, expect, it } from 'vitest';
import { compileFilter } from './regex-filter.js';

describe('compileFilter', () => {
  it('matches case-insensitively', () => {
    const f = compileFilter('^Train/');
    expect(f.error).toBeNull();
    expect(f.test('train/loss')).toBe(true);
    expect(f.test('eval/loss')).toBe(false);
  });

  it('matches everything when empty', () => {
    expect(compileFilter('').test('anything')).toBe(true);
  });

  it('reports an invalid pattern instead of throwing, and filters nothing out', () => {
    const f = compileFilter('loss(');
    expect(f.error).toMatch(/Invalid regular expression/);
    expect(f.test('eval/acc')).toBe(true);
  });
});

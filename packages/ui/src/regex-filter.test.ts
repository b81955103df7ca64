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

describe('compileFilter on hostile patterns', () => {
  it('matches catastrophic patterns in linear time (a backtracking engine takes seconds here)', () => {
    const cases: [string, string][] = [
      ['(a+)+$', `${'a'.repeat(30)}b`],
      ['(x+x+)+y', 'x'.repeat(30)],
      ['^(.|.)*X$', `${'x'.repeat(30)}\n`],
      ['(.*a){20}', `${'a'.repeat(19)}${'b'.repeat(300)}`],
    ];
    for (const [pattern, text] of cases) {
      const f = compileFilter(pattern);
      expect(f.error, pattern).toBeNull();
      const t0 = performance.now();
      f.test(text);
      expect(performance.now() - t0, pattern).toBeLessThan(1_000);
    }
  });

  it('names the constructs linear-time matching lacks', () => {
    expect(compileFilter('(a)\\1').error).toBe('Invalid regular expression /(a)\\1/: backreferences (\\1) are not supported');
    expect(compileFilter('loss(?=/)').error).toBe('Invalid regular expression /loss(?=/)/: lookarounds ((?=...) are not supported');
    expect(compileFilter('(?<!eval)/loss').error).toBe('Invalid regular expression /(?<!eval)/loss/: lookarounds ((?<!...) are not supported');
    expect(compileFilter('(').error).toBe('Invalid regular expression /(/: missing closing ) (()');
  });

  it('still matches what users type: case-insensitive search, classes, anchors, alternation', () => {
    const f = compileFilter('^(train|eval)/\\w+_loss$');
    expect(f.test('Train/total_loss')).toBe(true);
    expect(f.test('test/total_loss')).toBe(false);
    expect(compileFilter('損失').test('tab/損失')).toBe(true);
  });

  it('refuses a pattern too long to compile quickly, and still filters nothing out', () => {
    const f = compileFilter('x'.repeat(10_001));
    expect(f.error).toMatch(/^Invalid regular expression: 10001 characters long/);
    expect(f.test('anything')).toBe(true);
  });
});

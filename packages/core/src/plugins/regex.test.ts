import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.js';
import { compileRegex, MAX_REGEX_LENGTH } from './regex.js';

/** The message compileRegex throws for `pattern`, or null when it compiles. */
function refusal(pattern: string, flags = ''): string | null {
  try {
    compileRegex(pattern, flags, 'tagRegex');
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidArgumentError);
    return (err as Error).message;
  }
}

describe('compileRegex', () => {
  it('searches like RegExp.prototype.test, the same answer every time', () => {
    const re = compileRegex('loss$');
    expect(re.source).toBe('loss$');
    expect([re.test('train/loss'), re.test('train/loss'), re.test('loss/train')]).toEqual([true, true, false]);
    expect(compileRegex('^(損失|tab)').test('損失/x')).toBe(true);
    expect(compileRegex('^a.c$').test('a\nc')).toBe(false);
  });

  it("takes JavaScript's i, m, s and u flags", () => {
    expect(compileRegex('^train', 'i').test('Train/loss')).toBe(true);
    expect(compileRegex('^b$', 'm').test('a\nb\nc')).toBe(true);
    expect(compileRegex('^a.c$', 's').test('a\nc')).toBe(true);
    expect(compileRegex('é', 'iu').test('É')).toBe(true);
    expect(() => compileRegex('a', 'g')).toThrow(new TypeError("regular expression flags should be some of 'i', 'm', 's', 'u', found 'g'"));
  });

  it('matches catastrophic patterns in linear time', () => {
    const long = 'x'.repeat(300);
    for (const pattern of ['^(.|.)*X$', '(x+)+y', '(x|xx)+y', '(.*x){20}y', '((x*)*)*y', '(x+x+)+y', '(x{0,1000}){0,1}y']) {
      const re = compileRegex(pattern);
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) expect(re.test(long), pattern).toBe(false);
      expect(performance.now() - t0, pattern).toBeLessThan(1_000);
    }
  });

  it('refuses what linear-time matching lacks, naming the construct', () => {
    const lacks = (what: string) => `tagRegex uses ${what}, which linear-time matching does not support`;
    expect(refusal('(a)\\1')).toBe(lacks('a backreference (\\1)'));
    expect(refusal('(?<n>a)\\k<n>')).toBe(lacks('a named backreference (\\k<name>)'));
    expect(refusal('(?P<n>a)(?P=n)')).toBe(lacks('a named backreference (?P=name)'));
    expect(refusal('loss(?=/)')).toBe(lacks('a lookahead (?=...)'));
    expect(refusal('loss(?!/)')).toBe(lacks('a negative lookahead (?!...)'));
    expect(refusal('(?<=train)/loss')).toBe(lacks('a lookbehind (?<=...)'));
    expect(refusal('(?<!eval)/loss', 'i')).toBe(lacks('a negative lookbehind (?<!...)'));
    expect(refusal('(?>a+)b')).toBe(lacks('an atomic group (?>...)'));
    expect(refusal('a*+b')).toBe(lacks('a possessive quantifier (*+)'));
  });

  it('refuses repetition counts and sizes past RE2 limits, and patterns too long to compile quickly', () => {
    expect(refusal('x{1001}')).toBe(
      'tagRegex repeats more than 1000 times ({1001}, nested repetitions multiplied), more than linear-time matching allows',
    );
    expect(refusal('((x{100}){100}){100}')).toMatch(/^tagRegex repeats more than 1000 times \(\{100\}/);
    expect(refusal('(x{0,1000}){0,1000}')).toBe('tagRegex expands to more states than linear-time matching allows (nested repetitions multiply its size)');
    expect(refusal(`${'('.repeat(1001)}${')'.repeat(1001)}`)).toBe('tagRegex nests groups or repetitions more than 1000 deep, more than linear-time matching allows');
    expect(refusal('x'.repeat(MAX_REGEX_LENGTH))).toBeNull();
    expect(refusal('x'.repeat(MAX_REGEX_LENGTH + 1))).toBe('tagRegex is 10,001 characters long; a regular expression may have at most 10,000');
  });

  it('says what is wrong with an invalid pattern, echoing at most 200 characters of it', () => {
    expect(refusal('(')).toBe('tagRegex should be a regular expression (RE2 syntax), found "(" (missing closing ): ()');
    expect(refusal('(', 'i')).toBe('tagRegex should be a regular expression (RE2 syntax), found "(" (missing closing ): ()');
    expect(refusal('x{2,1}')).toBe('tagRegex should be a regular expression (RE2 syntax), found "x{2,1}" (invalid repeat count: {2,1})');
    expect(refusal('\\u00e9')).toBe(
      'tagRegex should be a regular expression (RE2 syntax), found "\\\\u00e9" (invalid escape sequence: \\u; RE2 writes \\x{e9} for \\u00e9)',
    );
    const long = refusal(`${'a'.repeat(5000)}(`)!;
    expect(long.length).toBeLessThan(700);
    expect(long).toContain('… (4801 more characters)');
  });

  it('names the field in its messages as asked, "pattern" by default', () => {
    expect(() => compileRegex('(a)\\1')).toThrow('pattern uses a backreference (\\1), which linear-time matching does not support');
  });
});

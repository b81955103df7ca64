import { describe, expect, it } from 'vitest';
import { capText, describeValue, ECHO_LIMIT } from './describe.js';

describe('capText', () => {
  it('keeps short text and cuts long text, saying how much more there was', () => {
    expect(capText('abc', 3)).toBe('abc');
    expect(capText('abcdef', 3)).toBe('abc… (3 more characters)');
  });

  it('never cuts a surrogate pair in half', () => {
    expect(capText('ab😀cd', 3)).toBe('ab… (4 more characters)');
  });
});

describe('describeValue', () => {
  it('quotes text, counts repeated values, names uploads', () => {
    expect(describeValue('a b')).toBe('"a b"');
    expect(describeValue(['x', 'y'])).toBe('2 values: "x", "y"');
    expect(describeValue(new File(['x'], 'x.txt'))).toBe('a file upload');
    expect(describeValue(undefined)).toBe('undefined');
  });

  it(`echoes at most ${ECHO_LIMIT} characters of a value, and the first 5 of many values`, () => {
    expect(describeValue('r'.repeat(50_000_000))).toBe(`"${'r'.repeat(ECHO_LIMIT)}"… (49999800 more characters)`);
    const many = describeValue(Array.from({ length: 100_000 }, (_, i) => `run${i}`));
    expect(many).toBe('100000 values: "run0", "run1", "run2", "run3", "run4", … (99995 more)');
  });
});

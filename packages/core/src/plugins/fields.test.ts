import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { field, nameField } from './fields.js';

/** The value, or the first issue's message with the field's name put in, as core reports it. */
function read<T>(schema: z.ZodType<T>, fields: Record<string, unknown>, name: string): T | string {
  const result = z.object({ [name]: schema }).safeParse(fields);
  if (result.success) return (result.data as Record<string, T>)[name]!;
  const issue = result.error.issues[0]!;
  return nameField(issue.message, issue.path.map(String).join('.'));
}

describe('field schemas', () => {
  it('reads one value, and says when it is missing, repeated or an upload', () => {
    expect(read(field.one, { tag: 'a b/c d' }, 'tag')).toBe('a b/c d');
    expect(read(field.one, {}, 'tag')).toBe('tag is required (e.g. ?tag=...), found none');
    expect(read(field.one, { tag: ['x', 'y'] }, 'tag')).toBe('tag should be given once, found 2 values: "x", "y"');
    expect(read(field.one, { upload: new File(['x'], 'x.txt') }, 'upload')).toBe('upload should be text, found a file upload');
  });

  it('reads every value of a repeated field, in order, none being an empty list', () => {
    expect(read(field.many, { runs: ['a', 'b/c'] }, 'runs')).toEqual(['a', 'b/c']);
    expect(read(field.many, { runs: 'a' }, 'runs')).toEqual(['a']);
    expect(read(field.many, {}, 'runs')).toEqual([]);
    expect(read(field.many, { runs: ['a', new File(['x'], 'x')] }, 'runs')).toMatch(/^runs should be text, found/);
  });

  it('parses positive and whole numbers strictly', () => {
    expect(read(field.positiveInt, { downsample: '2000' }, 'downsample')).toBe(2000);
    for (const bad of ['abc', '0', '-5', '1.5', '', '1e3', '99999999999999999999']) {
      expect(read(field.positiveInt, { downsample: bad }, 'downsample'), bad).toBe(`downsample should be a positive integer, found ${JSON.stringify(bad)}`);
    }
    expect(read(field.positiveIntMeaning('the most points per series'), { downsample: 'abc' }, 'downsample')).toBe(
      'downsample should be a positive integer (the most points per series), found "abc"',
    );
    expect(read(field.nonNegativeInt, { sample: '0' }, 'sample')).toBe(0);
    expect(read(field.nonNegativeInt, { sample: '-1' }, 'sample')).toBe('sample should be a whole number (0 or more), found "-1"');
  });

  it('reads one of a set of words, and booleans', () => {
    expect(read(field.oneOf(['json', 'csv']), { format: 'csv' }, 'format')).toBe('csv');
    expect(read(field.oneOf(['json', 'csv']), { format: 'xml' }, 'format')).toBe(`format should be 'json' or 'csv', found "xml"`);
    expect(read(field.boolean, { conceptual: 'true' }, 'conceptual')).toBe(true);
    expect(read(field.boolean, { conceptual: '0' }, 'conceptual')).toBe(false);
    expect(read(field.boolean, { conceptual: 'yes' }, 'conceptual')).toBe('conceptual should be true or false, found "yes"');
  });
});

describe('field.regex', () => {
  it('compiles a pattern for linear-time matching: the value has a test method', () => {
    const re = read(field.regex, { tagRegex: '^train/' }, 'tagRegex') as { test(s: string): boolean };
    expect(re.test('train/loss')).toBe(true);
    expect(re.test('eval/loss')).toBe(false);
    const t0 = performance.now();
    expect((read(field.regex, { tagRegex: '^(.|.)*X$' }, 'tagRegex') as { test(s: string): boolean }).test(`very_long/${'x'.repeat(290)}`)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect((read(field.regexWithFlags('i'), { tagRegex: '^train/' }, 'tagRegex') as { test(s: string): boolean }).test('Train/loss')).toBe(true);
  });

  it('names the field and the construct it refuses', () => {
    expect(read(field.regex, { tagRegex: '(x)\\1' }, 'tagRegex')).toBe('tagRegex uses a backreference (\\1), which linear-time matching does not support');
    expect(read(field.regex, { tagRegex: '(?=x)' }, 'tagRegex')).toBe('tagRegex uses a lookahead (?=...), which linear-time matching does not support');
    expect(read(field.regex, { tagRegex: '(' }, 'tagRegex')).toBe('tagRegex should be a regular expression (RE2 syntax), found "(" (missing closing ): ()');
    expect(read(field.regex, {}, 'tagRegex')).toBe('tagRegex is required (e.g. ?tagRegex=...), found none');
  });

  it('checks its flags when made, at start-up', () => {
    expect(() => field.regexWithFlags('g')).toThrow(TypeError);
  });
});

describe('echoed values', () => {
  it('are cut to 200 characters, however large the input', () => {
    const huge = 'r'.repeat(50 * 1024 * 1024);
    const message = read(field.positiveInt, { downsample: huge }, 'downsample') as string;
    expect(message).toBe(`downsample should be a positive integer, found "${'r'.repeat(200)}"… (52428600 more characters)`);
    const many = read(field.one, { tag: Array.from({ length: 100_000 }, () => 'x') }, 'tag') as string;
    expect(many).toBe('tag should be given once, found 100000 values: "x", "x", "x", "x", "x", … (99995 more)');
  });
});

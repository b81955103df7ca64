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

import { InvalidArgumentError } from '@tb/core';
import { describe, expect, it } from 'vitest';
import { allStrings, mergeFields, optionalString, parseDownsample, parseFormat, parseTagRegex, requiredString } from './params.js';

const q = (s: string) => new URLSearchParams(s);

describe('request fields', () => {
  it('reads repeated, single and required fields', () => {
    expect(allStrings(q('runs=a&runs=b%2Fc'), 'runs')).toEqual(['a', 'b/c']);
    expect(allStrings(q(''), 'runs')).toEqual([]);
    expect(optionalString(q('tag=x'), 'tag')).toBe('x');
    expect(requiredString(q('tag=a+b%2Fc+d'), 'tag')).toBe('a b/c d');
    expect(() => requiredString(q('run=x'), 'tag')).toThrow(/tag is required .* found none/);
    expect(() => requiredString(q('tag=x&tag=y'), 'tag')).toThrow(/tag should be given once, found 2 values: "x", "y"/);
  });

  it('reads a form body and the query string together, form first', () => {
    const form = new FormData();
    form.append('runs', 'a');
    expect(allStrings(mergeFields(form, q('runs=b')), 'runs')).toEqual(['a', 'b']);
    form.append('upload', new Blob(['x']));
    expect(() => allStrings(form, 'upload')).toThrow(/upload should be text, found a file upload/);
  });

  it('parses downsample as a positive integer', () => {
    expect(parseDownsample(q(''))).toBeUndefined();
    expect(parseDownsample(q('downsample=2000'))).toBe(2000);
    for (const bad of ['abc', '0', '-5', '1.5', '', '1e3', '99999999999999999999']) {
      expect(() => parseDownsample(q(`downsample=${bad}`)), bad).toThrow(InvalidArgumentError);
    }
    expect(() => parseDownsample(q('downsample=abc'))).toThrow('downsample should be a positive integer (the most points per series), found "abc"');
  });

  it('parses format and tagRegex', () => {
    expect(parseFormat(q(''))).toBe('json');
    expect(parseFormat(q('format=csv'))).toBe('csv');
    expect(() => parseFormat(q('format=xml'))).toThrow(`format should be 'json' or 'csv', found "xml"`);
    expect(parseTagRegex(q('tagRegex=^loss'))?.test('loss 🚀')).toBe(true);
    expect(parseTagRegex(q(''))).toBeUndefined();
    expect(() => parseTagRegex(q('tagRegex=(unclosed'))).toThrow(/tagRegex should be a regular expression, found "\(unclosed"/);
  });
});

import { describe, expect, it } from 'vitest';
import { listPage, sortKeys } from './ordered-listing.js';

const keys = sortKeys(['a/sub/y', 'a.c', 'z', 'a/b', 'a0', 'a/x', '\u{1F600}', '\uFFFD']);

describe('listPage', () => {
  it('sorts by UTF-8 bytes, not UTF-16 units', () => {
    // U+FFFD is EF BF BD, U+1F600 is F0 9F 98 80: the emoji sorts last in bytes.
    expect(keys.slice(-2)).toEqual(['\uFFFD', '\u{1F600}']);
  });

  it('pages with a delimiter, a page ending on a common prefix resumes after it', () => {
    const first = listPage(keys, { delimiter: '/', maxKeys: 2 });
    expect(first).toEqual({ keys: ['a.c'], commonPrefixes: ['a/'], isTruncated: true, lastEntry: 'a/' });
    const second = listPage(keys, { delimiter: '/', maxKeys: 2, startAfter: 'a/' });
    expect(second.keys).toEqual(['a0', 'z']);
    expect(second.commonPrefixes).toEqual([]);
  });

  it('applies prefix and exclusive startAfter', () => {
    expect(listPage(keys, { prefix: 'a/', startAfter: 'a/b' }).keys).toEqual(['a/sub/y', 'a/x']);
    expect(listPage(keys, { prefix: 'a/', delimiter: '/' })).toMatchObject({ keys: ['a/b', 'a/x'], commonPrefixes: ['a/sub/'] });
  });

  it('is not truncated when the page is exactly full', () => {
    expect(listPage(['a', 'b'], { maxKeys: 2 }).isTruncated).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { searchPoints } from './search.js';

describe('search', () => {
  it('matches a regex, case-insensitively', () => {
    expect(searchPoints(['3', '13', '7', 'Three'], '3').matches).toEqual([0, 1]);
    expect(searchPoints(['3', '13', '7', 'Three'], '^t').matches).toEqual([3]);
  });
  it('matches nothing on an empty pattern and reports an invalid one', () => {
    expect(searchPoints(['a'], '')).toEqual({ matches: [], error: null });
    const bad = searchPoints(['a'], '(');
    expect(bad.matches).toEqual([]);
    expect(bad.error).toMatch(/Invalid regular expression/);
  });
});

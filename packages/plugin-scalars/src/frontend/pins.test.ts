import { describe, expect, it } from 'vitest';
import { parsePins, togglePin } from './pins.js';

describe('pins', () => {
  it('toggles a tag', () => {
    expect(togglePin(['a'], 'b')).toEqual(['a', 'b']);
    expect(togglePin(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('reads stored pins defensively', () => {
    expect(parsePins(['x', 1, 'x', 'y'])).toEqual(['x', 'y']);
    expect(parsePins({})).toEqual([]);
  });
});

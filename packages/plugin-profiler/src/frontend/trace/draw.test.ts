import { describe, expect, it } from 'vitest';
import { callStackLines } from './DetailsPanel.js';
import { clip } from './draw.js';

describe('labels', () => {
  it('cuts slice names to the room they have, with an ellipsis', () => {
    expect(clip('aten::conv2d', 200)).toBe('aten::conv2d');
    const cut = clip('aten::convolution_backward', 60);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThan('aten::convolution_backward'.length);
    expect(clip('aten::conv2d', 5)).toBe('');
  });

  it('splits a Kineto call stack into frames', () => {
    expect(callStackLines('a.py(1): f;b.py(2): <module>; ')).toEqual(['a.py(1): f', 'b.py(2): <module>']);
    expect(callStackLines(undefined)).toEqual([]);
  });
});

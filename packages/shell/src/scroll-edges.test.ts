import { describe, expect, it } from 'vitest';
import { scrollEdges } from './scroll-edges.js';

describe('scrollEdges', () => {
  it('says which sides of a scrolling strip hide content', () => {
    expect(scrollEdges(0, 300, 300)).toEqual({ left: false, right: false });
    expect(scrollEdges(0, 300, 500)).toEqual({ left: false, right: true });
    expect(scrollEdges(100, 300, 500)).toEqual({ left: true, right: true });
    expect(scrollEdges(200, 300, 500)).toEqual({ left: true, right: false });
  });
});

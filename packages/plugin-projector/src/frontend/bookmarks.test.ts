import { describe, expect, it } from 'vitest';
import { bookmarkToState, parseBookmarks, type Bookmark } from './bookmarks.js';

describe('bookmarks', () => {
  const b: Bookmark = {
    label: 'clusters',
    method: 'tsne',
    dims: 2,
    positions: new Float32Array([1, 2, 3, 4]),
    pcaComponents: [0, 1, 2],
    camera: { position: [0, 0, 2], target: [0, 0, 0] },
    selection: [1],
    colorBy: 'label',
    labelBy: 'label',
  };
  it('writes TensorBoard states and reads them back', () => {
    const state = bookmarkToState(b, 2, 64);
    expect(state['projections']).toEqual([{ 'tsne-0': 1, 'tsne-1': 2 }, { 'tsne-0': 3, 'tsne-1': 4 }]);
    const [back] = parseBookmarks(JSON.parse(JSON.stringify([state])));
    expect({ ...back, positions: [...back!.positions!] }).toEqual({ ...b, positions: [1, 2, 3, 4] });
  });
  it('skips what is not a state', () => {
    expect(parseBookmarks('nope')).toEqual([]);
    expect(parseBookmarks([1, { label: '' }])[0]!.label).toBe('State 1');
  });
});

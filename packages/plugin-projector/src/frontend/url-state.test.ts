import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseView, readViewFromHash, writeViewToHash, type ViewState } from './url-state.js';

describe('URL state', () => {
  const view: ViewState = {
    ...DEFAULT_VIEW,
    run: '.',
    tensor: 'digits:00000',
    method: 'tsne',
    dims: 2,
    components: [1, 2, 0],
    params: { perplexity: 12, learningRate: 5, neighbors: 15 },
    custom: ['a', 'b', 'c', 'd'],
    colorBy: 'label',
    search: '^3$',
    selection: [4, 9],
    camera: { position: [1.5, 2, 3], target: [0, 0.25, 0] },
  };
  it('round-trips through the fragment and keeps the shell parameters', () => {
    const hash = writeViewToHash('#tab=projector&runs=a%2Fb&runs=c', view);
    const params = new URLSearchParams(hash);
    expect(params.get('tab')).toBe('projector');
    expect(params.getAll('runs')).toEqual(['a/b', 'c']);
    expect(readViewFromHash(`#${hash}`)).toEqual(view);
  });
  it('replaces an older view', () => {
    const once = writeViewToHash('tab=projector', view);
    const twice = writeViewToHash(once, { ...view, method: 'pca' });
    expect(new URLSearchParams(twice).getAll('projector')).toHaveLength(1);
    expect(readViewFromHash(twice)!.method).toBe('pca');
  });
  it('falls back to defaults for anything unexpected', () => {
    expect(readViewFromHash('#tab=projector')).toBeNull();
    expect(readViewFromHash('#projector=%7Bnot-json')).toBeNull();
    expect(parseView({ method: 'magic', dims: 7, selection: [1, -1, 'x'], camera: { position: [1] } })).toEqual({ ...DEFAULT_VIEW, selection: [1] });
  });
});

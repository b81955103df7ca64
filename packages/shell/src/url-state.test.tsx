import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, formatHash, parseHash } from './url-state.js';

describe('url state', () => {
  it('round-trips tab, filter and an explicit run selection', () => {
    const state = { tab: 'scalars', runFilter: 'adam|sgd (lr=0.1)', runs: ['adam/train', 'a&b=c, d', '.'] };
    const hash = formatHash(state);
    expect(hash).toBe('tab=scalars&runFilter=adam%7Csgd+%28lr%3D0.1%29&runs=adam%2Ftrain&runs=a%26b%3Dc%2C+d&runs=.');
    expect(parseHash(`#${hash}`)).toEqual(state);
  });

  it('keeps "all runs" (no runs key) apart from "no runs" (an empty runs key)', () => {
    expect(formatHash({ tab: 'images', runFilter: '', runs: null })).toBe('tab=images');
    expect(parseHash('#tab=images').runs).toBeNull();
    expect(formatHash({ tab: 'images', runFilter: '', runs: [] })).toBe('tab=images&runs=');
    expect(parseHash('#tab=images&runs=').runs).toEqual([]);
  });

  it('reads the empty fragment and a TensorBoard-style bare tab', () => {
    expect(parseHash('')).toEqual(DEFAULT_VIEW);
    expect(parseHash('#')).toEqual(DEFAULT_VIEW);
    expect(parseHash('#scalars')).toEqual({ ...DEFAULT_VIEW, tab: 'scalars' });
    expect(formatHash(DEFAULT_VIEW)).toBe('');
  });
});

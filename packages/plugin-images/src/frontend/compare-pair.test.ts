import { describe, expect, it } from 'vitest';
import { comparePair, pickSide } from './compare-pair.js';

const withTag = ['adam/train', 'sgd/train', 'rms/train'];

describe('comparePair', () => {
  it('takes the first two selected runs that have the tag, in run order', () => {
    expect(comparePair(withTag, ['adam/train', 'adam/validation', 'sgd/train', 'rms/train'])).toEqual(['adam/train', 'sgd/train']);
    expect(comparePair(withTag, ['adam/validation', 'sgd/train', 'rms/train'])).toEqual(['sgd/train', 'rms/train']);
    expect(comparePair(withTag, ['rms/train', 'adam/train'])).toEqual(['adam/train', 'rms/train']);
  });

  it('fills in with the other runs that have the tag when fewer than two selected ones do', () => {
    expect(comparePair(withTag, ['adam/validation', 'sgd/train'])).toEqual(['sgd/train', 'adam/train']);
    expect(comparePair(withTag, [])).toEqual(['adam/train', 'sgd/train']);
  });

  it('leaves the right side empty when one run has the tag, and gives nothing when none has', () => {
    expect(comparePair(['adam/train'], ['adam/train', 'sgd/train'])).toEqual(['adam/train', null]);
    expect(comparePair([], ['adam/train'])).toBeNull();
  });

  it('keeps the sides the user picked while their runs have the tag', () => {
    const all = ['adam/train', 'sgd/train', 'rms/train'];
    expect(comparePair(withTag, all, ['rms/train', 'adam/train'])).toEqual(['rms/train', 'adam/train']);
    expect(comparePair(withTag, all, ['adam/validation', 'rms/train'])).toEqual(['adam/train', 'rms/train']);
    expect(comparePair(withTag, all, ['sgd/train', 'adam/validation'])).toEqual(['sgd/train', 'adam/train']);
    expect(comparePair(withTag, all, ['sgd/train', 'sgd/train'])).toEqual(['sgd/train', 'adam/train']);
  });
});

describe('pickSide', () => {
  it('sets one side, and swaps when the run is the other side\'s', () => {
    expect(pickSide(['a', 'b'], 1, 'c')).toEqual(['a', 'c']);
    expect(pickSide(['a', 'b'], 0, 'b')).toEqual(['b', 'a']);
    expect(pickSide(['a', 'b'], 1, 'b')).toEqual(['a', 'b']);
  });
});

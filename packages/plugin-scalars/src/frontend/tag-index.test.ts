import { describe, expect, it } from 'vitest';
import { compareTags, indexTags, runsWithTag, tagsOfRuns } from './tag-index.js';

const answer = {
  'adam/train': { batch_loss: { displayName: '', description: '' }, epoch_loss: { displayName: 'Loss', description: '<p>x</p>' } },
  'sgd/train': { epoch_loss: { displayName: '', description: '' }, 'layer10/w': {}, 'layer2/w': {} },
};

describe('indexTags', () => {
  it('lists the runs of each tag and keeps the first metadata', () => {
    const index = indexTags(answer);
    expect([...index.get('epoch_loss')!.runs]).toEqual(['adam/train', 'sgd/train']);
    expect(index.get('epoch_loss')!.displayName).toBe('Loss');
    expect(index.get('layer2/w')!.description).toBe('');
  });

  it('says what it expected for a bad answer', () => {
    expect(() => indexTags([])).toThrow(/expected the tags answer/);
  });
});

describe('tagsOfRuns', () => {
  it('hides tags no selected run has, in natural order', () => {
    const index = indexTags(answer);
    expect(tagsOfRuns(index, ['sgd/train'])).toEqual(['epoch_loss', 'layer2/w', 'layer10/w']);
    expect(tagsOfRuns(index, ['adam/train'])).toEqual(['batch_loss', 'epoch_loss']);
    expect(tagsOfRuns(index, [])).toEqual([]);
  });

  it('gives the selected runs of a tag', () => {
    const index = indexTags(answer);
    expect(runsWithTag(index.get('epoch_loss'), ['sgd/train', 'x'])).toEqual(['sgd/train']);
    expect(runsWithTag(undefined, ['a'])).toEqual([]);
    expect(compareTags('a', 'B')).toBeLessThan(0);
  });
});

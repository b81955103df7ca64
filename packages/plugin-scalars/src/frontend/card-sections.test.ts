import { describe, expect, it } from 'vitest';
import { cardSections } from './card-sections.js';

describe('cardSections', () => {
  it('lets Keras tags (one tag per group) flow together in one grid', () => {
    const keras = ['batch_loss', 'epoch_accuracy', 'epoch_learning_rate', 'epoch_loss'];
    expect(cardSections(keras)).toEqual([{ kind: 'flow', tags: keras }]);
  });

  it('gives a group of several cards its header, and flows the one-card groups around it', () => {
    expect(cardSections(['epoch_loss', 'epoch_acc', 'train/a', 'train/b', 'lr', 'eval/x'])).toEqual([
      { kind: 'flow', tags: ['epoch_loss', 'epoch_acc'] },
      { kind: 'group', name: 'train', tags: ['train/a', 'train/b'] },
      { kind: 'flow', tags: ['lr', 'eval/x'] },
    ]);
  });

  it('is empty for no tags', () => {
    expect(cardSections([])).toEqual([]);
  });
});

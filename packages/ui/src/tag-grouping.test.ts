import { describe, expect, it } from 'vitest';
import { groupTags, tagGroupName } from './tag-grouping.js';

describe('groupTags', () => {
  it('groups by the prefix before the first slash, in first-seen order', () => {
    expect(groupTags(['train/loss', 'eval/loss', 'train/acc', 'lr', 'a/b/c'])).toEqual([
      { name: 'train', tags: ['train/loss', 'train/acc'] },
      { name: 'eval', tags: ['eval/loss'] },
      { name: 'lr', tags: ['lr'] },
      { name: 'a', tags: ['a/b/c'] },
    ]);
  });

  it('names the group of a tag', () => {
    expect(tagGroupName('x/y/z')).toBe('x');
    expect(tagGroupName('plain')).toBe('plain');
  });
});

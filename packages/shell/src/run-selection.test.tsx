import { describe, expect, it } from 'vitest';
import { resolveSelection, updateSelection } from './run-selection.js';

const ALL = ['adam/train', 'adam/eval', 'sgd/train'];

describe('run selection', () => {
  it('selects every run by default, including new ones', () => {
    expect(resolveSelection(ALL, null)).toEqual(ALL);
    expect(resolveSelection([...ALL, 'new'], null)).toEqual([...ALL, 'new']);
  });

  it('becomes explicit once a run is deselected; new runs then stay unselected', () => {
    const explicit = updateSelection(ALL, null, { deselect: ['adam/eval'] });
    expect(explicit).toEqual(['adam/train', 'sgd/train']);
    expect(resolveSelection([...ALL, 'new'], explicit)).toEqual(['adam/train', 'sgd/train']);
  });

  it('returns to the default when everything is selected again', () => {
    const none = updateSelection(ALL, null, { deselect: ALL });
    expect(none).toEqual([]);
    expect(updateSelection(ALL, none, { select: ALL })).toBeNull();
  });

  it('keeps explicitly chosen runs that are not loaded yet, in run order first', () => {
    const explicit = updateSelection(ALL, ['later', 'sgd/train'], { select: ['adam/train'] });
    expect(explicit).toEqual(['adam/train', 'sgd/train', 'later']);
    expect(resolveSelection(ALL, explicit)).toEqual(['adam/train', 'sgd/train']);
  });
});

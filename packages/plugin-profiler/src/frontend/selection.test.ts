import { describe, expect, it } from 'vitest';
import { loadSelection, parseSelection, saveSelection, SELECTION_KEY } from './selection.js';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe('selection', () => {
  it('round-trips through storage', () => {
    const s = memory();
    saveSelection({ run: 'resnet50_num_workers_4', worker: 'worker0', span: '1', view: 'Kernel' }, s);
    expect(JSON.parse(s.m.get(SELECTION_KEY)!)).toEqual({ run: 'resnet50_num_workers_4', worker: 'worker0', span: '1', view: 'Kernel' });
    expect(loadSelection(s)).toEqual({ run: 'resnet50_num_workers_4', worker: 'worker0', span: '1', view: 'Kernel' });
  });
  it('drops what is not a selection', () => {
    expect(parseSelection({ run: 'a', worker: 3, span: '', view: 'Overview', other: 'x' })).toEqual({ run: 'a', view: 'Overview' });
    expect(parseSelection('nope')).toEqual({});
    const s = memory();
    s.setItem(SELECTION_KEY, '{broken');
    expect(loadSelection(s)).toEqual({});
    expect(loadSelection(null)).toEqual({});
  });
  it('never throws when storage fails', () => {
    const failing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    expect(() => saveSelection({ run: 'a' }, failing)).not.toThrow();
    expect(loadSelection(failing)).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { otherCharts } from './session-curves.js';

describe('otherCharts', () => {
  const tags = {
    's': ['hparam/accuracy', 'train/loss'],
    's/validation': ['epoch_loss', 'train/loss'],
    'other': ['train/loss'],
  };

  it("charts the session's tags that are not metrics, a line per run, by tag", () => {
    expect(otherCharts(tags, ['s', 's/validation'], [['s', 'hparam/accuracy'], ['s/validation', 'epoch_loss']])).toEqual([
      { tag: 'train/loss', runs: ['s', 's/validation'] },
    ]);
    expect(otherCharts(tags, ['s/validation'], [])).toEqual([
      { tag: 'epoch_loss', runs: ['s/validation'] },
      { tag: 'train/loss', runs: ['s/validation'] },
    ]);
  });

  it('keeps at most `max` charts and knows no tags of unknown runs', () => {
    const many = { s: Array.from({ length: 10 }, (_, i) => `t${i}`) };
    expect(otherCharts(many, ['s'], [], 3).map((c) => c.tag)).toEqual(['t0', 't1', 't2']);
    expect(otherCharts(tags, ['nope'], [])).toEqual([]);
  });
});

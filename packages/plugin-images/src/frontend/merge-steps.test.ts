import { describe, expect, it } from 'vitest';
import { mergeSteps } from './merge-steps.js';

describe('mergeSteps', () => {
  it('puts both runs on one ascending slider, the first run\'s time winning', () => {
    const a = [
      { step: 0, wallTime: 100 },
      { step: 20, wallTime: 120 },
    ];
    const b = [
      { step: 0, wallTime: 200 },
      { step: 10, wallTime: 210 },
    ];
    expect(mergeSteps(a, b)).toEqual({ steps: [0, 10, 20], wallTimes: [100, 210, 120] });
    expect(mergeSteps([], [])).toEqual({ steps: [], wallTimes: [] });
  });
});

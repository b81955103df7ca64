import { describe, expect, it } from 'vitest';
import { nextStep, stepForKey } from './steps.js';

describe('nextStep', () => {
  it('follows the newest step while at it, else keeps the step or the nearest before', () => {
    expect(nextStep(null, true, [])).toBeNull();
    expect(nextStep(null, false, [0, 5])).toBe(5);
    expect(nextStep(5, true, [0, 5, 10])).toBe(10);
    expect(nextStep(5, false, [0, 5, 10])).toBe(5);
    expect(nextStep(7, false, [0, 5, 10])).toBe(5);
    expect(nextStep(-1, false, [0, 5])).toBe(0);
  });
});

describe('stepForKey', () => {
  it('moves one kept step, or to the ends', () => {
    expect(stepForKey('ArrowRight', [0, 10, 20], 10)).toBe(20);
    expect(stepForKey('ArrowLeft', [0, 10, 20], 0)).toBeUndefined();
    expect(stepForKey('Home', [0, 10, 20], 10)).toBe(0);
    expect(stepForKey('End', [0, 10, 20], 0)).toBe(20);
    expect(stepForKey('x', [0, 10], 0)).toBeUndefined();
    expect(stepForKey('ArrowRight', [], null)).toBeUndefined();
  });
});

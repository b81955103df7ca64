import { describe, expect, it } from 'vitest';
import { nextStep } from './follow.js';

describe('nextStep', () => {
  it('follows the newest step, or keeps the one chosen, or the nearest before it', () => {
    expect(nextStep(null, true, [])).toBeNull();
    expect(nextStep(null, false, [0, 5])).toBe(5);
    expect(nextStep(5, true, [0, 5, 10])).toBe(10);
    expect(nextStep(5, false, [0, 5, 10])).toBe(5);
    expect(nextStep(7, false, [0, 5, 10])).toBe(5);
    expect(nextStep(-3, false, [0, 5])).toBe(0);
  });
});

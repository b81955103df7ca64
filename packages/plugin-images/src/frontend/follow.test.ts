import { describe, expect, it } from 'vitest';
import { nextStep } from './follow.js';

describe('nextStep', () => {
  it('follows the newest step when the card was at the end', () => {
    expect(nextStep(null, false, [0, 10, 20])).toBe(20);
    expect(nextStep(20, true, [0, 10, 20, 30])).toBe(30);
  });
  it('keeps a chosen older step, or the one before it if it is gone', () => {
    expect(nextStep(10, false, [0, 10, 20, 30])).toBe(10);
    expect(nextStep(15, false, [0, 10, 20])).toBe(10);
    expect(nextStep(5, false, [])).toBeNull();
  });
});

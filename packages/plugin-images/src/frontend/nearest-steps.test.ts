import { describe, expect, it } from 'vitest';
import { nearestSteps } from './nearest-steps.js';

describe('nearestSteps', () => {
  it('finds the kept steps on either side of a missing one', () => {
    expect(nearestSteps([0, 10, 20], 15)).toEqual({ before: 10, after: 20 });
    expect(nearestSteps([0, 10, 20], 25)).toEqual({ before: 20, after: undefined });
    expect(nearestSteps([5, 10], 0)).toEqual({ before: undefined, after: 5 });
    expect(nearestSteps([], 3)).toEqual({ before: undefined, after: undefined });
  });
});

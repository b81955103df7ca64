import { describe, expect, it } from 'vitest';
import { nextStep, stepForKey, stepKeyHandler } from './step-follow.js';

describe('nextStep', () => {
  it('follows the newest step when the card was at the end', () => {
    expect(nextStep(null, false, [0, 10, 20])).toBe(20);
    expect(nextStep(20, true, [0, 10, 20, 30])).toBe(30);
  });
  it('keeps a chosen older step, or the one before it if it is gone', () => {
    expect(nextStep(10, false, [0, 10, 20, 30])).toBe(10);
    expect(nextStep(15, false, [0, 10, 20])).toBe(10);
    expect(nextStep(-3, false, [0, 5])).toBe(0);
    expect(nextStep(5, false, [])).toBeNull();
    expect(nextStep(null, true, [])).toBeNull();
  });
});

describe('stepForKey', () => {
  const steps = [0, 10, 20];
  it('moves one kept step with the arrows, to the ends with Home and End', () => {
    expect(stepForKey('ArrowRight', steps, 10)).toBe(20);
    expect(stepForKey('ArrowLeft', steps, 10)).toBe(0);
    expect(stepForKey('Home', steps, 20)).toBe(0);
    expect(stepForKey('End', steps, 0)).toBe(20);
  });
  it('goes nowhere past the ends, for other keys, or without a step', () => {
    expect(stepForKey('ArrowRight', steps, 20)).toBeUndefined();
    expect(stepForKey('ArrowLeft', steps, 0)).toBeUndefined();
    expect(stepForKey('a', steps, 10)).toBeUndefined();
    expect(stepForKey('ArrowRight', [], null)).toBeUndefined();
    expect(stepForKey('ArrowRight', steps, 15)).toBeUndefined();
  });
});

describe('stepKeyHandler', () => {
  const press = (key: string, tagName = 'DIV') => {
    let prevented = false;
    const event = { key, target: { tagName }, preventDefault: () => (prevented = true) } as unknown as KeyboardEvent;
    const went: number[] = [];
    stepKeyHandler([0, 10, 20], 10, (s) => went.push(s))(event);
    return { went, prevented };
  };
  it('steps and keeps the page still', () => {
    expect(press('ArrowRight')).toEqual({ went: [20], prevented: true });
  });
  it('leaves keys typed into a control to that control', () => {
    expect(press('ArrowRight', 'INPUT')).toEqual({ went: [], prevented: false });
    expect(press('ArrowLeft', 'SELECT')).toEqual({ went: [], prevented: false });
  });
});

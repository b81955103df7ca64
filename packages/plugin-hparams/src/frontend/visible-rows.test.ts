import { describe, expect, it } from 'vitest';
import { rowWindow } from './visible-rows.js';

describe('rowWindow', () => {
  it('renders the rows in view and a few around them', () => {
    expect(rowWindow(0, 280, 28, 1000)).toEqual({ start: 0, end: 18, padTop: 0, padBottom: 982 * 28 });
    const w = rowWindow(28 * 500, 280, 28, 1000);
    expect(w.start).toBe(492);
    expect(w.end).toBe(518);
    expect(w.padTop + (w.end - w.start) * 28 + w.padBottom).toBe(28_000);
  });

  it('stays inside the rows at the end and for short lists', () => {
    expect(rowWindow(28 * 995, 280, 28, 1000)).toMatchObject({ end: 1000, padBottom: 0 });
    expect(rowWindow(0, 420, 28, 12)).toEqual({ start: 0, end: 12, padTop: 0, padBottom: 0 });
    expect(rowWindow(-50, 280, 28, 0)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });
});

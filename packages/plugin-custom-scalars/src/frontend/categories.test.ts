import { expect, it } from 'vitest';
import { isOpen } from './categories.js';

it("opens a category as the layout says, flipped once the user toggled it", () => {
  expect(isOpen(false, false)).toBe(true);
  expect(isOpen(true, false)).toBe(false);
  expect(isOpen(true, true)).toBe(true);
  expect(isOpen(false, true)).toBe(false);
});

import { describe, expect, it } from 'vitest';
import { digitImage, makeDigits, PIXELS } from './digits.js';

describe('makeDigits', () => {
  it('draws balanced labels, values in [0, 1], with ink where a digit is', () => {
    const d = makeDigits(200, 3);
    expect(d.images.length).toBe(200 * PIXELS);
    const perLabel = new Array(10).fill(0);
    for (const l of d.labels) perLabel[l]++;
    expect(perLabel).toEqual(new Array(10).fill(20));
    for (const v of d.images) expect(v >= 0 && v <= 1).toBe(true);
    for (let i = 0; i < d.count; i++) {
      const img = digitImage(d, i);
      const inked = img.filter((v) => v > 0.6).length;
      // A stroke covers a real part of the image, and far from all of it.
      expect(inked).toBeGreaterThan(15);
      expect(inked).toBeLessThan(300);
    }
  });

  it('is the same for the same seed and differs for another', () => {
    const a = makeDigits(30, 5);
    expect(makeDigits(30, 5).images).toEqual(a.images);
    expect(makeDigits(30, 6).images).not.toEqual(a.images);
  });

  it('keeps each image with its label when shuffling: a 1 has less ink than an 8', () => {
    const d = makeDigits(400, 9);
    const ink = [0, 0];
    for (let i = 0; i < d.count; i++) {
      const sum = digitImage(d, i).reduce((s, v) => s + v, 0);
      if (d.labels[i] === 1) ink[0]! += sum / 40;
      if (d.labels[i] === 8) ink[1]! += sum / 40;
    }
    expect(ink[0]).toBeLessThan(ink[1]! * 0.7);
  });
});

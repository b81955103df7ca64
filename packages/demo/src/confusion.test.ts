import { describe, expect, it } from 'vitest';
import { confusionMatrix, drawConfusion } from './confusion.js';

describe('confusionMatrix', () => {
  it('counts true rows against predicted columns', () => {
    const m = confusionMatrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 2, 0], 3);
    expect(Array.from(m)).toEqual([1, 1, 0, 0, 1, 0, 1, 0, 2]);
    expect(() => confusionMatrix([0], [0, 1], 3)).toThrow('1 labels but 2 predictions');
  });
});

describe('drawConfusion', () => {
  it('shades a cell by its share of the row: a perfect diagonal is dark, the rest white', () => {
    const counts = confusionMatrix([0, 1, 2, 3], [0, 1, 2, 3], 4);
    const img = drawConfusion(counts, 4);
    expect([img.width, img.height, img.channels]).toEqual([18 + 4 * 28, 18 + 4 * 28, 3]);
    const pixel = (x: number, y: number) => Array.from(img.data.subarray((y * img.width + x) * 3, (y * img.width + x) * 3 + 3));
    // Cell corners (away from the written count): (row 1, col 1) deep blue, (row 1, col 2) white.
    expect(pixel(18 + 28 + 2, 18 + 28 + 2)).toEqual([8, 48, 107]);
    expect(pixel(18 + 2 * 28 + 2, 18 + 28 + 2)).toEqual([247, 251, 255]);
    // The count "1" is written in light ink inside the dark diagonal cell.
    let light = 0;
    for (let y = 18 + 28; y < 18 + 56; y++) for (let x = 18 + 28; x < 18 + 56; x++) if (pixel(x, y)[0]! > 150) light++;
    expect(light).toBeGreaterThan(5);
  });
});

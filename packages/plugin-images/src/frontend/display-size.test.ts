import { describe, expect, it } from 'vitest';
import { displaySize, MIN_SHORT_SIDE } from './display-size.js';

const card = { width: 400, height: 360 };

describe('displaySize', () => {
  it('fits an ordinary image to the card, up or down, keeping its shape', () => {
    expect(displaySize({ width: 28, height: 28 }, card)).toEqual({ width: 360, height: 360 });
    expect(displaySize({ width: 224, height: 28 }, card)).toEqual({ width: 400, height: 50 });
    expect(displaySize({ width: 1600, height: 1200 }, card)).toEqual({ width: 400, height: 300 });
    expect(displaySize({ width: 100, height: 1000 }, card)).toEqual({ width: 36, height: 360 });
  });

  it('draws a 1-pixel-tall strip at least MIN_SHORT_SIDE tall, as wide as the card', () => {
    const strip = displaySize({ width: 128, height: 1 }, card)!;
    expect(strip).toEqual({ width: 400, height: MIN_SHORT_SIDE });
    expect(strip.height).toBeGreaterThanOrEqual(24);
  });

  it('keeps the shape of a thin image when the card is wide enough for it', () => {
    expect(displaySize({ width: 12, height: 1 }, card)).toEqual({ width: 400, height: 33 });
    expect(displaySize({ width: 128, height: 1 }, { width: 4096, height: 360 })).toEqual({ width: 4096, height: 32 });
  });

  it('does the same for a 1-pixel-wide column', () => {
    expect(displaySize({ width: 1, height: 128 }, card)).toEqual({ width: 32, height: 360 });
  });

  it('never draws beyond the room, even a room thinner than the minimum', () => {
    expect(displaySize({ width: 128, height: 1 }, { width: 20, height: 16 })).toEqual({ width: 20, height: 16 });
  });

  it('gives null when a size is unknown', () => {
    expect(displaySize({ width: 0, height: 0 }, card)).toBeNull();
    expect(displaySize({ width: 28, height: 28 }, { width: 0, height: 360 })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { fitted } from './Lightbox.js';

describe('fitted', () => {
  it('scales an image up or down to the window, keeping its shape', () => {
    expect(fitted({ width: 28, height: 28 }, { width: 1000, height: 500 })).toEqual({ width: '400px', height: '400px' });
    expect(fitted({ width: 224, height: 28 }, { width: 1000, height: 800 })).toEqual({ width: '880px', height: '110px' });
  });

  it('draws a 1-pixel-tall strip thick enough to see', () => {
    expect(fitted({ width: 128, height: 1 }, { width: 1000, height: 800 })).toEqual({ width: '880px', height: '64px' });
  });
});

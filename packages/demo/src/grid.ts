/**
 * Tiles grayscale digits into one image, the "grid of sample images" people log at the
 * start of training to check their input pipeline.
 */
import { PIXELS, SIDE } from './digits.js';

/** `count` images from `images` (28x28 each, 0..1) in rows of `columns`, 2-pixel gaps, as an 8-bit grayscale image. */
export function tileDigits(images: Float32Array, count: number, columns: number): { data: Uint8Array; width: number; height: number; channels: 1 } {
  const rows = Math.ceil(count / columns);
  const gap = 2;
  const width = columns * (SIDE + gap) + gap;
  const height = rows * (SIDE + gap) + gap;
  const data = new Uint8Array(width * height).fill(96);
  for (let i = 0; i < count; i++) {
    const ox = gap + (i % columns) * (SIDE + gap);
    const oy = gap + Math.floor(i / columns) * (SIDE + gap);
    for (let y = 0; y < SIDE; y++) {
      for (let x = 0; x < SIDE; x++) data[(oy + y) * width + ox + x] = Math.round(255 * images[i * PIXELS + y * SIDE + x]!);
    }
  }
  return { data, width, height, channels: 1 };
}

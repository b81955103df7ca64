/**
 * The demo's dataset: 28x28 grayscale digits drawn from {@link DIGIT_STROKES} with a
 * random position, size, rotation, slant, pen width and noise, so that a small MLP has
 * something real to learn (and to get wrong: 4/9, 3/5/8 and 1/7 are confusable).
 */
import { drawStrokes } from './draw.js';
import { DIGIT_STROKES } from './glyphs.js';
import { Random } from './random.js';

export const SIDE = 28;
export const PIXELS = SIDE * SIDE;

/** `count` images (row-major, 0..1) and their labels. */
export interface Digits {
  readonly count: number;
  /** count x 28 x 28 values in [0, 1]. */
  readonly images: Float32Array;
  /** count labels 0-9. */
  readonly labels: Int32Array;
}

/**
 * Draws `count` digits with balanced labels from `seed`.
 * @example const { images, labels } = makeDigits(1000, 42);
 */
export function makeDigits(count: number, seed: number): Digits {
  const rng = new Random(seed);
  const images = new Float32Array(count * PIXELS);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % 10;
    labels[i] = label;
    const image = images.subarray(i * PIXELS, (i + 1) * PIXELS);
    drawStrokes(
      image,
      SIDE,
      SIDE,
      DIGIT_STROKES[label]!,
      {
        cx: 14 + rng.uniform(-3, 3),
        cy: 14 + rng.uniform(-2.5, 2.5),
        scale: 19 * rng.uniform(0.75, 1.1),
        rotation: rng.uniform(-0.25, 0.25),
        slant: rng.uniform(-0.15, 0.35),
      },
      rng.uniform(1.4, 2.8),
    );
    for (let p = 0; p < PIXELS; p++) image[p] = Math.min(1, Math.max(0, image[p]! + 0.08 * rng.normal()));
  }
  shuffle(images, labels, rng);
  return { count, images, labels };
}

function shuffle(images: Float32Array, labels: Int32Array, rng: Random): void {
  const tmp = new Float32Array(PIXELS);
  for (let i = labels.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [labels[i], labels[j]] = [labels[j]!, labels[i]!];
    tmp.set(images.subarray(i * PIXELS, (i + 1) * PIXELS));
    images.copyWithin(i * PIXELS, j * PIXELS, (j + 1) * PIXELS);
    images.set(tmp, j * PIXELS);
  }
}

/** Image `i` of `digits` as a view. */
export function digitImage(digits: Digits, i: number): Float32Array {
  return digits.images.subarray(i * PIXELS, (i + 1) * PIXELS);
}

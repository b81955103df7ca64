/**
 * The confusion matrix the demo logs each epoch, counted and drawn as an RGB image the
 * way people draw one with matplotlib: rows are true labels, columns predicted ones,
 * each cell shaded by its share of the row, with the count written in it.
 */
import { drawStrokes } from './draw.js';
import { DIGIT_STROKES } from './glyphs.js';

/** counts[true * classes + predicted]. */
export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): Int32Array {
  if (labels.length !== predicted.length) {
    throw new RangeError(`confusionMatrix: ${labels.length} labels but ${predicted.length} predictions`);
  }
  const counts = new Int32Array(classes * classes);
  for (let i = 0; i < labels.length; i++) counts[labels[i]! * classes + predicted[i]!]! += 1;
  return counts;
}

const CELL = 28;
const MARGIN = 18;

/** An RGB image of the matrix: (18 + 28 * classes) pixels square. */
export function drawConfusion(counts: Int32Array, classes: number): { data: Uint8Array; width: number; height: number; channels: 3 } {
  const side = MARGIN + CELL * classes;
  const rgb = new Uint8Array(side * side * 3).fill(255);
  const ink = new Float32Array(side * side);
  const textInk = new Float32Array(side * side);
  for (let c = 0; c < classes; c++) {
    // Axis labels: predicted classes along the top, true classes down the left.
    digits(ink, side, String(c), MARGIN + c * CELL + CELL / 2, MARGIN / 2, 11);
    digits(ink, side, String(c), MARGIN / 2, MARGIN + c * CELL + CELL / 2, 11);
  }
  for (let t = 0; t < classes; t++) {
    let row = 0;
    for (let p = 0; p < classes; p++) row += counts[t * classes + p]!;
    for (let p = 0; p < classes; p++) {
      const count = counts[t * classes + p]!;
      const share = row === 0 ? 0 : count / row;
      const [r, g, b] = blues(share);
      const x0 = MARGIN + p * CELL;
      const y0 = MARGIN + t * CELL;
      for (let y = y0; y < y0 + CELL - 1; y++) {
        for (let x = x0; x < x0 + CELL - 1; x++) rgb.set([r, g, b], (y * side + x) * 3);
      }
      const target = share > 0.5 ? textInk : ink;
      if (count > 0) digits(target, side, String(count), x0 + CELL / 2, y0 + CELL / 2, count > 99 ? 8 : 10);
    }
  }
  for (let i = 0; i < side * side; i++) {
    const dark = ink[i]!;
    const light = textInk[i]!;
    for (let ch = 0; ch < 3; ch++) {
      const base = rgb[i * 3 + ch]!;
      rgb[i * 3 + ch] = Math.round(base * (1 - dark) + 30 * dark + (255 - base) * light);
    }
  }
  return { data: rgb, width: side, height: side, channels: 3 };
}

/** Writes the digits of `text` centred at (cx, cy), `size` pixels tall. */
function digits(ink: Float32Array, side: number, text: string, cx: number, cy: number, size: number): void {
  const advance = size * 0.62;
  const left = cx - (advance * (text.length - 1)) / 2;
  for (let i = 0; i < text.length; i++) {
    const strokes = DIGIT_STROKES[text.charCodeAt(i) - 48]!;
    drawStrokes(ink, side, side, strokes, { cx: left + i * advance, cy, scale: size, rotation: 0, slant: 0 }, 1.1);
  }
}

/** matplotlib's "Blues" ramp, approximately: white at 0, deep blue at 1. */
function blues(share: number): [number, number, number] {
  const s = Math.min(1, Math.max(0, share)) ** 0.7;
  return [Math.round(247 - s * (247 - 8)), Math.round(251 - s * (251 - 48)), Math.round(255 - s * (255 - 107))];
}

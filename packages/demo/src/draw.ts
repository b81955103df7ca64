/**
 * Rasterizes strokes into a grayscale image: each pixel's ink is how close it lies to
 * the nearest stroke segment, anti-aliased over one pixel, as a pen of a given width.
 */
import type { Stroke } from './glyphs.js';

/** Where strokes land: unit-box x, y -> pixel x, y. */
export interface Transform {
  /** Pixel position of the unit box's centre. */
  readonly cx: number;
  readonly cy: number;
  /** Pixels per unit. */
  readonly scale: number;
  /** Radians, clockwise. */
  readonly rotation: number;
  /** Horizontal shear (italic slant), in units of x per unit of y. */
  readonly slant: number;
}

/**
 * Adds the ink of `strokes` into `image` (width x height, values 0..1, max-combined).
 * @example drawStrokes(img, 28, 28, DIGIT_STROKES[7]!, { cx: 14, cy: 14, scale: 20, rotation: 0, slant: 0 }, 2)
 */
export function drawStrokes(
  image: Float32Array,
  width: number,
  height: number,
  strokes: readonly Stroke[],
  t: Transform,
  penWidth: number,
): void {
  const cos = Math.cos(t.rotation);
  const sin = Math.sin(t.rotation);
  const segments: number[] = [];
  for (const stroke of strokes) {
    const pts = stroke.map(([x, y]) => {
      const ux = x - 0.5 + t.slant * (0.5 - y);
      const uy = y - 0.5;
      return [t.cx + t.scale * (ux * cos - uy * sin), t.cy + t.scale * (ux * sin + uy * cos)] as const;
    });
    for (let i = 1; i < pts.length; i++) segments.push(pts[i - 1]![0], pts[i - 1]![1], pts[i]![0], pts[i]![1]);
  }
  const half = penWidth / 2;
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const x = px + 0.5;
      const y = py + 0.5;
      let best = Infinity;
      for (let s = 0; s < segments.length; s += 4) {
        const d = segmentDistance(x, y, segments[s]!, segments[s + 1]!, segments[s + 2]!, segments[s + 3]!);
        if (d < best) best = d;
      }
      const ink = Math.min(1, Math.max(0, half + 0.5 - best));
      const at = py * width + px;
      if (ink > image[at]!) image[at] = ink;
    }
  }
}

/** Distance from (x, y) to the segment (ax, ay)-(bx, by). */
export function segmentDistance(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2));
  const ex = x - (ax + t * dx);
  const ey = y - (ay + t * dy);
  return Math.sqrt(ex * ex + ey * ey);
}

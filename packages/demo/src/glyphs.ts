/**
 * The ten digit shapes the demo draws: each a few strokes (polylines) in a unit box,
 * x to the right and y down, the way a hand would write them.
 */

export type Point = readonly [number, number];
export type Stroke = readonly Point[];

/** An ellipse as a closed polyline. */
function ellipse(cx: number, cy: number, rx: number, ry: number, from = 0, to = 2 * Math.PI, steps = 16): Point[] {
  const out: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const a = from + ((to - from) * i) / steps;
    out.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
  }
  return out;
}

/** The strokes of digits 0-9. */
export const DIGIT_STROKES: readonly (readonly Stroke[])[] = [
  [ellipse(0.5, 0.5, 0.3, 0.42)],
  [[[0.32, 0.26], [0.55, 0.08], [0.55, 0.92]]],
  [[...ellipse(0.5, 0.32, 0.28, 0.22, Math.PI * 1.05, Math.PI * 2.15, 8), [0.2, 0.9], [0.82, 0.9]]],
  [[...ellipse(0.47, 0.3, 0.27, 0.2, Math.PI * 1.1, Math.PI * 2.5, 8), ...ellipse(0.47, 0.7, 0.3, 0.22, Math.PI * 1.5, Math.PI * 2.9, 10)]],
  [[[0.66, 0.92], [0.66, 0.08], [0.18, 0.64], [0.86, 0.64]]],
  [[[0.78, 0.1], [0.3, 0.1], [0.26, 0.46], ...ellipse(0.47, 0.66, 0.3, 0.24, Math.PI * 1.3, Math.PI * 2.85, 10)]],
  [[[0.7, 0.08], [0.38, 0.36], ...ellipse(0.5, 0.68, 0.27, 0.24, Math.PI * 1.05, Math.PI * 3.05, 14)]],
  [[[0.18, 0.1], [0.82, 0.1], [0.42, 0.92]], [[0.36, 0.5], [0.7, 0.5]]],
  [ellipse(0.5, 0.28, 0.22, 0.19), ellipse(0.5, 0.7, 0.28, 0.22)],
  [[...ellipse(0.48, 0.32, 0.26, 0.23, 0, Math.PI * 2, 14), [0.72, 0.5], [0.6, 0.92]]],
];

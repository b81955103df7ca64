/**
 * Scales from data to pixels: linear, or log10 for the y axis. A log scale has no place
 * for zero or negative values: they map to NaN, which the drawing treats as a gap.
 */

/** Which kind of scale. */
export type ScaleKind = 'linear' | 'log';

/** A map from a data interval onto a pixel interval, and back. */
export interface Scale {
  readonly kind: ScaleKind;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  /** Pixel of `v`; NaN where the scale has none (non-finite, or <= 0 on a log scale). */
  map(v: number): number;
  /** The data value at pixel `px`. */
  invert(px: number): number;
}

/** `v` in the log scale's transformed space, NaN for v <= 0. */
export function log10OrNaN(v: number): number {
  return v > 0 ? Math.log10(v) : NaN;
}

/**
 * A scale mapping `domain` onto `range` (either may be reversed, as for y where
 * pixels grow downwards). A domain of zero width maps everything to the middle.
 *
 * @example createScale('log', [1, 100], [0, 200]).map(10) // 100
 */
export function createScale(kind: ScaleKind, domain: readonly [number, number], range: readonly [number, number]): Scale {
  const t = kind === 'log' ? log10OrNaN : (v: number) => v;
  const inv = kind === 'log' ? (u: number) => Math.pow(10, u) : (u: number) => u;
  const d0 = t(domain[0]);
  const d1 = t(domain[1]);
  const [r0, r1] = range;
  const span = d1 - d0;
  const k = span === 0 || !Number.isFinite(span) ? 0 : (r1 - r0) / span;
  const mid = (r0 + r1) / 2;
  return {
    kind,
    domain,
    range,
    map: (v) => {
      const u = t(v);
      if (!Number.isFinite(u)) return NaN;
      return k === 0 ? mid : r0 + (u - d0) * k;
    },
    invert: (px) => (k === 0 ? inv(d0) : inv(d0 + (px - r0) / k)),
  };
}

/**
 * The colours of lines and points by a metric's value: a ramp from blue (lowest) through
 * teal, green and amber to red (highest), at one lightness in OKLCH so that no value
 * fades into the light or the dark background, with a legend's gradient stops.
 */
import type { CellValue } from './columns.js';

/** The colour of a line whose metric is missing or not finite. */
export const NO_VALUE_COLOR = '#9e9e9e';

/** A map from a metric's values to colours. */
export interface ColorScale {
  /** The lowest and the highest finite value. */
  readonly domain: readonly [number, number];
  /** The colour of `v` (NO_VALUE_COLOR when missing or not finite). */
  color(v: CellValue): string;
  /** Stops for a linear gradient from the lowest (offset 0) to the highest (offset 1) value. */
  readonly stops: readonly { readonly offset: number; readonly color: string }[];
}

const LIGHTNESS = 0.62;
const CHROMA = 0.15;
/** OKLCH hues from the lowest value to the highest. */
const HUE_FROM = 255;
const HUE_TO = 25;
/** Colours computed per scale; values between take the nearest. */
const STEPS = 64;

/** How far outside [0, 1] a linear channel may be (rounding in the published matrices). */
const GAMUT_SLACK = 1e-3;
const CHROMA_STEP = 0.002;

function toSrgbChannel(linear: number): number {
  const v = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
  return Math.round(Math.min(1, Math.max(0, v)) * 255);
}

function linearRgb(l: number, c: number, hueDeg: number): [number, number, number] {
  const h = (hueDeg * Math.PI) / 180;
  const a = c * Math.cos(h);
  const b = c * Math.sin(h);
  const l1 = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m1 = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s1 = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l1 - 3.3077115913 * m1 + 0.2309699292 * s1,
    -1.2684380046 * l1 + 2.6097574011 * m1 - 0.3413193965 * s1,
    -0.0041960863 * l1 - 0.7034186147 * m1 + 1.707614701 * s1,
  ];
}

/**
 * An OKLCH colour as `#rrggbb`, its chroma lowered until it fits in sRGB (so the hue and
 * lightness stay).
 *
 * @example oklchToHex(0.62, 0.15, 255) // a mid blue
 */
export function oklchToHex(l: number, c: number, hueDeg: number): string {
  let chroma = c;
  let rgb = linearRgb(l, chroma, hueDeg);
  while (chroma > 0 && rgb.some((v) => v < -GAMUT_SLACK || v > 1 + GAMUT_SLACK)) {
    chroma = Math.max(0, chroma - CHROMA_STEP);
    rgb = linearRgb(l, chroma, hueDeg);
  }
  return `#${rgb.map((v) => toSrgbChannel(v).toString(16).padStart(2, '0')).join('')}`;
}

/** The ramp's colour at `t` in [0, 1]. */
export function rampColor(t: number): string {
  const u = Math.min(1, Math.max(0, t));
  return oklchToHex(LIGHTNESS, CHROMA, HUE_FROM + (HUE_TO - HUE_FROM) * u);
}

const RAMP: readonly string[] = Array.from({ length: STEPS + 1 }, (_, i) => rampColor(i / STEPS));

/**
 * The colour scale of `cells` (a metric's column), or null when none is a finite number.
 *
 * @example metricColorScale([0.2, 0.9]).color(0.2) // the ramp's blue
 */
export function metricColorScale(cells: readonly CellValue[]): ColorScale | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of cells) {
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return null;
  const span = hi - lo;
  return {
    domain: [lo, hi],
    color(v) {
      if (typeof v !== 'number' || !Number.isFinite(v)) return NO_VALUE_COLOR;
      const t = span > 0 ? (v - lo) / span : 0.5;
      return RAMP[Math.round(Math.min(1, Math.max(0, t)) * STEPS)]!;
    },
    stops: [0, 0.25, 0.5, 0.75, 1].map((offset) => ({ offset, color: RAMP[Math.round(offset * STEPS)]! })),
  };
}

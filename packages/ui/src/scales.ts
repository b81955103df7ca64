/**
 * Scales from data to pixels for every dashboard's axes, on d3-scale: linear, log10 (for
 * values above zero), and time (wall-clock seconds since the epoch, mapped linearly; it
 * differs from linear only in its ticks, see ticks.ts).
 */
import { scaleLinear, scaleLog, scaleTime } from 'd3-scale';

/** How a scale maps its values. */
export type ScaleKind = 'linear' | 'log' | 'time';

/** A map from a data interval onto a pixel interval, and back. */
export interface Scale {
  readonly kind: ScaleKind;
  /** The data interval; seconds since the epoch for a time scale. */
  readonly domain: readonly [number, number];
  /** The pixel interval (reversed for a y axis, whose pixels grow downwards). */
  readonly range: readonly [number, number];
  /** The pixel of `v`; NaN where the scale has none (not finite, or <= 0 on a log scale): drawn as a gap. */
  map(v: number): number;
  /** The data value at pixel `px`. */
  invert(px: number): number;
}

const MS_PER_SECOND = 1000;

function checkInterval(what: string, kind: ScaleKind, [a, b]: readonly [number, number]): void {
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    throw new RangeError(`createScale('${kind}'): expected a finite ${what}, found [${a}, ${b}]`);
  }
}

/**
 * A scale mapping `domain` onto `range` (either may be reversed). A domain of zero width
 * maps everything to the middle of the range. A log scale needs a domain above zero (fit
 * it to the values above zero); values <= 0 map to NaN. Throws a RangeError for a
 * non-finite domain or range.
 *
 * @example createScale('log', [1, 100], [0, 200]).map(10) // 100
 * @example createScale('time', [t0, t0 + 3600], [0, 400]).map(t0 + 900) // 100
 */
export function createScale(kind: ScaleKind, domain: readonly [number, number], range: readonly [number, number]): Scale {
  checkInterval('domain', kind, domain);
  checkInterval('range', kind, range);
  const [d0, d1] = domain;
  if (kind === 'log') {
    if (!(d0 > 0 && d1 > 0)) throw new RangeError(`createScale('log'): expected a domain above zero, found [${d0}, ${d1}]`);
    const s = scaleLog().domain([d0, d1]).range([range[0], range[1]]);
    return { kind, domain, range, map: (v) => (v > 0 && v < Infinity ? s(v) : NaN), invert: (px) => s.invert(px) };
  }
  if (kind === 'time') {
    const s = scaleTime()
      .domain([d0 * MS_PER_SECOND, d1 * MS_PER_SECOND])
      .range([range[0], range[1]]);
    return {
      kind,
      domain,
      range,
      map: (v) => (Number.isFinite(v) ? s(v * MS_PER_SECOND) : NaN),
      invert: (px) => s.invert(px).getTime() / MS_PER_SECOND,
    };
  }
  const s = scaleLinear().domain([d0, d1]).range([range[0], range[1]]);
  return { kind, domain, range, map: (v) => (Number.isFinite(v) ? s(v) : NaN), invert: (px) => s.invert(px) };
}

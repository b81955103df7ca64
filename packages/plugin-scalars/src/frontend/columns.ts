/**
 * Pixel-column reduction, the way uPlot keeps long lines cheap: of the points that fall
 * into one pixel column, only the first, the lowest, the highest and the last are
 * drawn, in their original order. The drawn line looks the same (every spike stays)
 * but costs at most four vertices per column, whatever the number of points.
 */

/**
 * A polyline in canvas pixels: x0, y0, x1, y1, ...; a NaN pair marks a break (a point
 * the scales cannot place, such as NaN, an infinity, or 0 on a log axis).
 */
export type PixelPath = Float32Array;

/** Farther than this from the plot, a coordinate is clamped (canvas paths misbehave at huge values). */
const LIMIT = 1e6;

const clamp = (v: number) => (v > LIMIT ? LIMIT : v < -LIMIT ? -LIMIT : v);

/**
 * The points `from` .. `to - 1` of (x, y), mapped to pixels by `mapX` and `mapY` and
 * reduced to at most four per pixel column (`Math.floor` of the pixel x).
 *
 * @example
 * // 10,000 points over 500 px: at most 2,000 vertices, extremes and the last point kept.
 * reduceColumns(xs, ys, xScale.map, yScale.map)
 */
export function reduceColumns(
  x: Float64Array,
  y: Float64Array,
  mapX: (v: number) => number,
  mapY: (v: number) => number,
  from = 0,
  to = Math.min(x.length, y.length),
): PixelPath {
  const out = new Float32Array(Math.max(0, to - from) * 4);
  let n = 0;
  let col = 0;
  let open = false;
  let fI = 0, fx = 0, fy = 0;
  let loI = 0, lox = 0, loy = 0;
  let hiI = 0, hix = 0, hiy = 0;
  let lI = 0, lx = 0, ly = 0;

  const emit = (px: number, py: number) => {
    out[n++] = px;
    out[n++] = py;
  };
  const flush = () => {
    if (!open) return;
    open = false;
    emit(fx, fy);
    // min and max in the order they came, each once, between the first and the last.
    const loInside = loI !== fI && loI !== lI;
    const hiInside = hiI !== fI && hiI !== lI && hiI !== loI;
    if (loInside && hiInside && hiI < loI) {
      emit(hix, hiy);
      emit(lox, loy);
    } else {
      if (loInside) emit(lox, loy);
      if (hiInside) emit(hix, hiy);
    }
    if (lI !== fI) emit(lx, ly);
  };

  for (let i = from; i < to; i++) {
    const px = mapX(x[i]!);
    const py = mapY(y[i]!);
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      flush();
      if (n > 0 && !Number.isNaN(out[n - 1]!)) emit(NaN, NaN);
      continue;
    }
    const cx = clamp(px);
    const cy = clamp(py);
    const c = Math.floor(cx);
    if (open && c === col) {
      // Pixel y grows downwards: the lowest value has the largest y.
      if (cy > loy) (loI = i), (lox = cx), (loy = cy);
      if (cy < hiy) (hiI = i), (hix = cx), (hiy = cy);
      (lI = i), (lx = cx), (ly = cy);
    } else {
      flush();
      open = true;
      col = c;
      fI = loI = hiI = lI = i;
      fx = lox = hix = lx = cx;
      fy = loy = hiy = ly = cy;
    }
  }
  flush();
  if (n >= 2 && Number.isNaN(out[n - 1]!)) n -= 2;
  return out.slice(0, n);
}

/** The number of vertices of `path` (break markers not counted). */
export function vertexCount(path: PixelPath): number {
  let count = 0;
  for (let i = 0; i < path.length; i += 2) if (!Number.isNaN(path[i]!)) count++;
  return count;
}

/** The number of separate lines `path` draws: runs of vertices between NaN breaks. */
export function subpathCount(path: PixelPath): number {
  let count = 0;
  for (let i = 0; i < path.length; i += 2) if (!Number.isNaN(path[i]!) && (i === 0 || Number.isNaN(path[i - 2]!))) count++;
  return count;
}

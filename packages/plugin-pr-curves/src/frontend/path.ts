/** An SVG path through a curve's points, broken where a coordinate is not finite. */

/** `M x y L x y ...` through (xs[i], ys[i]) after the scales; a NaN starts a new piece. */
export function linePath(xs: readonly number[], ys: readonly number[], px: (v: number) => number, py: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const x = px(xs[i]!);
    const y = py(ys[i]!);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${round(x)},${round(y)}`;
    pen = true;
  }
  return d;
}

const round = (v: number) => Math.round(v * 100) / 100;

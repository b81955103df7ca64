/**
 * Colouring the points by a metadata column: a column of numbers gets a sequential
 * ramp, a column with a few distinct values a categorical palette, anything else
 * (too many categories) one colour. Returns per-point RGB and the legend.
 */

/** Categorical palette (Tableau-like, readable on light and dark backgrounds). */
export const CATEGORY_PALETTE: readonly string[] = [
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf',
  '#aec7e8', '#ffbb78', '#98df8a', '#ff9896', '#c5b0d5', '#c49c94', '#f7b6d2', '#c7c7c7', '#dbdb8d', '#9edae5',
];
/** The colour of every point when not coloured by a column. */
export const DEFAULT_POINT_COLOR = '#3b7dd8';
const LOW = '#440154';
const HIGH = '#fde725';

/** One legend entry: a category or an end of the numeric ramp. */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly count: number;
}

/** Per-point colours and the legend that explains them. */
export interface Coloring {
  /** RGB in [0, 1], three per point. */
  readonly rgb: Float32Array;
  readonly kind: 'none' | 'category' | 'numeric';
  readonly legend: readonly LegendEntry[];
}

/** `#rrggbb` as three numbers in [0, 1]. */
export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`Expected a colour as #rrggbb, found ${JSON.stringify(hex)}`);
  const v = parseInt(m[1]!, 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('')}`;
}

function fill(n: number, color: string): Float32Array {
  const rgb = hexToRgb(color);
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) out.set(rgb, i * 3);
  return out;
}

/**
 * Colours for `n` points from `values` (a metadata column), or one colour when null.
 *
 * @example colorByColumn(['a', 'b', 'a'], 3).legend.map((e) => e.label) // ['a', 'b']
 */
export function colorByColumn(values: readonly string[] | null, n: number): Coloring {
  if (!values) return { rgb: fill(n, DEFAULT_POINT_COLOR), kind: 'none', legend: [] };
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) counts.set(values[i] ?? '', (counts.get(values[i] ?? '') ?? 0) + 1);
  const numbers = values.slice(0, n).map((v) => (v.trim() === '' ? NaN : Number(v)));
  const numeric = numbers.every((v) => Number.isFinite(v)) && counts.size > CATEGORY_PALETTE.length;
  if (numeric) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of numbers) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const [a, b] = [hexToRgb(LOW), hexToRgb(HIGH)];
    const rgb = new Float32Array(n * 3);
    numbers.forEach((v, i) => {
      const t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
      for (let c = 0; c < 3; c++) rgb[i * 3 + c] = a[c]! + (b[c]! - a[c]!) * t;
    });
    return {
      rgb,
      kind: 'numeric',
      legend: [
        { label: String(lo), color: toHex(a), count: numbers.filter((v) => v === lo).length },
        { label: String(hi), color: toHex(b), count: numbers.filter((v) => v === hi).length },
      ],
    };
  }
  if (counts.size > CATEGORY_PALETTE.length) return { rgb: fill(n, DEFAULT_POINT_COLOR), kind: 'none', legend: [] };
  const order = [...counts.keys()].sort(compareLabels);
  const colorOf = new Map(order.map((label, i) => [label, CATEGORY_PALETTE[i]!]));
  const rgbOf = new Map(order.map((label) => [label, hexToRgb(colorOf.get(label)!)]));
  const rgb = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) rgb.set(rgbOf.get(values[i] ?? '')!, i * 3);
  return { rgb, kind: 'category', legend: order.map((label) => ({ label, color: colorOf.get(label)!, count: counts.get(label)! })) };
}

/** Numbers in numeric order, then text. */
function compareLabels(a: string, b: string): number {
  const [x, y] = [Number(a), Number(b)];
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

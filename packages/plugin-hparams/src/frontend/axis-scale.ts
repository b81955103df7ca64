/**
 * The scale of one column along a pixel interval, for the parallel-coordinates axes and
 * the scatter plots: numbers on a linear or log10 scale fitted to the values (and the
 * column's discrete domain), strings and booleans as evenly spaced categories. A log
 * scale needs every value above zero ({@link canUseLog}).
 */
import { axisTicks, createScale, formatValue, type Scale } from '@tb/ui';
import { compareValues, type CellValue, type Column, type Value } from './columns.js';
import { formatCell } from './format.js';

/** How an axis places values. */
export type AxisKind = 'linear' | 'log' | 'category';

/** A tick on an axis: its pixel and label. */
export interface AxisTickMark {
  readonly px: number;
  readonly label: string;
}

/** A column's values mapped onto pixels. */
export interface AxisScale {
  readonly kind: AxisKind;
  /** The pixel interval: [bottom, top] for a vertical axis, [left, right] for a horizontal one. */
  readonly range: readonly [number, number];
  /** The pixel of `v`; NaN for a missing value or one the scale cannot place (not above zero on a log scale). */
  position(v: CellValue): number;
  /** The number at pixel `px` (numeric axes; NaN on a category axis). */
  invert(px: number): number;
  /** The numbers at `range[0]` and `range[1]` (numeric axes); null on a category axis. */
  readonly domain: readonly [number, number] | null;
  /** The categories in axis order (empty for numeric axes). */
  readonly categories: readonly Value[];
  /** The tick marks, thinned to fit the axis. */
  ticks(): AxisTickMark[];
}

/** Whether `cells` can go on a log axis: some finite number, and every finite number above zero. */
export function canUseLog(cells: readonly CellValue[]): boolean {
  let any = false;
  for (const v of cells) {
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    if (v <= 0) return false;
    any = true;
  }
  return any;
}

function numericDomain(cells: readonly CellValue[], extra: readonly Value[] | null, log: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const add = (v: CellValue) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || (log && v <= 0)) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  cells.forEach(add);
  extra?.forEach(add);
  if (lo > hi) return log ? [1, 10] : [0, 1];
  return [lo, hi];
}

function numericScale(kind: 'linear' | 'log', domain: [number, number], range: readonly [number, number]): AxisScale {
  const s: Scale = createScale(kind, domain, range);
  const flat = domain[0] === domain[1];
  return {
    kind,
    range,
    domain,
    categories: [],
    position: (v) => (typeof v === 'number' ? s.map(v) : NaN),
    invert: (px) => (flat ? domain[0] : s.invert(px)),
    ticks() {
      if (flat) return [{ px: s.map(domain[0]), label: formatValue(domain[0]) }];
      const horizontal = Math.abs(range[1] - range[0]) > 0 && range[1] > range[0];
      const ticks = axisTicks(s, horizontal ? { labelWidth: (l) => l.length * 6.5 } : {});
      if (ticks.length > 0) return ticks.map((t) => ({ px: t.px, label: t.label }));
      return domain.map((v) => ({ px: s.map(v), label: formatValue(v) }));
    },
  };
}

/** Smallest gap in pixels between two category labels before some are left out. */
const CATEGORY_LABEL_GAP_PX = 14;

function categoryScale(categories: readonly Value[], range: readonly [number, number]): AxisScale {
  const n = Math.max(1, categories.length);
  const step = (range[1] - range[0]) / n;
  const index = new Map<Value, number>(categories.map((c, i) => [c, i]));
  const at = (i: number) => range[0] + (i + 0.5) * step;
  return {
    kind: 'category',
    range,
    domain: null,
    categories,
    position(v) {
      if (v === null) return NaN;
      const i = index.get(v);
      return i === undefined ? NaN : at(i);
    },
    invert: () => NaN,
    ticks() {
      const every = Math.max(1, Math.ceil(CATEGORY_LABEL_GAP_PX / Math.max(1e-9, Math.abs(step))));
      return categories.flatMap((c, i) => (i % every === 0 ? [{ px: at(i), label: formatCell(c) }] : []));
    },
  };
}

/**
 * The scale of `column` (whose cells are `cells`) over the pixel interval `range`, log10
 * when `log` and the values allow it.
 *
 * @example axisScale(lrColumn, [0.001, 0.01], [200, 0], true).position(0.01) // 0 (the top)
 */
export function axisScale(column: Column, cells: readonly CellValue[], range: readonly [number, number], log: boolean): AxisScale {
  if (column.type === 'number') {
    const kind = log && canUseLog(cells) ? 'log' : 'linear';
    return numericScale(kind, numericDomain(cells, column.values, kind === 'log'), range);
  }
  const categories: Value[] = [...(column.values ?? [])];
  const known = new Set<Value>(categories);
  const extra: Value[] = [];
  for (const v of cells) {
    if (v === null || known.has(v)) continue;
    known.add(v);
    extra.push(v);
  }
  return categoryScale([...categories, ...extra.sort(compareValues)], range);
}

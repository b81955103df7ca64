/**
 * The card-width setting, as TensorBoard's Time Series offers one: every card of the
 * dashboard flows in a grid whose columns are at least this wide (and share the row's
 * leftover width), with a chart height to match, so small cards fit several to a row.
 */

/** The card sizes offered in the toolbar. */
export type CardWidth = 'small' | 'medium' | 'large';

/** One card size: the grid's minimum column width and the chart's height, in CSS pixels. */
export interface CardSize {
  readonly label: string;
  readonly minWidth: number;
  readonly chartHeight: number;
}

/**
 * Each card size. In a 1440 px window (a dashboard about 1,070 px wide) small gives 4
 * columns, medium 3 and large 2; at 800 px (about 480 px) small gives 2, the others 1.
 */
export const CARD_SIZES: Readonly<Record<CardWidth, CardSize>> = {
  small: { label: 'S', minWidth: 220, chartHeight: 170 },
  medium: { label: 'M', minWidth: 340, chartHeight: 220 },
  large: { label: 'L', minWidth: 500, chartHeight: 300 },
};

/** The sizes in toolbar order. */
export const CARD_WIDTHS: readonly CardWidth[] = ['small', 'medium', 'large'];

/** Whether `v` names a card size. */
export function isCardWidth(v: unknown): v is CardWidth {
  return typeof v === 'string' && (CARD_WIDTHS as readonly string[]).includes(v);
}

/**
 * The CSS variables that size the dashboard's grids and charts for `width`
 * (`--tb-card-min-width` is @tb/ui's card grid's column width).
 *
 * @example cardSizeStyle('small') // { '--tb-card-min-width': '220px', '--tb-scalars-chart-height': '170px' }
 */
export function cardSizeStyle(width: CardWidth): Record<string, string> {
  const size = CARD_SIZES[width];
  return { '--tb-card-min-width': `${size.minWidth}px`, '--tb-scalars-chart-height': `${size.chartHeight}px` };
}

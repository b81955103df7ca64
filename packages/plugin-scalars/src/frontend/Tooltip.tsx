/**
 * The hover tooltip of a chart: a row per run (nearest to the mouse first) with its
 * smoothed value, value, step, relative and wall time. It keeps its own state, so a
 * mouse move re-renders only the tooltip, never the chart.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import { formatDuration, formatValue, formatWallTime } from './format.js';
import type { HoverRow } from './hover.js';

/** What to show, and where the mouse is (viewport coordinates). */
export interface TooltipContent {
  readonly rows: readonly HoverRow[];
  readonly clientX: number;
  readonly clientY: number;
}

/** Props of {@link Tooltip}. */
export interface TooltipProps {
  /** Receives the function that shows (content) or hides (null) the tooltip. */
  readonly bind: (show: (content: TooltipContent | null) => void) => void;
}

/** Rows beyond this are summarised ("and 12 more runs") to keep the tooltip short. */
export const MAX_TOOLTIP_ROWS = 25;
const OFFSET = 16;
/** Height of a row and of the header plus the "more" line, in CSS pixels (12 px text). */
const ROW_PX = 20;
const CHROME_PX = 56;

/** How many rows fit in `room` pixels, at least 3 and at most {@link MAX_TOOLTIP_ROWS}. */
export function rowsThatFit(room: number): number {
  return Math.max(3, Math.min(MAX_TOOLTIP_ROWS, Math.floor((room - CHROME_PX) / ROW_PX)));
}

/**
 * A cell whose text starts with a space (collapsed on screen), so that a row's
 * textContent reads "adam/train 0.3763 0.2868 2 ..." rather than running together.
 */
function Cell(props: { class?: string; col?: string; children: string }) {
  return (
    <td class={props.class ?? 'tb-scalars__tt-num'} data-col={props.col}>
      {` ${props.children}`}
    </td>
  );
}

/** The tooltip; fixed to the viewport, on the side of the mouse with more room. */
export function Tooltip({ bind }: TooltipProps) {
  const [content, setContent] = useState<TooltipContent | null>(null);
  useLayoutEffect(() => bind(setContent), [bind]);
  if (!content || content.rows.length === 0) return null;
  const { rows, clientX, clientY } = content;
  const left = clientX < innerWidth * 0.55;
  const top = clientY < innerHeight * 0.5;
  const style = {
    ...(left ? { left: `${clientX + OFFSET}px` } : { right: `${innerWidth - clientX + OFFSET}px` }),
    ...(top ? { top: `${clientY + OFFSET}px` } : { bottom: `${innerHeight - clientY + OFFSET}px` }),
  };
  const room = top ? innerHeight - clientY - OFFSET : clientY - OFFSET;
  const shown = rows.slice(0, rows.length <= rowsThatFit(room) ? rows.length : rowsThatFit(room) - 1);
  return (
    <div class="tb-scalars__tooltip" style={style} data-testid="scalar-tooltip" role="tooltip">
      <table>
        <thead>
          <tr>
            <th />
            <th class="tb-scalars__tt-run">Run</th>
            <th>Smoothed</th>
            <th>Value</th>
            <th>Step</th>
            <th>Relative</th>
            <th>Wall time</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.run} data-testid={`tooltip-row-${r.run}`}>
              <td>
                <span class="tb-swatch" style={{ background: r.color }} />
              </td>
              <Cell class="tb-scalars__tt-run">{r.run}</Cell>
              <Cell col="smoothed">{formatValue(r.smoothed)}</Cell>
              <Cell col="value">{formatValue(r.value)}</Cell>
              <Cell col="step">{String(r.step)}</Cell>
              <Cell col="relative">{formatDuration(r.relative)}</Cell>
              <Cell col="wall">{formatWallTime(r.wall)}</Cell>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && <div class="tb-scalars__tt-more">and {rows.length - shown.length} more runs</div>}
    </div>
  );
}

/**
 * The hover tooltip of a chart: a compact row per run (nearest to the mouse first) with
 * its smoothed value, value, step, relative and wall time. It sits beside the hovered
 * points, flipping sides near the viewport's edge (tooltip-place.ts), and keeps its own
 * state, so a mouse move re-renders only the tooltip, never the chart.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { splitRunNames } from '@tb/ui';
import { formatDuration, formatValue, formatWallTime, runLabel, shortWallTimes } from './format.js';
import type { HoverRow } from './hover.js';
import { placeTooltip } from './tooltip-place.js';

/** What to show, and where the mouse and the hovered points are (viewport coordinates). */
export interface TooltipContent {
  readonly rows: readonly HoverRow[];
  readonly clientX: number;
  readonly clientY: number;
  /** The leftmost and rightmost hovered point, which the tooltip must not cover. */
  readonly pointsLeft: number;
  readonly pointsRight: number;
}

/** Props of {@link Tooltip}. */
export interface TooltipProps {
  /** Receives the function that shows (content) or hides (null) the tooltip. */
  readonly bind: (show: (content: TooltipContent | null) => void) => void;
}

/** Rows beyond this are summarised ("and 12 more runs") to keep the tooltip short. */
export const MAX_TOOLTIP_ROWS = 25;
/** Run names longer than this are cut in the middle (the full name is the cell's title). */
export const RUN_NAME_CHARS = 24;
/** Height of a row and of the header plus the "more" line, in CSS pixels (11 px text). */
const ROW_PX = 17;
const CHROME_PX = 44;

/** How many rows fit in `room` pixels, at least 3 and at most {@link MAX_TOOLTIP_ROWS}. */
export function rowsThatFit(room: number): number {
  return Math.max(3, Math.min(MAX_TOOLTIP_ROWS, Math.floor((room - CHROME_PX) / ROW_PX)));
}

/**
 * A cell whose text starts with a space (collapsed on screen), so that a row's
 * textContent reads "adam/train 0.3763 0.2868 2 ..." rather than running together.
 */
function Cell(props: { class?: string; col?: string; title?: string; children: string }) {
  return (
    <td class={props.class ?? 'tb-scalars__tt-num'} data-col={props.col} title={props.title}>
      {` ${props.children}`}
    </td>
  );
}

/** The tooltip; fixed to the viewport, beside the hovered points. */
export function Tooltip({ bind }: TooltipProps) {
  const [content, setContent] = useState<TooltipContent | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => bind(setContent), [bind]);
  // Placed in the next animation frame, before it is painted: measuring its size then
  // costs no layout beyond the one the frame does anyway (the mouse move stays cheap).
  useLayoutEffect(() => {
    if (!content) return;
    const frame = requestAnimationFrame(() => {
      const el = box.current;
      if (!el) return;
      // Measured at the left edge, where the whole viewport width is free to it.
      el.style.left = '0px';
      const place = placeTooltip({
        mouseX: content.clientX,
        mouseY: content.clientY,
        pointsLeft: content.pointsLeft,
        pointsRight: content.pointsRight,
        width: el.offsetWidth,
        height: el.offsetHeight,
        viewportWidth: innerWidth,
        viewportHeight: innerHeight,
      });
      el.style.left = `${place.left}px`;
      el.style.top = `${place.top}px`;
      el.dataset['side'] = place.side;
    });
    return () => cancelAnimationFrame(frame);
  }, [content]);
  if (!content || content.rows.length === 0) return null;
  const { rows } = content;
  const fit = rowsThatFit(innerHeight - 8);
  const shown = rows.slice(0, rows.length <= fit ? rows.length : fit - 1);
  const wallTime = shortWallTimes(shown.map((r) => r.wall));
  const nameParts = splitRunNames(rows.map((r) => r.run));
  return (
    <div ref={box} class="tb-scalars__tooltip" data-testid="scalar-tooltip" role="tooltip">
      <table>
        <thead>
          <tr>
            <th />
            <th class="tb-scalars__tt-run">Run</th>
            <th>Smoothed</th>
            <th>Value</th>
            <th>Step</th>
            <th>Relative</th>
            <th>Time</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.run} data-testid={`tooltip-row-${r.run}`}>
              <td>
                <span class="tb-swatch" style={{ background: r.color }} />
              </td>
              <Cell class="tb-scalars__tt-run" title={r.run}>
                {runLabel(r.run, nameParts.get(r.run), RUN_NAME_CHARS)}
              </Cell>
              <Cell col="smoothed">{formatValue(r.smoothed)}</Cell>
              <Cell col="value">{formatValue(r.value)}</Cell>
              <Cell col="step">{String(r.step)}</Cell>
              <Cell col="relative">{formatDuration(r.relative)}</Cell>
              <Cell col="wall" title={formatWallTime(r.wall)}>
                {wallTime(r.wall)}
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && <div class="tb-scalars__tt-more">and {rows.length - shown.length} more runs</div>}
    </div>
  );
}

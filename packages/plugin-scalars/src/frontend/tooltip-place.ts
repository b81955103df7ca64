/**
 * Where the tooltip goes: beside the mouse, never over the hovered points. They all lie
 * between two x positions (each run's nearest point, about the mouse's x), so the
 * tooltip takes the side of that band where it fits, right first, flipping to the left
 * near the right edge; vertically it starts just below the mouse and stays on screen.
 */

/** What placing a tooltip needs, in viewport (client) pixels. */
export interface TooltipAnchor {
  readonly mouseX: number;
  readonly mouseY: number;
  /** The leftmost and rightmost hovered point (or the mouse when there is none). */
  readonly pointsLeft: number;
  readonly pointsRight: number;
  /** The tooltip's size. */
  readonly width: number;
  readonly height: number;
  /** The viewport's size. */
  readonly viewportWidth: number;
  readonly viewportHeight: number;
}

/** The tooltip's top-left corner, and the side of the points it is on. */
export interface TooltipPlace {
  readonly left: number;
  readonly top: number;
  readonly side: 'right' | 'left';
}

/** Room between the points (or the mouse) and the tooltip. */
export const TOOLTIP_GAP = 14;
/** Room kept between the tooltip and the viewport's edges. */
const MARGIN = 4;

/**
 * The place of a tooltip of the given size.
 *
 * @example placeTooltip({ mouseX: 1300, mouseY: 200, pointsLeft: 1298, pointsRight: 1302, width: 300, height: 80, viewportWidth: 1440, viewportHeight: 900 })
 * // { left: 984, top: 214, side: 'left' }: no room on the right
 */
export function placeTooltip(a: TooltipAnchor): TooltipPlace {
  const right = Math.max(a.mouseX, a.pointsRight) + TOOLTIP_GAP;
  const left = Math.min(a.mouseX, a.pointsLeft) - TOOLTIP_GAP - a.width;
  const fitsRight = right + a.width <= a.viewportWidth - MARGIN;
  const fitsLeft = left >= MARGIN;
  let side: TooltipPlace['side'];
  if (fitsRight) side = 'right';
  else if (fitsLeft) side = 'left';
  else side = a.viewportWidth - right >= left + a.width ? 'right' : 'left';
  const x = side === 'right' ? right : left;
  const maxLeft = Math.max(MARGIN, a.viewportWidth - MARGIN - a.width);
  const maxTop = Math.max(MARGIN, a.viewportHeight - MARGIN - a.height);
  return {
    left: Math.min(maxLeft, Math.max(MARGIN, x)),
    top: Math.min(maxTop, Math.max(MARGIN, a.mouseY + TOOLTIP_GAP)),
    side,
  };
}

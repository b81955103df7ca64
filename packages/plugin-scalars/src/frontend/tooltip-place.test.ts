import { describe, expect, it } from 'vitest';
import { placeTooltip, TOOLTIP_GAP, type TooltipAnchor } from './tooltip-place.js';

const base: TooltipAnchor = {
  mouseX: 400,
  mouseY: 300,
  pointsLeft: 398,
  pointsRight: 402,
  width: 320,
  height: 90,
  viewportWidth: 1440,
  viewportHeight: 900,
};

describe('placeTooltip', () => {
  it('goes right of the hovered points, just below the mouse', () => {
    expect(placeTooltip(base)).toEqual({ left: 402 + TOOLTIP_GAP, top: 300 + TOOLTIP_GAP, side: 'right' });
  });

  it('flips to the left of the points near the right edge', () => {
    const p = placeTooltip({ ...base, mouseX: 1300, pointsLeft: 1296, pointsRight: 1301 });
    expect(p.side).toBe('left');
    expect(p.left + base.width).toBe(1296 - TOOLTIP_GAP);
  });

  it('never covers a hovered point, wherever the mouse is, at 1440 and at 800 px wide', () => {
    for (const viewportWidth of [1440, 800]) {
      for (let mouseX = 0; mouseX <= viewportWidth; mouseX += 10) {
        for (const mouseY of [5, 450, 895]) {
          const a = { ...base, viewportWidth, mouseX, mouseY, pointsLeft: mouseX - 6, pointsRight: mouseX + 3 };
          const p = placeTooltip(a);
          const clear = p.left >= a.pointsRight || p.left + a.width <= a.pointsLeft;
          expect(clear, `mouse at ${mouseX} of ${viewportWidth}: tooltip ${p.left}..${p.left + a.width}`).toBe(true);
          expect(p.left).toBeGreaterThanOrEqual(0);
          expect(p.left + a.width).toBeLessThanOrEqual(viewportWidth);
          expect(p.top).toBeGreaterThanOrEqual(0);
          expect(p.top + a.height).toBeLessThanOrEqual(900);
        }
      }
    }
  });

  it('stays in the viewport when it fits on neither side', () => {
    const p = placeTooltip({ ...base, width: 700, viewportWidth: 800, mouseX: 400, pointsLeft: 400, pointsRight: 400 });
    expect(p.left).toBeGreaterThanOrEqual(0);
    expect(p.left + 700).toBeLessThanOrEqual(800);
  });
});

import { describe, expect, it } from 'vitest';
import { clampSidebarWidth, parseSidebarLayout, SIDEBAR_MAX_WIDTH, SIDEBAR_MIN_WIDTH } from './sidebar.js';

describe('the sidebar layout', () => {
  it('reads what was stored, with defaults for anything else', () => {
    expect(parseSidebarLayout(undefined)).toEqual({ width: null, collapsed: false });
    expect(parseSidebarLayout({ width: 333, collapsed: true })).toEqual({ width: 333, collapsed: true });
    expect(parseSidebarLayout({ width: 5, collapsed: 'yes' })).toEqual({ width: SIDEBAR_MIN_WIDTH, collapsed: false });
    expect(parseSidebarLayout({ width: 1e6 })).toEqual({ width: SIDEBAR_MAX_WIDTH, collapsed: false });
  });

  it('keeps a dragged width between the minimum and half the window', () => {
    expect(clampSidebarWidth(100, 1440)).toBe(SIDEBAR_MIN_WIDTH);
    expect(clampSidebarWidth(500.4, 1440)).toBe(500);
    expect(clampSidebarWidth(500, 800)).toBe(400);
    expect(clampSidebarWidth(900, 3000)).toBe(SIDEBAR_MAX_WIDTH);
    expect(clampSidebarWidth(300, 200)).toBe(SIDEBAR_MIN_WIDTH);
  });
});

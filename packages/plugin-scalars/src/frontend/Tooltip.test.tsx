// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HoverRow } from './hover.js';
import { RUN_NAME_CHARS, Tooltip, type TooltipContent } from './Tooltip.js';

let container: HTMLElement;
let show: (content: TooltipContent | null) => void = () => {};

function row(run: string, over: Partial<HoverRow> = {}): HoverRow {
  const wall = new Date(2026, 10, 23, 20, 6, 10).getTime() / 1000;
  return { run, color: '#f00', index: 0, step: 42, wall, relative: 1.5, value: 0.25, smoothed: 0.3, px: 100, py: 50, ...over };
}

beforeEach(async () => {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    render(<Tooltip bind={(s) => (show = s)} />, container);
  });
});

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('Tooltip', () => {
  it('cuts long run names in the middle and keeps the full name as the cell title', async () => {
    const long = 'hparam_tuning/learning_rate=0.001,batch=64,dropout=0.2/train';
    await act(async () => show({ rows: [row(long), row('adam/train')], clientX: 200, clientY: 100, pointsLeft: 199, pointsRight: 201 }));
    const cell = container.querySelector(`[data-testid="tooltip-row-${long}"] .tb-scalars__tt-run`)!;
    expect(cell.textContent!.trim()).toHaveLength(RUN_NAME_CHARS);
    expect(cell.textContent!.trim()).toBe('hparam_tunin…t=0.2/train');
    expect(cell.getAttribute('title')).toBe(long);
    expect(container.querySelector('[data-testid="tooltip-row-adam/train"] .tb-scalars__tt-run')!.textContent!.trim()).toBe('adam/train');
  });

  it('shows the wall time as a clock when all rows are on one day, the full time as its title', async () => {
    await act(async () => show({ rows: [row('a')], clientX: 200, clientY: 100, pointsLeft: 200, pointsRight: 200 }));
    const cell = container.querySelector('[data-col="wall"]')!;
    expect(cell.textContent!.trim()).toBe('20:06:10');
    expect(cell.getAttribute('title')).toBe('2026-11-23 20:06:10');
  });

  it('is placed beside the points and hides on null', async () => {
    await act(async () => show({ rows: [row('a')], clientX: 200, clientY: 100, pointsLeft: 190, pointsRight: 210 }));
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    const box = container.querySelector<HTMLElement>('[data-testid="scalar-tooltip"]')!;
    expect(box.dataset['side']).toBe('right');
    expect(parseFloat(box.style.left)).toBeGreaterThan(210);
    await act(async () => show(null));
    expect(container.querySelector('[data-testid="scalar-tooltip"]')).toBeNull();
  });
});

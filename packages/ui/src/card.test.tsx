// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Card } from './card.js';

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('Card', () => {
  it('shows title, subtitle, actions and children, and toggles full width', () => {
    container = document.createElement('div');
    document.body.append(container);
    const onExpanded = vi.fn();
    act(() =>
      render(
        <Card title="train/loss" subtitle="3 runs" actions={<button id="act">x</button>} onExpandedChange={onExpanded} testId="c">
          <p id="body">chart</p>
        </Card>,
        container,
      ),
    );
    const card = container.querySelector('[data-testid="c"]')!;
    expect(card.querySelector('h3')!.textContent).toBe('train/loss');
    expect(card.textContent).toContain('3 runs');
    expect(card.querySelector('#act')).not.toBeNull();
    expect(card.querySelector('#body')!.textContent).toBe('chart');
    expect(card.classList.contains('tb-card--expanded')).toBe(false);
    act(() => card.querySelector<HTMLButtonElement>('.tb-card__expand')!.click());
    expect(card.classList.contains('tb-card--expanded')).toBe(true);
    expect(onExpanded).toHaveBeenCalledWith(true);
  });

  it('can leave out the expand toggle', () => {
    container = document.createElement('div');
    act(() => render(<Card title="t" expandable={false} />, container));
    expect(container.querySelector('.tb-card__expand')).toBeNull();
  });
});

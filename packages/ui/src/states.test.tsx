// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmptyState } from './empty-state.js';
import { ErrorState, errorMessage } from './error-state.js';
import { LoadingState } from './loading-state.js';

let container: HTMLElement;
function mount(node: preact.ComponentChild): void {
  container = document.createElement('div');
  act(() => render(node, container));
}
afterEach(() => render(null, container));

describe('EmptyState', () => {
  it('shows the title and the hint', () => {
    mount(
      <EmptyState title="No runs">
        Run <code>tb-core serve --logdir logs</code>
      </EmptyState>,
    );
    expect(container.querySelector('h2')!.textContent).toBe('No runs');
    expect(container.querySelector('code')!.textContent).toBe('tb-core serve --logdir logs');
  });
});

describe('LoadingState', () => {
  it('is a spinner without progress and a bar with it', () => {
    mount(<LoadingState label="Loading tags…" />);
    expect(container.querySelector('.tb-spinner')).not.toBeNull();
    expect(container.textContent).toBe('Loading tags…');
    mount(<LoadingState progress={0.42} />);
    expect(container.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')).toBe('42');
    expect(container.querySelector<HTMLElement>('.tb-progress__bar')!.style.width).toBe('42%');
  });
});

describe('ErrorState', () => {
  it('shows the message as text and retries', () => {
    const retry = vi.fn();
    mount(<ErrorState title="Could not load" error={new Error('<b>404</b> not found')} onRetry={retry} />);
    expect(container.querySelector('.tb-state__message')!.textContent).toBe('<b>404</b> not found');
    expect(container.querySelector('b')).toBeNull();
    act(() => container.querySelector('button')!.click());
    expect(retry).toHaveBeenCalledOnce();
  });

  it('has no retry button without onRetry', () => {
    mount(<ErrorState error="boom" />);
    expect(container.querySelector('button')).toBeNull();
  });

  it('turns any thrown value into text', () => {
    expect(errorMessage(new TypeError('x'))).toBe('x');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage({ code: 3 })).toBe('{"code":3}');
  });
});

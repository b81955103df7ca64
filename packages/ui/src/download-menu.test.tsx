// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { DownloadMenu } from './download-menu.js';

describe('DownloadMenu', () => {
  it('opens, offers links and callbacks, and closes after a choice or Escape', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const png = vi.fn();
    act(() =>
      render(
        <DownloadMenu
          items={[
            { label: 'CSV', href: '/data/plugin/scalars/scalars?format=csv', filename: 'loss.csv' },
            { label: 'PNG', onSelect: png },
          ]}
        />,
        container,
      ),
    );
    const toggle = container.querySelector<HTMLButtonElement>('button[aria-haspopup]')!;
    expect(container.querySelector('[role="menu"]')).toBeNull();
    act(() => toggle.click());
    const link = container.querySelector<HTMLAnchorElement>('a[role="menuitem"]')!;
    expect(link.getAttribute('href')).toBe('/data/plugin/scalars/scalars?format=csv');
    expect(link.getAttribute('download')).toBe('loss.csv');
    act(() => container.querySelector<HTMLButtonElement>('button[role="menuitem"]')!.click());
    expect(png).toHaveBeenCalledOnce();
    expect(container.querySelector('[role="menu"]')).toBeNull();
    act(() => toggle.click());
    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    });
    expect(container.querySelector('[role="menu"]')).toBeNull();
    render(null, container);
    container.remove();
  });
});

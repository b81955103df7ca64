/**
 * A small "download" menu for a card: links (CSV, JSON from a plugin route) or callbacks
 * (data the dashboard builds in the page, e.g. a PNG of a chart).
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { useDismiss } from './use-dismiss.js';

/** One entry: a link to a URL, or a callback. */
export type DownloadItem =
  | { readonly label: string; readonly href: string; readonly filename?: string }
  | { readonly label: string; readonly onSelect: () => void };

/** Props of {@link DownloadMenu}. */
export interface DownloadMenuProps {
  readonly items: readonly DownloadItem[];
  /** Accessible name of the button (default "Download data"). */
  readonly label?: string;
  readonly testId?: string;
}

/**
 * @example
 * <DownloadMenu items={[
 *   { label: 'CSV', href: fetch.url(`scalars?run=${r}&tag=${t}&format=csv`), filename: 'loss.csv' },
 *   { label: 'JSON', href: fetch.url(`scalars?run=${r}&tag=${t}`) },
 * ]} />
 */
export function DownloadMenu(props: DownloadMenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, close);
  const label = props.label ?? 'Download data';
  return (
    <div class="tb-menu" ref={root} data-testid={props.testId}>
      <button
        type="button"
        class="tb-icon-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label}
        title={label}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" aria-hidden="true">
          <path d="M10 3v9 M6 8.5l4 4 4-4 M4 16h12" />
        </svg>
      </button>
      {open && (
        <ul class="tb-menu__popup" role="menu">
          {props.items.map((item) => (
            <li key={item.label} role="none">
              {'href' in item ? (
                <a
                  class="tb-menu__item"
                  role="menuitem"
                  href={item.href}
                  download={item.filename ?? true}
                  onClick={() => setOpen(false)}
                >
                  {item.label}
                </a>
              ) : (
                <button
                  type="button"
                  class="tb-menu__item"
                  role="menuitem"
                  onClick={() => {
                    setOpen(false);
                    item.onSelect();
                  }}
                >
                  {item.label}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The top bar: the product name (or window title), a tab per active plugin in listing
 * order, the inactive plugins in a menu, reload and auto-reload, settings, and a thin
 * progress bar while the server reads the logs.
 */
import { useDismiss } from '@tb/ui';
import { useCallback, useRef, useState } from 'preact/hooks';
import type { LoadStatus, PluginInfo } from './api.js';
import { ChevronDownIcon, ReloadIcon, SettingsIcon } from './icons.js';

/** Props of {@link TopBar}. */
export interface TopBarProps {
  readonly title: string;
  readonly plugins: readonly PluginInfo[];
  /** The id of the tab shown, or null. */
  readonly activeId: string | null;
  readonly onSelect: (id: string) => void;
  readonly onReload: () => void;
  readonly reloading: boolean;
  readonly autoReload: boolean;
  readonly onAutoReloadChange: (on: boolean) => void;
  readonly onOpenSettings: () => void;
  readonly status: LoadStatus | null;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** The loading bar: hidden when idle; indeterminate while the total is unknown. */
export function ProgressBar({ status }: { status: LoadStatus | null }) {
  if (!status || status.state !== 'loading') return null;
  const known = status.bytesTotal > 0;
  const fraction = known ? Math.min(1, status.bytesRead / status.bytesTotal) : 0;
  const text = known
    ? `Loading logs: ${formatBytes(status.bytesRead)} of ${formatBytes(status.bytesTotal)}, ${status.runsLoaded} of ${status.runsTotal} runs`
    : 'Loading logs…';
  return (
    <div
      class={known ? 'tb-progressbar' : 'tb-progressbar tb-progressbar--indeterminate'}
      role="progressbar"
      aria-label={text}
      title={text}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={known ? Math.round(fraction * 100) : undefined}
      data-testid="progress"
    >
      <div class="tb-progressbar__fill" style={known ? { width: `${fraction * 100}%` } : undefined} />
    </div>
  );
}

/** The "Inactive" menu: plugins with no data yet; choosing one still opens it. */
function InactiveMenu(props: { plugins: readonly PluginInfo[]; activeId: string | null; onSelect: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, close);
  const current = props.plugins.find((p) => p.id === props.activeId);
  return (
    <div class="tb-inactive" ref={root}>
      <button
        type="button"
        class={current ? 'tb-tab tb-tab--active' : 'tb-tab'}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="inactive-menu"
        onClick={() => setOpen(!open)}
      >
        {current ? current.title : 'Inactive'}
        <ChevronDownIcon />
      </button>
      {open && (
        <div class="tb-menu__popup tb-inactive__popup" role="menu">
          <div class="tb-inactive__note">No data for these plugins yet.</div>
          {props.plugins.map((p) => (
            <button
              key={p.id}
              type="button"
              role="menuitem"
              class="tb-menu__item"
              data-testid={`tab-${p.id}`}
              onClick={() => {
                setOpen(false);
                props.onSelect(p.id);
              }}
            >
              {p.title}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** The top bar. */
export function TopBar(props: TopBarProps) {
  const active = props.plugins.filter((p) => p.enabled);
  const inactive = props.plugins.filter((p) => !p.enabled);
  return (
    <header class="tb-topbar">
      <div class="tb-topbar__brand" title={props.title}>
        {props.title}
      </div>
      <nav class="tb-tabs" role="tablist" aria-label="Dashboards">
        {active.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            aria-selected={p.id === props.activeId}
            class={p.id === props.activeId ? 'tb-tab tb-tab--active' : 'tb-tab'}
            data-testid={`tab-${p.id}`}
            onClick={() => props.onSelect(p.id)}
          >
            {p.title}
          </button>
        ))}
      </nav>
      {inactive.length > 0 && <InactiveMenu plugins={inactive} activeId={props.activeId} onSelect={props.onSelect} />}
      <div class="tb-topbar__actions">
        <label class="tb-switch" title="Reload data automatically">
          <input
            type="checkbox"
            checked={props.autoReload}
            data-testid="auto-reload"
            onChange={(e) => props.onAutoReloadChange(e.currentTarget.checked)}
          />
          <span class="tb-switch__track" aria-hidden="true" />
          <span class="tb-switch__label">Auto-reload</span>
        </label>
        <button
          type="button"
          class={props.reloading ? 'tb-topbar__icon tb-topbar__icon--spinning' : 'tb-topbar__icon'}
          title="Reload data"
          aria-label="Reload data"
          data-testid="reload"
          onClick={props.onReload}
        >
          <ReloadIcon />
        </button>
        <button
          type="button"
          class="tb-topbar__icon"
          title="Settings"
          aria-label="Settings"
          data-testid="settings"
          onClick={props.onOpenSettings}
        >
          <SettingsIcon />
        </button>
      </div>
      <ProgressBar status={props.status} />
    </header>
  );
}

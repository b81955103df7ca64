/**
 * The top bar: the product name (or window title), a tab per active plugin in listing
 * order (scrolling sideways when they do not fit, with faded edges where more hide), the
 * inactive plugins and the data of plugins not installed in a menu, reload and
 * auto-reload, settings, and a thin progress bar while the server reads the logs.
 */
import { useDismiss } from '@tb/ui';
import { useCallback, useRef, useState } from 'preact/hooks';
import type { LoadStatus, PluginInfo } from './api.js';
import { ChevronDownIcon, ReloadIcon, SettingsIcon } from './icons.js';
import type { MissingData } from './missing-data.js';
import { useScrollEdges } from './scroll-edges.js';

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
  /** Data of the log root no installed plugin shows; each known one opens its hint. */
  readonly missing: readonly MissingData[];
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

/**
 * Said while requests to object storage wait to be tried again (throttling, a 5xx, a
 * dropped connection): why the data may lag; and, once a request failed for good (access
 * denied, retries spent), until one succeeds again. The full failure is its tooltip.
 */
export function StorageNotice({ status }: { status: LoadStatus | null }) {
  if (!status) return null;
  let text: string;
  if (status.storageRetrying > 0) text = status.storageRetrying === 1 ? 'Retrying a storage request' : `Retrying ${status.storageRetrying} storage requests`;
  else if (status.storageFailing) text = 'Cannot read the log store';
  else return null;
  return (
    <span
      class={status.storageRetrying > 0 ? 'tb-topbar__notice' : 'tb-topbar__notice tb-topbar__notice--error'}
      role="status"
      title={status.storageError ?? undefined}
      data-testid="storage-notice"
    >
      {text}
    </span>
  );
}

/** The loading bar: hidden when idle; indeterminate while the total is unknown. */
export function ProgressBar({ status }: { status: LoadStatus | null }) {
  if (!status || status.state !== 'loading') return null;
  const known = status.bytesTotal > 0;
  const fraction = known ? Math.min(1, status.bytesRead / status.bytesTotal) : 0;
  const text = known
    ? `Loading logs: ${formatBytes(status.bytesRead)} of ${formatBytes(status.bytesTotal)}, ${status.runsLoaded} of ${status.runsTotal} runs`
    : 'Loading logs…';
  // The tooltip also names the runs with the most left to read.
  const runs = status.loadingRuns.slice(0, 5).map((r) => `${r.run}: ${formatBytes(r.bytesRead)} of ${formatBytes(r.bytesTotal)}`);
  return (
    <div
      class={known ? 'tb-progressbar' : 'tb-progressbar tb-progressbar--indeterminate'}
      role="progressbar"
      aria-label={text}
      title={[text, ...runs].join('\n')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={known ? Math.round(fraction * 100) : undefined}
      data-testid="progress"
    >
      <div class="tb-progressbar__fill" style={known ? { width: `${fraction * 100}%` } : undefined} />
    </div>
  );
}

/**
 * The "Inactive" menu: plugins with no data yet (choosing one still opens it), then the
 * dashboards the log root has data for that are not installed (choosing one says which
 * package to install).
 */
function InactiveMenu(props: {
  plugins: readonly PluginInfo[];
  missing: readonly MissingData[];
  activeId: string | null;
  onSelect: (id: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, close);
  const notInstalled = props.missing.flatMap((m) => (m.known ? [m.known] : []));
  const current = props.plugins.find((p) => p.id === props.activeId) ?? notInstalled.find((k) => k.id === props.activeId);
  const choose = (id: string) => {
    setOpen(false);
    props.onSelect(id);
  };
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
        {current ? current.title : props.plugins.length ? 'Inactive' : 'Not installed'}
        <ChevronDownIcon />
      </button>
      {open && (
        <div class="tb-menu__popup tb-inactive__popup" role="menu">
          {props.plugins.length > 0 && <div class="tb-inactive__note">No data for these plugins yet.</div>}
          {props.plugins.map((p) => (
            <button key={p.id} type="button" role="menuitem" class="tb-menu__item" data-testid={`tab-${p.id}`} onClick={() => choose(p.id)}>
              {p.title}
            </button>
          ))}
          {notInstalled.length > 0 && <div class="tb-inactive__note">Data for plugins not installed:</div>}
          {notInstalled.map((k) => (
            <button
              key={k.id}
              type="button"
              role="menuitem"
              class="tb-menu__item tb-menu__item--missing"
              data-testid={`missing-tab-${k.id}`}
              onClick={() => choose(k.id)}
            >
              {k.title} <span class="tb-menu__hint">{k.packageName}</span>
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
  const tabs = useRef<HTMLElement>(null);
  // Scroll the active tab into view when it changes, and once the tabs have come.
  const edges = useScrollEdges(tabs, `${props.activeId}|${active.map((p) => p.id).join()}`);
  const tabsClass = `tb-tabs${edges.left ? ' tb-tabs--more-left' : ''}${edges.right ? ' tb-tabs--more-right' : ''}`;
  return (
    <header class="tb-topbar">
      <div class="tb-topbar__brand" title={props.title}>
        {props.title}
      </div>
      <nav class={tabsClass} role="tablist" aria-label="Dashboards" ref={tabs} data-testid="tabs">
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
      {(inactive.length > 0 || props.missing.some((m) => m.known)) && (
        <InactiveMenu plugins={inactive} missing={props.missing} activeId={props.activeId} onSelect={props.onSelect} />
      )}
      <div class="tb-topbar__actions">
        <StorageNotice status={props.status} />
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

/**
 * The shell: top bar, run selector and the active plugin's dashboard. It knows no
 * plugin: the tabs come from /data/plugins_listing and each dashboard is loaded through
 * `load` (module federation in the page, a stub in tests). From /data/plugin_names it
 * tells which package shows data that no installed plugin reads.
 */
import { applyTheme, compileFilter, EmptyState, ErrorState, errorMessage, LoadingState, type DashboardProps, type PluginFetch } from '@tb/ui';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  createPluginFetch,
  fetchEnvironment,
  fetchPluginNames,
  fetchPlugins,
  fetchRuns,
  postReload,
  type EnvironmentInfo,
  type LoadStatus,
  type PluginInfo,
} from './api.js';
import { serverUrl, type ShellConfig } from './config.js';
import type { DashboardLoader } from './federation.js';
import { knownPluginForTab } from './known-plugins.js';
import { missingData, type MissingData } from './missing-data.js';
import { MissingDataList, MissingPlugins, NotInstalled } from './missing-plugins.js';
import { Freeze, PluginView } from './plugin-view.js';
import { useRunColors } from './run-colors.js';
import { resolveSelection, updateSelection } from './run-selection.js';
import { RunSelector } from './run-selector.js';
import { useRunsWithData, type DataTab } from './runs-with-data.js';
import { useServerEvents } from './server-events.js';
import { globalSettings, loadSettings, saveSettings, SettingsDialog, type ShellSettings } from './settings.js';
import { Sidebar, useSidebarLayout } from './sidebar.js';
import { TopBar } from './top-bar.js';
import { useUrlState } from './url-state.js';

/** Props of {@link App}. */
export interface AppProps {
  readonly config: ShellConfig;
  readonly load: DashboardLoader;
}

/** Why data is refetched: the first load, the reload button, the timer, or server events. */
type RefreshKind = 'initial' | 'manual' | 'auto' | 'events';

interface ReloadState {
  /** Bumped by every reload; dashboards refetch on change. */
  readonly signal: number;
  /** Bumped by the reload button only (for plugins with `disable_reload`). */
  readonly manual: number;
  readonly changed: readonly string[];
}

const NO_RUNS: readonly string[] = [];
const EVENTS_DEBOUNCE_MS = 300;

/** The plugin names a plugin reads: the listing's, else the known table's for its id. */
const pluginNamesOf = (plugin: PluginInfo): readonly string[] => plugin.pluginNames ?? knownPluginForTab(plugin.id)?.pluginNames ?? [];

export function App({ config, load }: AppProps) {
  const [view, setView] = useUrlState();
  const [plugins, setPlugins] = useState<PluginInfo[] | null>(null);
  const [listingError, setListingError] = useState<unknown>(null);
  const [runs, setRuns] = useState<string[] | null>(null);
  const [refreshError, setRefreshError] = useState<string | null>(null);
  const [env, setEnv] = useState<EnvironmentInfo | null>(null);
  const [settings, setSettings] = useState<ShellSettings>(loadSettings);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [status, setStatus] = useState<LoadStatus | null>(null);
  const [reload, setReload] = useState<ReloadState>({ signal: 0, manual: 0, changed: [] });
  const [reloading, setReloading] = useState(false);
  const [visited, setVisited] = useState<ReadonlySet<string>>(new Set());
  const [nameCounts, setNameCounts] = useState<Record<string, number> | null>(null);
  const [sidebar, setSidebar] = useSidebarLayout();
  const allRuns = runs ?? NO_RUNS;
  const coloring = useRunColors(allRuns);

  const refresh = useCallback(
    async (kind: RefreshKind, changed: readonly string[] = []) => {
      const problems: string[] = [];
      if (kind === 'manual') {
        setReloading(true);
        await postReload(config).catch((e: unknown) => problems.push(`reload: ${errorMessage(e)}`));
      }
      const [listing, runList, names] = await Promise.allSettled([fetchPlugins(config), fetchRuns(config), fetchPluginNames(config)]);
      // An older server without /data/plugin_names: no hints about missing plugins.
      setNameCounts(names.status === 'fulfilled' ? names.value : null);
      if (listing.status === 'fulfilled') {
        setPlugins(listing.value);
        setListingError(null);
      } else if (kind === 'initial') {
        setListingError(listing.reason);
      } else {
        problems.push(`plugin listing: ${errorMessage(listing.reason)}`);
      }
      if (runList.status === 'fulfilled') setRuns(runList.value);
      else problems.push(`runs: ${errorMessage(runList.reason)}`);
      setRefreshError(problems.length ? problems.join('; ') : null);
      if (kind !== 'initial') {
        setReload((r) => ({
          signal: r.signal + 1,
          manual: kind === 'manual' ? r.manual + 1 : r.manual,
          changed: kind === 'events' ? changed : [],
        }));
      }
      setReloading(false);
    },
    [config],
  );

  useEffect(() => {
    void refresh('initial');
    fetchEnvironment(config).then(setEnv, () => setEnv(null));
  }, [config, refresh]);

  useLayoutEffect(() => applyTheme(settings.darkMode), [settings.darkMode]);

  const title = config.windowTitle || env?.windowTitle || 'tb-core';
  useEffect(() => {
    document.title = title;
  }, [title]);

  // Auto-reload: every reloadIntervalSec while the page is visible.
  useEffect(() => {
    if (!settings.autoReload) return;
    const timer = setInterval(() => {
      if (!document.hidden) void refresh('auto');
    }, settings.reloadIntervalSec * 1000);
    return () => clearInterval(timer);
  }, [settings.autoReload, settings.reloadIntervalSec, refresh]);

  // Server events: progress, and runs with new data (batched). New runs always show up in
  // the selector; dashboards are told to refetch only while auto-reload is on.
  const pendingChanged = useRef<Set<string> | null>(null);
  const autoReload = useRef(settings.autoReload);
  autoReload.current = settings.autoReload;
  useServerEvents(serverUrl(config, '/data/events'), {
    onStatus: setStatus,
    onRuns: (changed) => {
      if (pendingChanged.current) {
        for (const run of changed) pendingChanged.current.add(run);
        return;
      }
      pendingChanged.current = new Set(changed);
      setTimeout(() => {
        const batch = [...(pendingChanged.current ?? [])];
        pendingChanged.current = null;
        if (autoReload.current) void refresh('events', batch);
        else void fetchRuns(config).then(setRuns, () => undefined);
      }, EVENTS_DEBOUNCE_MS);
    },
  });

  const updateSettings = (next: ShellSettings) => {
    setSettings(next);
    saveSettings(next);
  };

  const activePlugin = useMemo(() => {
    if (!plugins) return null;
    if (view.tab) {
      const known = knownPluginForTab(view.tab);
      return plugins.find((p) => p.id === view.tab) ?? plugins.find((p) => p.id === known?.id) ?? null;
    }
    return plugins.find((p) => p.enabled) ?? plugins[0] ?? null;
  }, [plugins, view.tab]);
  const activeId = activePlugin?.id ?? view.tab;
  const missing = useMemo(() => (nameCounts && plugins ? missingData(nameCounts, plugins) : []), [nameCounts, plugins]);

  // The tab shown: an installed plugin, or a known dashboard that is not installed (#graphs).
  // Only its runs with data get colours; a run keeps the colour it got in any tab.
  const knownTab = activePlugin || !view.tab ? undefined : knownPluginForTab(view.tab);
  const shownTab: DataTab | null = activePlugin
    ? { id: activePlugin.id, title: activePlugin.title, pluginNames: pluginNamesOf(activePlugin) }
    : (knownTab ?? null);
  const withData = useRunsWithData(config, shownTab, runs);
  const shownWithData = shownTab ? withData.of(shownTab.id) : null;
  const shownKnown = shownTab !== null && withData.known(shownTab.id);
  const { remember } = coloring;
  useEffect(() => {
    if (shownKnown) remember(shownWithData);
  }, [shownKnown, shownWithData, remember]);
  const colors = coloring.colorsFor(shownTab?.id ?? '', shownWithData);
  const withDataSet = useMemo(() => (shownWithData === null ? null : new Set(shownWithData)), [shownWithData]);

  useEffect(() => {
    if (activePlugin && !visited.has(activePlugin.id)) setVisited(new Set(visited).add(activePlugin.id));
  }, [activePlugin, visited]);

  // Checked runs (the check boxes), and what dashboards show: the checked runs that match
  // the run filter, as in TensorBoard (an invalid regex filters nothing out).
  const checkedRuns = useMemo(() => resolveSelection(allRuns, view.runs), [allRuns, view.runs]);
  const selectedSet = useMemo(() => new Set(checkedRuns), [checkedRuns]);
  const selectedRuns = useMemo(() => checkedRuns.filter(compileFilter(view.runFilter).test), [checkedRuns, view.runFilter]);
  const runDescriptors = useMemo(() => allRuns.map((name) => ({ name, startTime: null })), [allRuns]);
  const fetchers = useRef(new Map<string, PluginFetch>());
  const pluginFetch = (id: string): PluginFetch => {
    let f = fetchers.current.get(id);
    if (!f) fetchers.current.set(id, (f = createPluginFetch(config, id)));
    return f;
  };
  const shared = useMemo(() => globalSettings(settings), [settings]);
  const selectRuns = (chosen: readonly string[], openTab?: string) => {
    const wanted = new Set(chosen);
    const change = { select: allRuns.filter((r) => wanted.has(r)), deselect: allRuns.filter((r) => !wanted.has(r)) };
    setView({ ...view, runFilter: '', runs: updateSelection(allRuns, view.runs, change), tab: openTab ?? view.tab }, 'push');
  };
  const propsFor = (plugin: PluginInfo): DashboardProps => ({
    pluginId: plugin.id,
    runs: runDescriptors,
    selectedRuns,
    runColors: coloring.colorsFor(plugin.id, withData.of(plugin.id)),
    fetch: pluginFetch(plugin.id),
    settings: shared,
    reloadSignal: plugin.disableReload ? reload.manual : reload.signal,
    changedRuns: plugin.disableReload ? [] : reload.changed,
    selectRuns,
  });

  const setSelection = (change: { select?: readonly string[]; deselect?: readonly string[] }) =>
    setView({ ...view, runs: updateSelection(allRuns, view.runs, change) }, 'push');

  return (
    <div class="tb-shell">
      <TopBar
        title={title}
        plugins={plugins ?? []}
        activeId={activeId}
        onSelect={(id) => setView({ ...view, tab: id }, 'push')}
        onReload={() => void refresh('manual')}
        reloading={reloading}
        autoReload={settings.autoReload}
        onAutoReloadChange={(on) => updateSettings({ ...settings, autoReload: on })}
        onOpenSettings={() => setSettingsOpen(true)}
        status={status}
        missing={missing}
      />
      <div class="tb-body">
        {activePlugin?.usesRunSelector !== false && (
        <Sidebar layout={sidebar} onLayoutChange={setSidebar} summary={`${selectedRuns.length}/${allRuns.length}`}>
          <RunSelector
            runs={runs}
            selected={selectedSet}
            colors={colors}
            withData={withDataSet}
            tabTitle={shownTab?.title ?? ''}
            filter={view.runFilter}
            onFilterChange={(runFilter) => setView({ ...view, runFilter }, 'replace')}
            onToggle={(run, on) => setSelection(on ? { select: [run] } : { deselect: [run] })}
            onSetMany={(list, on) => setSelection(on ? { select: list } : { deselect: list })}
            onColorChange={coloring.setColor}
            onCollapse={() => setSidebar({ ...sidebar, collapsed: true })}
            dataLocation={env?.dataLocation ?? ''}
            environment={env}
          />
        </Sidebar>
        )}
        <main class="tb-main" data-testid="main">
          {refreshError && (
            <div class="tb-notice tb-notice--error" role="alert" data-testid="refresh-error">
              Could not refresh: {refreshError}
            </div>
          )}
          {listingError ? (
            <ErrorState
              title="Could not read the list of plugins"
              error={listingError}
              onRetry={() => void refresh('initial')}
              testId="listing-error"
            />
          ) : plugins === null ? (
            <LoadingState label="Loading…" />
          ) : plugins.length === 0 ? (
            <NoPlugins missing={missing} />
          ) : !activePlugin ? (
            <NotInstalled
              tab={view.tab ?? ''}
              known={knownTab}
              counts={nameCounts}
              installed={plugins}
              missing={missing}
            />
          ) : runs !== null && runs.length === 0 && !activePlugin.enabled ? (
            <NoRuns dataLocation={env?.dataLocation ?? ''} />
          ) : !activePlugin.enabled && missing.length > 0 ? (
            <MissingPlugins items={missing} plugin={activePlugin} othersHaveData={plugins.some((p) => p.enabled)} />
          ) : (
            !activePlugin.enabled && (
              <div class="tb-notice" data-testid="inactive-notice">
                No data for {activePlugin.title} yet: it shows what it finds once the logs have some.
              </div>
            )
          )}
          {plugins?.map((plugin) => {
            const isActive = plugin.id === activePlugin?.id;
            if (!isActive && (!visited.has(plugin.id) || plugin.removeDom)) return null;
            // An empty dashboard would say less than the hints above.
            if (isActive && !plugin.enabled && ((runs !== null && runs.length === 0) || missing.length > 0)) return null;
            return (
              <div key={plugin.id} class="tb-dashboard" hidden={!isActive} data-testid={`dashboard-${plugin.id}`}>
                <Freeze active={isActive}>
                  <PluginView plugin={plugin} active={isActive} load={load} dashboardProps={propsFor(plugin)} />
                </Freeze>
              </div>
            );
          })}
        </main>
      </div>
      {settingsOpen && <SettingsDialog settings={settings} onChange={updateSettings} onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}

function NoPlugins({ missing }: { missing: readonly MissingData[] }) {
  return (
    <EmptyState title="No dashboards installed" testId="no-plugins">
      <p>
        tb-core shows one tab per plugin. Install the plugins you want next to <code>@tb/core</code>, for example{' '}
        <code>npm install @tb/plugin-scalars @tb/plugin-images</code>, and choose them with{' '}
        <code>tb-core serve --logdir logs --plugins scalars,images</code>.
      </p>
      {missing.length > 0 && <MissingDataList items={missing} />}
    </EmptyState>
  );
}

function NoRuns({ dataLocation }: { dataLocation: string }) {
  return (
    <EmptyState title="No data yet" testId="no-runs">
      <p>
        No event files (<code>events.out.tfevents.*</code>) were found
        {dataLocation ? (
          <>
            {' '}
            in <code>{dataLocation}</code>
          </>
        ) : (
          ' in the log directory'
        )}
        .
      </p>
      <p>
        Point tb-core at the directory your training writes its summaries to, with one sub-directory per run:{' '}
        <code>tb-core serve --logdir path/to/logs</code>. Runs appear here while they are written; there is no need to restart.
      </p>
    </EmptyState>
  );
}

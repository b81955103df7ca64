// @vitest-environment happy-dom
import { NO_DATA_COLOR, RUN_PALETTE, type DashboardProps } from '@tb/ui';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PluginInfo } from './api.js';
import { App } from './app.js';
import { readConfig } from './config.js';
import type { DashboardComponent, DashboardLoader } from './federation.js';

/** A stand-in for EventSource that the test drives. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  readonly listeners = new Map<string, ((e: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, fn: (e: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  close(): void {}
  emit(type: string, data: unknown): void {
    for (const fn of this.listeners.get(type) ?? []) fn(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

const fed = (id: string) => ({
  type: 'MODULE_FEDERATION',
  manifest_url: `/plugin/${id}/mf-manifest.json`,
  remote_name: `tb_plugin_${id}`,
  expose: './Dashboard',
});
const LISTING = {
  scalars: { enabled: true, tab_name: 'Scalars', version: '0.1.0', loading_mechanism: fed('scalars') },
  broken: { enabled: true, tab_name: 'Histograms', version: '0.1.0', loading_mechanism: fed('broken') },
  missing: { enabled: true, tab_name: 'Graphs', version: '0.1.0', loading_mechanism: fed('missing') },
  images: { enabled: false, tab_name: 'Images', version: '0.1.0', loading_mechanism: fed('images') },
};

let listing: Record<string, unknown>;
let runs: string[];
/** What /data/plugin_names answers, and the runs of each plugin name for /data/runs?plugin_name=. */
let pluginNames: Record<string, number>;
let runsOf: Record<string, string[]>;
let requests: string[];
let seen: DashboardProps | null;
let container: HTMLElement;

function Probe(props: DashboardProps) {
  seen = props;
  return <div data-testid="probe">{props.selectedRuns.join(',')}</div>;
}
function Thrower(): never {
  throw new Error('buckets are not monotonic');
}
const loader: DashboardLoader = async (plugin: PluginInfo) => {
  if (plugin.id === 'missing') throw new Error('its manifest /plugin/missing/mf-manifest.json answered 404 Not Found');
  return (plugin.id === 'broken' ? Thrower : Probe) as DashboardComponent;
};

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
}

async function mount(prefix = ''): Promise<void> {
  container = document.createElement('div');
  document.body.append(container);
  await act(() => render(<App config={readConfig({ pathPrefix: prefix })} load={loader} />, container));
  await settle();
}

const $ = (testId: string) => container.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

beforeEach(() => {
  listing = LISTING;
  runs = ['adam/train', 'adam/eval', 'sgd/train'];
  pluginNames = {};
  runsOf = {};
  requests = [];
  seen = null;
  history.replaceState(null, '', '/');
  localStorage.clear();
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    requests.push(`${init?.method ?? 'GET'} ${url}`);
    const [path, query] = url.replace(/^\/tb/, '').split('?') as [string, string | undefined];
    const wanted = new URLSearchParams(query).getAll('plugin_name');
    const body =
      path === '/data/plugins_listing'
        ? listing
        : path === '/data/runs'
          ? wanted.length
            ? runs.filter((r) => wanted.some((n) => runsOf[n]?.includes(r)))
            : runs
          : path === '/data/plugin_names'
            ? pluginNames
            : path === '/data/environment'
              ? { data_location: '/logs' }
              : {};
    return new Response(JSON.stringify(body), { status: 200 });
  });
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.unstubAllGlobals();
});

describe('App', () => {
  it('shows a tab per active plugin in order, the inactive ones in a menu, and mounts the first', async () => {
    await mount();
    const tabs = [...container.querySelectorAll('[role="tab"]')].map((t) => t.getAttribute('data-testid'));
    expect(tabs).toEqual(['tab-scalars', 'tab-broken', 'tab-missing']);
    expect($('tab-images')).toBeNull();
    await act(() => $('inactive-menu')!.click());
    expect($('tab-images')!.textContent).toBe('Images');
    expect(container.textContent).toContain('No data for these plugins yet');
    expect(seen?.pluginId).toBe('scalars');
    expect(seen?.selectedRuns).toEqual(runs);
    expect(Object.keys(seen!.runColors)).toEqual(runs);
    expect(seen?.fetch.url('tags')).toBe('/data/plugin/scalars/tags');
  });

  it('gives a plugin that fails to load, or throws while rendering, an error card; other tabs keep working', async () => {
    await mount();
    await act(() => $('tab-missing')!.click());
    await settle();
    const missing = $('dashboard-missing')!.querySelector('[data-testid="plugin-error"]')!;
    expect(missing.textContent).toContain('The Graphs plugin (missing 0.1.0) could not be loaded');
    expect(missing.textContent).toContain('answered 404');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await act(() => $('tab-broken')!.click());
    await settle();
    const broken = $('dashboard-broken')!.querySelector('[data-testid="plugin-error"]')!;
    expect(broken.textContent).toContain('Histograms plugin (broken 0.1.0) failed while rendering');
    expect(broken.textContent).toContain('buckets are not monotonic');
    expect(container.querySelectorAll('[data-testid="plugin-error"]')).toHaveLength(1);
    await act(() => $('tab-scalars')!.click());
    await settle();
    expect($('dashboard-scalars')!.hidden).toBe(false);
    expect($('probe')!.textContent).toBe(runs.join(','));
    expect(location.hash).toBe('#tab=scalars');
  });

  it('keeps the run selection in the URL; new runs stay unselected after an explicit choice', async () => {
    await mount();
    const box = container.querySelector<HTMLInputElement>('[data-testid="checkbox-adam/eval"]')!;
    await act(() => box.click());
    expect($('runs-count')!.textContent).toBe('2 of 3 runs selected');
    expect(seen?.selectedRuns).toEqual(['adam/train', 'sgd/train']);
    expect(decodeURIComponent(location.hash)).toBe('#runs=adam/train&runs=sgd/train');
    runs = [...runs, 'new/run'];
    await act(() => FakeEventSource.last!.emit('runs', { changed: ['new/run'] }));
    await act(() => new Promise<void>((r) => setTimeout(r, 400)));
    await settle();
    expect($('run-new/run')).not.toBeNull();
    expect(container.querySelector<HTMLInputElement>('[data-testid="checkbox-new/run"]')!.checked).toBe(false);
    expect(seen?.changedRuns).toEqual(['new/run']);
    expect(seen?.reloadSignal).toBe(1);
  });

  it('filters runs by regex: all/none act on the shown runs, an invalid regex is an error, not a crash', async () => {
    await mount();
    const filter = container.querySelector<HTMLInputElement>('[data-testid="run-filter"]')!;
    await act(() => {
      filter.value = '^adam';
      filter.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(container.querySelectorAll('[data-testid^="checkbox-"]')).toHaveLength(2);
    expect(seen?.selectedRuns).toEqual(['adam/train', 'adam/eval']);
    await act(() => $('runs-none')!.click());
    expect($('runs-count')!.textContent).toBe('1 of 3 runs selected');
    await act(() => {
      filter.value = 'adam(';
      filter.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect($('run-filter-error')!.textContent).toMatch(/Invalid regular expression/);
    expect(container.querySelectorAll('[data-testid^="checkbox-"]')).toHaveLength(3);
    await act(() => $('runs-all')!.click());
    expect($('runs-count')!.textContent).toBe('3 of 3 runs selected');
    expect(location.hash).toBe('#runFilter=adam%28');
  });

  it('restores the view from the URL and follows back/forward', async () => {
    history.replaceState(null, '', '/#tab=missing&runs=sgd%2Ftrain');
    await mount();
    expect($('tab-missing')!.getAttribute('aria-selected')).toBe('true');
    expect($('runs-count')!.textContent).toBe('1 of 3 runs selected');
    history.replaceState(null, '', '/#tab=scalars');
    await act(() => {
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await settle();
    expect($('tab-scalars')!.getAttribute('aria-selected')).toBe('true');
    expect($('runs-count')!.textContent).toBe('3 of 3 runs selected');
  });

  it('shows the loading progress from server events and hides it when idle', async () => {
    await mount('/tb');
    expect(FakeEventSource.last!.url).toBe('/tb/data/events');
    expect(requests).toContain('GET /tb/data/plugins_listing');
    await act(() => FakeEventSource.last!.emit('status', { state: 'loading', bytesRead: 25, bytesTotal: 100, runsLoaded: 1, runsTotal: 3 }));
    expect($('progress')!.getAttribute('aria-valuenow')).toBe('25');
    await act(() => FakeEventSource.last!.emit('status', { state: 'idle', bytesRead: 100, bytesTotal: 100 }));
    expect($('progress')).toBeNull();
  });

  it('reload POSTs /data/reload, refetches and signals the dashboards', async () => {
    await mount();
    await act(() => $('reload')!.click());
    await settle();
    expect(requests).toContain('POST /data/reload');
    expect(requests.filter((r) => r === 'GET /data/runs')).toHaveLength(2);
    expect(seen?.reloadSignal).toBe(1);
  });

  it('says how to point tb-core at logs when there are no runs, and when no plugin is installed', async () => {
    runs = [];
    listing = { scalars: { ...LISTING.scalars, enabled: false } };
    await mount();
    expect($('no-runs')!.textContent).toContain('tb-core serve --logdir');
    expect($('no-runs')!.textContent).toContain('/logs');
    render(null, container);
    listing = {};
    await mount();
    expect($('no-plugins')!.textContent).toContain('--plugins');
  });

  it('says which package shows a tab the page lacks (#graphs), and whether the log root has data for it', async () => {
    pluginNames = { scalars: 3, graphs: 2, graph_run_metadata: 1 };
    runsOf = { graphs: ['adam/train', 'sgd/train'] };
    history.replaceState(null, '', '/#graphs');
    await mount();
    expect($('unknown-plugin')!.textContent).toContain('Graphs is not installed');
    // The runs with graph data keep their colours; the others have none here.
    expect($('color-adam/train')).not.toBeNull();
    expect($('no-color-adam/eval')).not.toBeNull();
    expect($('run-adam/eval')!.title).toBe('adam/eval: no Graphs data in this run');
    expect($('missing-data')!.textContent).toBe('This log root has graph data (2 runs): install @tb/plugin-graphs.');
    expect($('unknown-plugin')!.textContent).toContain('npm install @tb/plugin-graphs');
    render(null, container);
    pluginNames = { scalars: 3 };
    await mount();
    expect($('missing-data')!.textContent).toBe('@tb/plugin-graphs shows graph data; this log root has none.');
    render(null, container);
    history.replaceState(null, '', '/#nonsense');
    await mount();
    expect($('unknown-plugin')!.textContent).toContain('There is no plugin “nonsense”');
    expect($('unknown-plugin')!.textContent).toContain('Installed plugins: Scalars, Histograms, Graphs, Images.');
  });

  it('opens an installed plugin from a TensorBoard alias of its tab (#distributions is the histograms plugin)', async () => {
    listing = { scalars: LISTING.scalars, histograms: { ...LISTING.scalars, tab_name: 'Histograms', loading_mechanism: fed('histograms') } };
    history.replaceState(null, '', '/#distributions');
    await mount();
    expect($('tab-histograms')!.getAttribute('aria-selected')).toBe('true');
    expect(seen?.pluginId).toBe('histograms');
  });

  it('when only plugins that are not installed have data, says which packages show it instead of an empty dashboard', async () => {
    listing = { scalars: { ...LISTING.scalars, enabled: false, plugin_names: ['scalars'] } };
    pluginNames = { graphs: 2, hparams: 12, my_thing: 1 };
    await mount();
    const hint = $('missing-plugins')!;
    expect(hint.textContent).toContain('No installed plugin shows the data of this log root');
    const items = [...hint.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'graph data (2 runs): install @tb/plugin-graphs',
      'hyper-parameter data (12 runs): install @tb/plugin-hparams',
      'data of the plugin name my_thing (1 run): no package tb-core knows shows it',
    ]);
    expect(hint.textContent).toContain('npm install @tb/plugin-graphs @tb/plugin-hparams');
    expect($('dashboard-scalars')).toBeNull();
    expect(seen).toBeNull();
    // The top bar's menu lists them too; choosing one opens its hint.
    await act(() => $('inactive-menu')!.click());
    await act(() => $('missing-tab-graphs')!.click());
    await settle();
    expect(location.hash).toBe('#tab=graphs');
    expect($('missing-data')!.textContent).toBe('This log root has graph data (2 runs): install @tb/plugin-graphs.');
  });

  it('does not suggest a package for data an installed plugin reads', async () => {
    listing = { ...LISTING, scalars: { ...LISTING.scalars, plugin_names: ['scalars', 'graphs'] } };
    pluginNames = { scalars: 3, graphs: 2 };
    await mount();
    expect($('missing-tab-graphs')).toBeNull();
    await act(() => $('inactive-menu')!.click());
    expect($('missing-tab-graphs')).toBeNull();
  });

  it('colours only the runs with data in the tab shown, and each run keeps its colour after a reload', async () => {
    runs = ['.', ...Array.from({ length: 14 }, (_, i) => `hparam_tuning/run-${String(i).padStart(2, '0')}`)];
    listing = { scalars: { ...LISTING.scalars, plugin_names: ['scalars'] }, images: { ...LISTING.scalars, tab_name: 'Images', plugin_names: ['images'], loading_mechanism: fed('images') } };
    runsOf = { scalars: runs.slice(1), images: ['hparam_tuning/run-13'] };
    await mount();
    expect(requests).toContain('GET /data/runs?plugin_name=scalars');
    const colors = seen!.runColors;
    expect(colors['.']).toBe(NO_DATA_COLOR);
    const palette = runs.slice(1).map((r) => colors[r]);
    expect(new Set(palette).size).toBe(14);
    for (const c of palette) expect(RUN_PALETTE).toContain(c);
    expect($('no-color-.')).not.toBeNull();
    expect($('color-.')).toBeNull();
    expect($('run-.')!.className).toContain('tb-runs__row--no-data');
    expect($('run-.')!.title).toBe('.: no Scalars data in this run');
    // Another tab: its only run keeps the colour it has in Scalars; the others have none.
    await act(() => $('tab-images')!.click());
    await settle();
    expect(seen?.pluginId).toBe('images');
    expect(seen!.runColors['hparam_tuning/run-13']).toBe(colors['hparam_tuning/run-13']);
    expect(seen!.runColors['hparam_tuning/run-00']).toBe(NO_DATA_COLOR);
    // A reload with a new run that starts first: nobody's colour changes.
    render(null, container);
    runs = ['early', ...runs];
    runsOf = { scalars: ['early', ...runsOf['scalars']!] };
    history.replaceState(null, '', '/');
    await mount();
    for (const run of runs.slice(2)) expect(seen!.runColors[run]).toBe(colors[run]);
    expect(new Set(Object.values(seen!.runColors)).size).toBe(16);
  });

  it('hides the run selector on a tab that picks its own runs, and shows it again elsewhere', async () => {
    listing = { ...LISTING, profile: { enabled: true, tab_name: 'Profile', version: '0.1.0', uses_run_selector: false, loading_mechanism: fed('profile') } };
    await mount();
    expect($('sidebar')).not.toBeNull();
    await act(() => $('tab-profile')!.click());
    await settle();
    expect($('sidebar')).toBeNull();
    expect($('sidebar-collapsed')).toBeNull();
    expect(seen?.pluginId).toBe('profile');
    await act(() => $('tab-scalars')!.click());
    await settle();
    expect($('sidebar')).not.toBeNull();
  });

  it('collapses the sidebar and remembers it, and its width, across reloads', async () => {
    await mount();
    expect($('sidebar')!.style.width).toBe('');
    const resizer = $('sidebar-resizer')!;
    await act(() => {
      resizer.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    const widened = $('sidebar')!.style.width;
    expect(widened).toMatch(/^\d+px$/);
    await act(() => $('sidebar-collapse')!.click());
    expect($('sidebar')).toBeNull();
    expect($('sidebar-collapsed')!.textContent).toContain('Runs 3/3');
    render(null, container);
    await mount();
    expect($('sidebar-collapsed')).not.toBeNull();
    await act(() => $('sidebar-expand')!.click());
    expect($('sidebar')!.style.width).toBe(widened);
    expect($('runs-selector')).not.toBeNull();
  });
});

// @vitest-environment happy-dom
import type { DashboardProps } from '@tb/ui';
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
  requests = [];
  seen = null;
  history.replaceState(null, '', '/');
  localStorage.clear();
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    requests.push(`${init?.method ?? 'GET'} ${url}`);
    const path = url.replace(/^\/tb/, '');
    const body =
      path === '/data/plugins_listing' ? listing : path === '/data/runs' ? runs : path === '/data/environment' ? { data_location: '/logs' } : {};
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
});

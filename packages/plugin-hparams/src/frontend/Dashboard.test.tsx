// @vitest-environment happy-dom
import type { DashboardProps, PluginFetch } from '@tb/ui';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ListSessionGroupsRequest } from '../api-types.js';
import Dashboard from './Dashboard.js';
import { EXPERIMENT, GROUPS } from './fixtures.js';

let requests: { route: string; body: unknown }[];
let container: HTMLElement;

const fakeFetch: PluginFetch = {
  json: async <T,>(route: string, init?: RequestInit) => {
    const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
    requests.push({ route, body });
    if (route === 'experiment') return EXPERIMENT as T;
    if (route === 'session_groups') {
      const r = body as ListSessionGroupsRequest;
      const allowed = new Set(r.allowedStatuses);
      const groups = GROUPS.filter((g) => g.sessions.some((s) => allowed.has(s.status)));
      return { sessionGroups: groups.slice(r.startIndex, r.startIndex! + r.sliceSize!), totalSize: groups.length } as T;
    }
    throw new Error(`unexpected route ${route}`);
  },
  raw: () => Promise.reject(new Error('unused')),
  url: (route) => `/data/plugin/hparams/${route}`,
};

function props(overrides: Partial<DashboardProps> = {}): DashboardProps {
  return {
    pluginId: 'hparams',
    runs: GROUPS.flatMap((g) => [{ name: g.name, startTime: null }, { name: `${g.name}/validation`, startTime: null }]),
    selectedRuns: [],
    runColors: { 'tuning/run-00': '#0077bb', 'tuning/run-01': '#ff7043' },
    fetch: fakeFetch,
    settings: { darkMode: false, reloadIntervalSec: 0 },
    reloadSignal: 0,
    changedRuns: [],
    selectRuns: () => undefined,
    ...overrides,
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });
  }
}

async function mount(p: DashboardProps = props()): Promise<void> {
  await act(async () => {
    render(<Dashboard {...p} />, container);
  });
  await settle();
}

const q = (testId: string) => container.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const rowNames = () => [...container.querySelectorAll('[data-testid^="hparams-row-"]')].map((r) => r.getAttribute('data-session')!.slice('tuning/'.length));

async function click(el: Element | null): Promise<void> {
  expect(el).not.toBeNull();
  await act(async () => {
    (el as HTMLElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });
  await settle();
}

beforeEach(() => {
  requests = [];
  localStorage.clear();
  container = document.createElement('div');
  document.body.append(container);
  vi.stubGlobal('fetch', async (url: string) => {
    const u = new URL(url, 'http://x');
    if (u.pathname === '/data/plugin/scalars/tags') {
      const info = { displayName: '', description: '' };
      const tags = GROUPS.flatMap((g) => [
        [g.name, { 'hparam/accuracy': info, 'train/loss': info }],
        [`${g.name}/validation`, { epoch_loss: info }],
      ]);
      return new Response(JSON.stringify(Object.fromEntries(tags)), { status: 200 });
    }
    expect(u.pathname).toBe('/data/plugin/scalars/scalars');
    const step = u.searchParams.get('run')!.endsWith('/validation') ? 4 : 0;
    return new Response(JSON.stringify([[1, 0, 1.5], [2, step, 0.5]]), { status: 200 });
  });
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.unstubAllGlobals();
});

describe('HParams dashboard', () => {
  it('lists every session group with its values and run colour', async () => {
    await mount();
    expect(rowNames()).toEqual(['run-00', 'run-01', 'run-02', 'run-03', 'run-04']);
    const row = q('hparams-row-tuning/run-01')!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['0.2', '0.01', 'adam', 'wide, "deep"', '0.87', '0.65']);
    expect(row.querySelector<HTMLElement>('.tb-swatch')!.style.background).toBe('#ff7043');
    expect(q('hparams-count')!.textContent).toBe('5 session groups');
    expect(requests.map((r) => r.route)).toEqual(['experiment', 'session_groups']);
  });

  it('sorts by a header: ascending, then descending with the best first', async () => {
    await mount();
    await click(q('hparams-sort-metric:hparam/accuracy'));
    expect(rowNames()).toEqual(['run-02', 'run-00', 'run-01', 'run-03', 'run-04']);
    await click(q('hparams-sort-metric:hparam/accuracy'));
    expect(rowNames()).toEqual(['run-01', 'run-00', 'run-02', 'run-03', 'run-04']);
    expect(q('hparams-sort-metric:hparam/accuracy')!.closest('th')!.getAttribute('aria-sort')).toBe('descending');
    await click(q('hparams-sort-metric:hparam/accuracy'));
    expect(rowNames()).toEqual(['run-00', 'run-01', 'run-02', 'run-03', 'run-04']);
  });

  it("filters by a discrete column's values, and clears the filter", async () => {
    await mount();
    await click(q('hparams-filter-hparam:optimizer'));
    expect(q('hparams-filter-editor')).not.toBeNull();
    await click(q('hparams-filter-value-sgd'));
    expect(rowNames()).toEqual(['run-00', 'run-01', 'run-04']);
    expect(q('hparams-count')!.textContent).toBe('3 of 5 session groups');
    expect(q('hparams-filter-hparam:optimizer')!.getAttribute('aria-pressed')).toBe('true');
    await click(q('hparams-clear-filters'));
    expect(rowNames()).toHaveLength(5);
  });

  it('filters a numeric column by an interval', async () => {
    await mount();
    await click(q('hparams-filter-metric:hparam/accuracy'));
    const min = q('hparams-filter-min') as HTMLInputElement;
    await act(async () => {
      min.value = '0.7';
      min.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(rowNames()).toEqual(['run-00', 'run-01']);
  });

  it('hides a column everywhere and remembers it', async () => {
    await mount();
    await click(q('hparams-columns'));
    await click(q('hparams-column-hparam:note'));
    expect(q('hparams-sort-hparam:note')).toBeNull();
    expect(q('hparams-row-tuning/run-01')!.querySelectorAll('td')).toHaveLength(5);
    expect(JSON.parse(localStorage.getItem('tb-core.hparams.settings')!).hidden).toEqual(['hparam:note']);
  });

  it('asks the server for the statuses shown', async () => {
    await mount();
    await click(q('hparams-status-STATUS_FAILURE'));
    expect(rowNames()).toEqual(['run-00', 'run-01', 'run-03', 'run-04']);
    const last = requests.filter((r) => r.route === 'session_groups').at(-1)!.body as ListSessionGroupsRequest;
    expect(last.allowedStatuses).not.toContain('STATUS_FAILURE');
  });

  it("opens a session's curves, and shows its runs in Scalars", async () => {
    const selectRuns = vi.fn();
    await mount(props({ selectRuns }));
    await click(q('hparams-row-tuning/run-01'));
    const panel = q('hparams-session')!;
    expect(panel.getAttribute('data-session')).toBe('tuning/run-01');
    expect(q('hparams-row-tuning/run-01')!.getAttribute('aria-selected')).toBe('true');
    expect(q('hparams-curve-metric:hparam/accuracy')!.getAttribute('data-points')).toBe('2');
    expect(q('hparams-curve-metric:validation/epoch_loss')!.getAttribute('data-points')).toBe('2');
    // Its other scalars, not the metrics again.
    expect([...container.querySelectorAll('[data-testid^="hparams-scalar-"]')].map((e) => e.getAttribute('data-testid'))).toEqual(['hparams-scalar-train/loss']);
    expect(q('hparams-scalar-train/loss')!.getAttribute('data-points')).toBe('2');
    await click(q('hparams-show-in-scalars'));
    expect(selectRuns).toHaveBeenCalledWith(['tuning/run-01', 'tuning/run-01/validation'], 'scalars');
    await click(q('hparams-session-close'));
    expect(q('hparams-session')).toBeNull();
  });

  it('shows every session shown in Scalars', async () => {
    const selectRuns = vi.fn();
    await mount(props({ selectRuns }));
    await click(q('hparams-filter-hparam:optimizer'));
    await click(q('hparams-filter-value-adam'));
    await click(q('hparams-show-all-in-scalars'));
    expect(selectRuns).toHaveBeenCalledWith(['tuning/run-02', 'tuning/run-02/validation', 'tuning/run-03', 'tuning/run-03/validation'], 'scalars');
  });

  it('highlights the hovered row', async () => {
    await mount();
    const row = q('hparams-row-tuning/run-02')!;
    await act(async () => {
      row.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      row.dispatchEvent(new MouseEvent('mouseenter', { bubbles: false }));
    });
    expect(q('hparams-row-tuning/run-02')!.classList.contains('tb-hparams__row--hovered')).toBe(true);
  });

  it('says so when the log directory has no hyperparameters', async () => {
    const empty: PluginFetch = {
      ...fakeFetch,
      json: async <T,>(route: string) => (route === 'experiment' ? { ...EXPERIMENT, hparamInfos: [], metricInfos: [] } : { sessionGroups: [], totalSize: 0 }) as T,
    };
    await mount(props({ fetch: empty }));
    expect(q('hparams-empty')).not.toBeNull();
  });

  it('shows an error with a retry when the experiment cannot be loaded', async () => {
    const failing: PluginFetch = { ...fakeFetch, json: async () => Promise.reject(new Error('experiment: 500 boom')) };
    await mount(props({ fetch: failing }));
    expect(q('hparams-error')!.textContent).toContain('500 boom');
  });
});

// @vitest-environment happy-dom
import { PluginHttpError, type DashboardProps, type PluginFetch } from '@tb/ui';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphJson } from '../graph-json.js';
import type { GraphsInfo } from './api.js';
import Dashboard from './Dashboard.js';
import { layeredGraph } from './test-graphs.js';

let info: GraphsInfo | Error;
let routes: string[];

const graph = (run: string): GraphJson => ({ run, tag: null, conceptual: false, nodes: layeredGraph(4), functions: [], elided: { count: 0, bytes: 0 } });

const fakeFetch: PluginFetch = {
  json: async <T,>(route: string) => {
    routes.push(route);
    if (route === 'info') {
      if (info instanceof Error) throw info;
      return info as T;
    }
    const run = new URLSearchParams(route.slice(route.indexOf('?') + 1)).get('run')!;
    return graph(run) as T;
  },
  raw: () => Promise.reject(new Error('graphs never fetches raw')),
  url: (route) => `/data/plugin/graphs/${route}`,
};

let container: HTMLElement;

function props(overrides: Partial<DashboardProps> = {}): DashboardProps {
  return {
    pluginId: 'graphs',
    runs: [{ name: 'a', startTime: null }, { name: 'b', startTime: null }],
    selectedRuns: ['b'],
    runColors: {},
    fetch: fakeFetch,
    settings: { darkMode: false, reloadIntervalSec: 0 },
    reloadSignal: 0,
    changedRuns: [],
    selectRuns: () => {},
    ...overrides,
  };
}

/** Lets fetches answer, effects run and the (main-thread) layout finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });
  }
}

const $ = (testId: string) => container.querySelector(`[data-testid="${testId}"]`);

beforeEach(() => {
  routes = [];
  container = document.createElement('div');
  document.body.appendChild(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('Graphs dashboard', () => {
  it('says how to get a graph when no run has one', async () => {
    info = {};
    await act(async () => render(<Dashboard {...props()} />, container));
    await settle();
    expect($('graphs-empty')?.textContent).toContain('No graph data');
  });

  it('shows the error of the info route, with a retry', async () => {
    info = new PluginHttpError(500, 'the graphs plugin failed');
    await act(async () => render(<Dashboard {...props()} />, container));
    await settle();
    expect($('graphs-error')?.textContent).toContain('the graphs plugin failed');
  });

  it('opens the first selected run\'s graph and draws its top level, laid out where there is no Worker', async () => {
    const tags = {};
    info = { a: { run: 'a', run_graph: true, tags }, b: { run: 'b', run_graph: true, tags } };
    await act(async () => render(<Dashboard {...props()} />, container));
    await settle();
    expect(routes).toEqual(['info', 'graph_json?run=b']);
    const explorer = $('graph-explorer')!;
    expect(explorer.getAttribute('data-state')).toBe('ready');
    expect(explorer.getAttribute('data-layout-mode')).toBe('main-thread');
    const boxes = () => [...container.querySelectorAll('[data-box]')].map((b) => `${b.getAttribute('data-box')}:${b.getAttribute('data-kind')}`).sort();
    expect(boxes()).toEqual(['init:op', 'input:op', 'loss:op', 'model:scope']);
    // A double-click opens `model`: its four layers are one series.
    await act(async () => {
      container.querySelector('[data-box="model"] .tb-graph__shape')!.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    });
    await settle();
    expect(boxes()).toEqual(['init:op', 'input:op', 'loss:op', 'model/layer_[0-3]:series', 'model:scope']);
    expect(container.querySelector('[data-box="model"]')!.getAttribute('data-expanded')).toBe('true');
    expect(container.querySelector('[data-box="model/layer_[0-3]"] .tb-graph__label')?.textContent).toBe('layer_[0-3] (4)');
    expect((container.querySelector('[data-testid="graph-run"]') as HTMLSelectElement).value).toBe('b');
  });
});

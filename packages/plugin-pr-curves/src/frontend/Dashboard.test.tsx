// @vitest-environment happy-dom
import { PluginHttpError, type DashboardProps, type PluginFetch } from '@tb/ui';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dashboard from './Dashboard.js';

/** run -> tag -> the steps it has a curve at. */
let data: Record<string, Record<string, number[]>>;
let tagsFail: boolean;
let routes: string[];

const entry = (step: number) => ({
  wall_time: 1000 + step,
  step,
  thresholds: [0, 0.5, 1],
  precision: [0.5, 0.8, 1],
  recall: [1, 0.5, 0.1],
  true_positives: [10, 5, 1],
  false_positives: [10, 1, 0],
  true_negatives: [0, 9, 10],
  false_negatives: [0, 5, 9],
});

async function answer(route: string): Promise<unknown> {
  routes.push(route);
  if (route === 'tags') {
    if (tagsFail) throw new PluginHttpError(500, 'tags broke');
    return Object.fromEntries(Object.entries(data).map(([run, tags]) => [run, Object.fromEntries(Object.keys(tags).map((t) => [t, { displayName: '', description: '' }]))]));
  }
  const q = new URLSearchParams(route.slice(route.indexOf('?') + 1));
  const tag = q.get('tag')!;
  return Object.fromEntries(q.getAll('run').map((run) => [run, data[run]![tag]!.map(entry)]));
}

const fakeFetch: PluginFetch = {
  json: <T,>(route: string) => answer(route) as Promise<T>,
  raw: () => Promise.reject(new Error('pr_curves never fetches raw')),
  url: (route) => `/data/plugin/pr_curves/${route}`,
};

let container: HTMLElement;

function props(overrides: Partial<DashboardProps> = {}): DashboardProps {
  return {
    pluginId: 'pr_curves',
    runs: Object.keys(data).map((name) => ({ name, startTime: null })),
    selectedRuns: Object.keys(data),
    runColors: { a: '#0077bb', b: '#ff7043' },
    fetch: fakeFetch,
    settings: { darkMode: false, reloadIntervalSec: 0 },
    reloadSignal: 0,
    changedRuns: [],
    selectRuns: () => undefined,
    ...overrides,
  };
}

async function mount(p: DashboardProps): Promise<void> {
  await act(async () => {
    render(<Dashboard {...p} />, container);
  });
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });
  }
}

const $ = (testId: string) => container.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const lines = (tag: string) => [...$(`pr-card-${tag}`)!.querySelectorAll('path[data-run]')].map((p) => [p.getAttribute('data-run'), p.getAttribute('data-step'), p.getAttribute('stroke')]);

beforeEach(() => {
  data = { a: { 'pr/x': [0, 10, 20], 'pr/y': [0] }, b: { 'pr/x': [5, 15] } };
  tagsFail = false;
  routes = [];
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('PR Curves dashboard', () => {
  it("draws a card per tag with the selected runs' curves at the latest step, one request per card", async () => {
    await mount(props());
    expect(lines('pr/x')).toEqual([
      ['a', '20', '#0077bb'],
      ['b', '15', '#ff7043'],
    ]);
    expect(lines('pr/y')).toEqual([['a', '0', '#0077bb']]);
    expect(routes.filter((r) => r.startsWith('pr_curves')).sort()).toEqual(['pr_curves?run=a&run=b&tag=pr%2Fx', 'pr_curves?run=a&tag=pr%2Fy']);
    expect($('pr-card-pr/x')!.querySelector('[data-testid="pr-step-step"]')!.textContent).toBe('Step 20');
  });

  it('leaves out runs not selected, and tags only they have', async () => {
    await mount(props({ selectedRuns: ['b'] }));
    expect(lines('pr/x')).toEqual([['b', '15', '#ff7043']]);
    expect($('pr-card-pr/y')).toBeNull();
  });

  it('says which run has no step at or before the chosen one', async () => {
    await mount(props());
    const slider = $('pr-card-pr/x')!.querySelector<HTMLInputElement>('input[type=range]')!;
    await act(async () => {
      slider.value = '0';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(lines('pr/x')).toEqual([['a', '0', '#0077bb']]);
    expect($('pr-card-pr/x')!.querySelector('[data-testid="pr-legend"]')!.textContent).toContain('no step at or before 0');
  });

  it('explains an empty log root and a failed tag list', async () => {
    data = {};
    await mount(props());
    expect($('pr-empty')!.textContent).toContain('No PR curve data');
    render(null, container);
    tagsFail = true;
    await mount(props());
    expect($('pr-error')!.textContent).toContain('tags broke');
  });
});

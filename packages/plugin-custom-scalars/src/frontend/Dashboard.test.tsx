// @vitest-environment happy-dom
import { type DashboardProps } from '@tb/ui';
import { dashboardProps, jsonFetch, mountDashboard, settle } from '@tb/ui/testing';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dashboard from './Dashboard.js';

const LAYOUT = {
  category: [
    { title: 'losses', chart: [{ title: 'loss', multiline: { tag: ['loss', 'val_.*'] } }], closed: false },
    { title: 'later', chart: [{ title: 'acc', margin: { series: [{ value: 'acc', lower: 'acc_lo', upper: 'acc_hi' }] } }], closed: true },
  ],
  version: 0,
};

let layout: unknown;
let routes: string[];

/** The plugin's routes as the fake server answers them: every run has loss and val_loss. */
async function answer(route: string): Promise<unknown> {
  routes.push(route);
  if (route === 'layout') return layout;
  const q = new URLSearchParams(route.slice(route.indexOf('?') + 1));
  const tag = q.get('tag')!;
  const events = (v: number) => [[1, 0, v], [2, 1, 'NaN'], [3, 2, v / 2]];
  if (tag === 'loss') return { regex_valid: true, tag_to_events: { loss: events(1) } };
  if (tag === 'val_.*') return { regex_valid: true, tag_to_events: { val_loss: events(2) } };
  return { regex_valid: true, tag_to_events: {} };
}

const fakeFetch = jsonFetch('custom_scalars', answer);

let container: HTMLElement;

const props = (overrides: Partial<DashboardProps> = {}): DashboardProps =>
  dashboardProps({ pluginId: 'custom_scalars', runs: ['adam', 'sgd'], runColors: { adam: '#0077bb', sgd: '#ff7043' }, fetch: fakeFetch }, { runs: [{ name: 'adam', startTime: 1 }, { name: 'sgd', startTime: 2 }], ...overrides });
const mount = (p: DashboardProps) => mountDashboard(Dashboard, p, container);

const all = (testId: string) => [...container.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];

beforeEach(() => {
  layout = LAYOUT;
  routes = [];
  localStorage.clear();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('Custom Scalars dashboard', () => {
  it('says so when no run wrote a layout', async () => {
    layout = {};
    await mount(props());
    expect(all('cs-no-layout')).toHaveLength(1);
  });

  it('shows the categories, closed ones closed, and a line per run and matched tag', async () => {
    await mount(props());
    expect(all('cs-category').map((c) => c.querySelector('button')?.getAttribute('aria-expanded'))).toEqual(['true', 'false']);
    expect(all('chart-line').map((l) => `${l.dataset.run} ${l.dataset.tag} ${l.getAttribute('stroke')}`)).toEqual([
      'adam loss #0077bb',
      'adam val_loss #0077bb',
      'sgd loss #ff7043',
      'sgd val_loss #ff7043',
    ]);
    // The closed category asked for nothing.
    expect(routes.filter((r) => r.includes('acc'))).toEqual([]);
    expect(routes.filter((r) => r.startsWith('scalars?')).sort()).toEqual([
      'scalars?run=adam&tag=loss',
      'scalars?run=adam&tag=val_.*',
      'scalars?run=sgd&tag=loss',
      'scalars?run=sgd&tag=val_.*',
    ]);
  });

  it('opens a closed category on a click, asks for its exact tags, and remembers it', async () => {
    await mount(props({ selectedRuns: ['adam'] }));
    await act(async () => {
      all('cs-category')[1]!.querySelector('button')!.click();
    });
    await settle();
    expect(routes.filter((r) => r.includes('acc')).sort()).toEqual(['scalars?run=adam&tag=acc%24', 'scalars?run=adam&tag=acc_hi%24', 'scalars?run=adam&tag=acc_lo%24']);
    render(null, container);
    await mount(props());
    expect(all('cs-category')[1]!.querySelector('button')!.getAttribute('aria-expanded')).toBe('true');
  });

  it('refetches only the runs that changed on a reload signal', async () => {
    const p = props();
    await mount(p);
    routes = [];
    await mount({ ...p, reloadSignal: 1, changedRuns: ['sgd'] });
    expect(routes.filter((r) => r.startsWith('scalars?')).sort()).toEqual(['scalars?run=sgd&tag=loss', 'scalars?run=sgd&tag=val_.*']);
    expect(routes).toContain('layout');
  });
});

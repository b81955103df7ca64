// @vitest-environment happy-dom
import type { DashboardProps, PluginFetch } from '@tb/ui';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CARD_SIZES } from './card-width.js';
import Dashboard from './Dashboard.js';

const TAGS = {
  'adam/train': { 'train/loss': { displayName: '', description: '' }, 'train/acc': { displayName: '', description: '' } },
  'sgd/train': { 'train/loss': { displayName: '', description: '' }, 'eval/loss': { displayName: '', description: '' } },
};

interface Call {
  readonly route: string;
  readonly body: string;
}

function fakeFetch(calls: Call[], tags: object = TAGS): PluginFetch {
  return {
    json: async <T,>(route: string, init?: RequestInit) => {
      calls.push({ route, body: init?.body ? String(init.body) : '' });
      if (route === 'tags') return tags as T;
      if (route === 'scalars_multirun') {
        const runs = new URLSearchParams(String(init?.body)).getAll('runs');
        return Object.fromEntries(runs.map((r) => [r, [[1000, 0, 1], [1001, 1, 'NaN'], [1002, 2, 0.5]]])) as T;
      }
      throw new Error(`unexpected route ${route}`);
    },
    raw: () => Promise.reject(new Error('unused')),
    url: (route) => `/data/plugin/scalars/${route}`,
  };
}

/** Every observed element is at once in view and 500 x 240 px. */
class VisibleObserver {
  constructor(private readonly callback: (entries: unknown[]) => void) {}
  observe(target: Element) {
    queueMicrotask(() => this.callback([{ target, isIntersecting: true, contentRect: { width: 500, height: 240 } }]));
  }
  unobserve() {}
  disconnect() {}
}

let container: HTMLElement;
let calls: Call[];

function props(overrides: Partial<DashboardProps> = {}): DashboardProps {
  return {
    pluginId: 'scalars',
    runs: [
      { name: 'adam/train', startTime: null },
      { name: 'sgd/train', startTime: null },
    ],
    selectedRuns: ['adam/train', 'sgd/train'],
    runColors: { 'adam/train': '#0077bb', 'sgd/train': '#ff7043' },
    fetch: fakeFetch(calls),
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
  // Observers report, effects run (after a frame), fetches answer: let it all settle.
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 30));
    });
  }
}

const cards = () => [...container.querySelectorAll('[data-testid^="scalar-card-"]')].map((e) => e.getAttribute('data-testid'));

beforeEach(() => {
  calls = [];
  localStorage.clear();
  Object.assign(globalThis, { IntersectionObserver: VisibleObserver, ResizeObserver: VisibleObserver });
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('Dashboard', () => {
  it('shows a card per tag of the selected runs, grouped by prefix, with a canvas each', async () => {
    await mount(props());
    expect(cards()).toEqual(['scalar-card-eval/loss', 'scalar-card-train/acc', 'scalar-card-train/loss']);
    expect(container.querySelector('[data-testid="tag-group-train"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="scalar-canvas-train/loss"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="smoothing"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="tag-filter"]')).not.toBeNull();
  });

  it('lets groups of one card (Keras: one tag per group) flow together in one grid, without headers', async () => {
    const keras = { 'adam/train': Object.fromEntries(['epoch_loss', 'epoch_accuracy', 'batch_loss'].map((t) => [t, { displayName: '', description: '' }])) };
    await mount(props({ fetch: fakeFetch(calls, keras), selectedRuns: ['adam/train'] }));
    const flows = container.querySelectorAll('[data-testid="tag-flow"]');
    expect(flows).toHaveLength(1);
    expect([...flows[0]!.querySelectorAll('[data-testid^="scalar-card-"]')].map((e) => e.getAttribute('data-testid'))).toEqual([
      'scalar-card-batch_loss',
      'scalar-card-epoch_accuracy',
      'scalar-card-epoch_loss',
    ]);
    expect(container.querySelector('[data-testid^="tag-group-"]')).toBeNull();
  });

  it('sizes the card grid by the card-width setting and remembers it', async () => {
    await mount(props());
    const root = container.querySelector<HTMLElement>('[data-testid="scalars-dashboard"]')!;
    const minWidth = () => root.style.getPropertyValue('--tb-card-min-width');
    expect(minWidth()).toBe(`${CARD_SIZES.medium.minWidth}px`);
    await act(async () => {
      container.querySelector<HTMLButtonElement>('[data-testid="card-width-small"]')!.click();
    });
    expect(minWidth()).toBe(`${CARD_SIZES.small.minWidth}px`);
    expect(root.style.getPropertyValue('--tb-scalars-chart-height')).toBe(`${CARD_SIZES.small.chartHeight}px`);
    expect(JSON.parse(localStorage.getItem('tb-core.scalars.settings')!)).toMatchObject({ cardWidth: 'small' });
    render(null, container);
    await mount(props());
    expect(container.querySelector('[data-testid="card-width-small"]')!.getAttribute('aria-checked')).toBe('true');
  });

  it('remembers the tooltip setting (all runs, or only the nearest N)', async () => {
    await mount(props());
    const select = container.querySelector<HTMLSelectElement>('[data-testid="tooltip-runs"]')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['All runs', 'Nearest run', 'Nearest 3 runs', 'Nearest 5 runs']);
    await act(async () => {
      select.value = '3';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(JSON.parse(localStorage.getItem('tb-core.scalars.settings')!)).toMatchObject({ tooltipRuns: 3 });
  });

  it('hides cards that no selected run has', async () => {
    await mount(props({ selectedRuns: ['adam/train'] }));
    expect(cards()).toEqual(['scalar-card-train/acc', 'scalar-card-train/loss']);
  });

  it('fetches each visible card with one multirun POST, downsampled to about 2 points per pixel', async () => {
    await mount(props());
    const posts = calls.filter((c) => c.route === 'scalars_multirun').map((c) => new URLSearchParams(c.body));
    const loss = posts.find((b) => b.get('tag') === 'train/loss')!;
    expect(loss.getAll('runs')).toEqual(['adam/train', 'sgd/train']);
    expect(loss.get('downsample')).toBe('1000');
    expect(posts.find((b) => b.get('tag') === 'eval/loss')!.getAll('runs')).toEqual(['sgd/train']);
  });

  it('remembers the smoothing in localStorage', async () => {
    await mount(props());
    const slider = container.querySelector<HTMLInputElement>('[data-testid="smoothing"]')!;
    await act(async () => {
      slider.value = '0.9';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(JSON.parse(localStorage.getItem('tb-core.scalars.settings')!)).toMatchObject({ smoothing: 0.9 });
    expect(container.querySelector<HTMLInputElement>('[data-testid="smoothing-value"]')!.value).toBe('0.900');
  });

  it('moves a pinned card to the Pinned group and remembers it', async () => {
    await mount(props());
    await act(async () => {
      container.querySelector<HTMLButtonElement>('[data-testid="pin-train/loss"]')!.click();
    });
    const pinned = container.querySelector('[data-testid="tag-group-pinned"]')!;
    expect(pinned.querySelector('[data-testid="scalar-card-train/loss"]')).not.toBeNull();
    expect(container.querySelectorAll('[data-testid="scalar-card-train/loss"]').length).toBe(1);
    expect(JSON.parse(localStorage.getItem('tb-core.scalars.pins')!)).toEqual(['train/loss']);
  });

  it('refetches when the reload signal changes', async () => {
    const p = props();
    await mount(p);
    const before = calls.length;
    await mount({ ...p, reloadSignal: 1, changedRuns: ['sgd/train'] });
    const after = calls.slice(before);
    expect(after.some((c) => c.route === 'tags')).toBe(true);
    const reposted = after.filter((c) => c.route === 'scalars_multirun').map((c) => new URLSearchParams(c.body).getAll('runs'));
    expect(reposted.length).toBeGreaterThan(0);
    expect(reposted.every((runs) => runs.length === 1 && runs[0] === 'sgd/train')).toBe(true);
  });

  it('says so when no run is selected', async () => {
    await mount(props({ selectedRuns: [] }));
    expect(container.querySelector('[data-testid="scalars-no-runs"]')).not.toBeNull();
  });
});

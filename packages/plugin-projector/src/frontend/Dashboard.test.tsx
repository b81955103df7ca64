// @vitest-environment happy-dom
import type { DashboardProps, PluginFetch } from '@tb/ui';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InfoResponse, ProjectionRequest } from '../api-types.js';
import { encodeBase64Float32 } from './float-data.js';
import type { ScatterCallbacks } from './scatter-view.js';

/** The WebGL view, replaced by a recorder (happy-dom has no WebGL). */
const views: FakeView[] = [];
class FakeView {
  positions: Float32Array = new Float32Array(0);
  states: Float32Array = new Float32Array(0);
  constructor(
    readonly container: HTMLElement,
    readonly callbacks: ScatterCallbacks,
  ) {
    views.push(this);
  }
  setPositions(p: Float32Array) {
    this.positions = p;
  }
  setStates(s: Float32Array) {
    this.states = s;
  }
  setColors() {}
  setSprites() {}
  setDark() {}
  setFramed() {}
  setLabels() {}
  setCamera() {}
  dispose() {}
}
vi.mock('./scatter-view.js', () => ({ ScatterView: FakeView }));

/** EventSource, driven by the test. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  readonly listeners = new Map<string, ((e: Event) => void)[]>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, f: (e: Event) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), f]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    for (const f of this.listeners.get(type) ?? []) f(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

const INFO: InfoResponse = { embeddings: [{ tensorName: 'emb', tensorShape: [4, 3], metadataPath: 'm.tsv', bookmarksPath: 'b.json' }] };
/** A saved state as TensorBoard writes it: 2-D t-SNE positions, a camera, a selection. */
const BOOKMARKS = [
  {
    label: 'two clusters',
    selectedProjection: 'tsne',
    tSNEis3d: false,
    projections: [{ 'tsne-0': 0, 'tsne-1': 0 }, { 'tsne-0': 1, 'tsne-1': 0 }, { 'tsne-0': 0, 'tsne-1': 1 }, { 'tsne-0': 1, 'tsne-1': 1 }],
    cameraDef: { orthographic: true, position: [0, 0, 4], target: [0, 0, 0], zoom: 1 },
    selectedPoints: [3],
    selectedColorOptionName: 'split',
  },
];
const METADATA = 'label\tsplit\na\ttrain\nb\ttest\na\ttest\nc\ttrain\n';
let posts: ProjectionRequest[];
let routes: string[];
let container: HTMLElement;

const fakeFetch: PluginFetch = {
  json: async <T,>(route: string, init?: RequestInit) => {
    routes.push(route);
    if (route === 'runs') return ['.'] as T;
    if (route.startsWith('info?')) return INFO as T;
    if (route === 'projections' && init?.method === 'POST') {
      posts.push(JSON.parse(String(init.body)) as ProjectionRequest);
      return { id: `job${posts.length}` } as T;
    }
    if (route.startsWith('neighbors?')) {
      const index = Number(new URLSearchParams(route.split('?')[1]).get('index'));
      return { index, metric: 'cosine', neighbors: [{ index: 2, distance: 0.125 }, { index: 3, distance: 0.5 }] } as T;
    }
    throw new Error(`unexpected route ${route}`);
  },
  raw: async (route: string) => {
    routes.push(route);
    if (route.startsWith('metadata?')) return new Response(METADATA);
    if (route.startsWith('bookmarks?')) return new Response(JSON.stringify(BOOKMARKS));
    return new Response('', { status: 204 });
  },
  url: (route) => `/data/plugin/projector/${route}`,
};

function props(): DashboardProps {
  return {
    pluginId: 'projector',
    runs: [{ name: '.', startTime: null }],
    selectedRuns: ['.'],
    runColors: {},
    fetch: fakeFetch,
    settings: { darkMode: false, reloadIntervalSec: 0 },
    reloadSignal: 0,
    changedRuns: [],
    selectRuns: () => undefined,
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });
  }
}
const q = (testId: string) => container.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
async function click(el: Element | null): Promise<void> {
  expect(el).not.toBeNull();
  await act(async () => {
    (el as HTMLElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });
  await settle();
}
async function emit(type: string, data: unknown): Promise<void> {
  await act(async () => FakeEventSource.last!.emit(type, data));
  await settle();
}

beforeEach(() => {
  posts = [];
  routes = [];
  views.length = 0;
  localStorage.clear();
  history.replaceState(null, '', '/#tab=projector');
  vi.stubGlobal('EventSource', FakeEventSource);
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.unstubAllGlobals();
});

describe('Projector dashboard', () => {
  it('runs PCA, draws its layout, searches, selects and lists neighbours', async () => {
    const { default: Dashboard } = await import('./Dashboard.js');
    await act(async () => render(<Dashboard {...props()} />, container));
    await settle();
    expect(posts).toEqual([{ run: '.', tensor: 'emb', method: 'pca', params: { dims: 3, components: 3 } }]);
    expect(FakeEventSource.last!.url).toBe('/data/plugin/projector/projections/job1/events');

    await emit('progress', { fraction: 0.5, step: 1, backend: 'wasm' });
    expect(q('projector-progress')!.textContent).toMatch(/PCA · step 1 · on wasm/);
    const result = new Float32Array([1, 0, 0, -1, 0, 0, 0, 2, 0, 0, -2, 1]);
    await emit('done', { result: encodeBase64Float32(result), dims: 3, variance: [0.5, 0.3, 0.1] });
    expect(q('projector-progress')!.dataset['phase']).toBe('done');
    expect(views[0]!.positions.length).toBe(12);
    expect(q('projector-variance')!.textContent).toMatch(/90\.0%/);

    const search = q('projector-search') as HTMLInputElement;
    await act(async () => {
      search.value = '^a$';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle();
    expect(q('projector-match-count')!.dataset['count']).toBe('2');
    expect([...views[0]!.states]).toEqual([1, 0, 1, 0]);

    await act(async () => views[0]!.callbacks.onPick(1, false));
    await settle();
    expect(routes.some((r) => r.startsWith('neighbors?run=.&tensor=emb&index=1&k=10'))).toBe(true);
    const items = [...container.querySelectorAll('[data-testid="projector-neighbor"]')].map((e) => e.textContent);
    expect(items).toEqual(['a#20.125', 'c#30.5']);
    // Selected 3, neighbours 2, matches 1 (point 0 is a match only).
    expect([...views[0]!.states]).toEqual([1, 3, 2, 2]);

    await click(q('projector-isolate'));
    expect([...views[0]!.states]).toEqual([-1, 3, 2, 2]);
    expect(new URLSearchParams(location.hash.slice(1)).get('tab')).toBe('projector');
  });

  it('follows t-SNE layouts live, and holds them while paused', async () => {
    const { default: Dashboard } = await import('./Dashboard.js');
    await act(async () => render(<Dashboard {...props()} />, container));
    await settle();
    await click(q('projector-method-tsne'));
    expect(posts.at(-1)).toEqual({ run: '.', tensor: 'emb', method: 'tsne', params: { dims: 3, perplexity: 30, learningRate: 10 } });
    const layout = (v: number) => ({ step: v, dims: 3, data: encodeBase64Float32(new Float32Array(12).map((_, i) => (i % 3 === 0 ? i * v : i))) });
    await emit('layout', layout(1));
    const first = [...views[0]!.positions];
    expect(first.length).toBe(12);
    await click(q('projector-pause'));
    await emit('layout', layout(5));
    expect([...views[0]!.positions]).toEqual(first);
    await click(q('projector-pause'));
    expect([...views[0]!.positions]).not.toEqual(first);
  });

  it('loads a bookmark: its positions, selection and colouring, without a new job', async () => {
    const { default: Dashboard } = await import('./Dashboard.js');
    await act(async () => render(<Dashboard {...props()} />, container));
    await settle();
    expect(posts).toHaveLength(1);
    await click(q('projector-bookmark'));
    expect(posts).toHaveLength(1);
    expect(views[0]!.positions.length).toBe(12);
    expect(views[0]!.positions[2]).toBe(0);
    expect(q('projector-scatter')!.dataset['dims']).toBe('2');
    expect(q('projector-selection')!.dataset['count']).toBe('1');
    expect((q('projector-color-by') as HTMLSelectElement).value).toBe('split');
    expect(q('projector-progress')!.textContent).toMatch(/From a bookmark/);
  });

  it('restores the view from a link', async () => {
    history.replaceState(null, '', `/#tab=projector&projector=${encodeURIComponent(JSON.stringify({ method: 'umap', dims: 2, params: { neighbors: 7 } }))}`);
    const { default: Dashboard } = await import('./Dashboard.js');
    await act(async () => render(<Dashboard {...props()} />, container));
    await settle();
    expect(posts).toEqual([{ run: '.', tensor: 'emb', method: 'umap', params: { dims: 2, neighbors: 7 } }]);
  });
});

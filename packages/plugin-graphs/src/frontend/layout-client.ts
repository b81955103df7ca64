/**
 * Runs the layout off the main thread. The usual `new Worker(new URL('./x.worker.ts',
 * import.meta.url))` does not work in a federated remote built by tb-plugin-build: rspack
 * puts a copy of the federation runtime into the worker chunk, which then expects the
 * runtime the shell provides on `window` (`_FEDERATION_RUNTIME_CORE`) and throws at start-up.
 * So the Worker is made from a Blob instead: it loads dagre's standalone build (bundled as an
 * asset next to the remote's chunks, so it is served from the remote's public path) with
 * `importScripts`, then runs the layout engine's own source text. Where no Worker can start
 * (no Worker API, a Content-Security-Policy without blob:, the asset missing), the layout
 * runs on the main thread, one group at a time with a yield to the browser between groups.
 */
import { createLayoutEngine, type DagreLike, type LayoutEngine } from './layout-engine.js';
import type { GroupLayout, LayoutGroupSpec } from './layout-types.js';

/** dagre's standalone (UMD) build, which defines the global `dagre`. */
const DAGRE_URL = new URL('../../node_modules/@dagrejs/dagre/dist/dagre.min.js', import.meta.url);

/** Where the layout runs. */
export type LayoutMode = 'worker' | 'main-thread';

/** Lays out group trees; the latest request does not cancel earlier ones. */
export interface LayoutClient {
  layout(spec: LayoutGroupSpec): Promise<GroupLayout>;
  /** Where layouts run now (a worker that failed to start falls back for good). */
  mode(): LayoutMode;
  dispose(): void;
}

interface Pending {
  readonly spec: LayoutGroupSpec;
  readonly resolve: (layout: GroupLayout) => void;
  readonly reject: (error: Error) => void;
}

type Reply = { readonly id: number; readonly layout: GroupLayout } | { readonly id: number; readonly error: string };

/** The worker's script: dagre from the remote's assets, then the engine, then the message loop. */
function workerSource(dagreUrl: string): string {
  return [
    `importScripts(${JSON.stringify(dagreUrl)});`,
    `const engine = (${createLayoutEngine.toString()})(dagre);`,
    'self.onmessage = (event) => {',
    '  const { id, spec } = event.data;',
    '  try { self.postMessage({ id, layout: engine.layoutTree(spec) }); }',
    '  catch (error) { self.postMessage({ id, error: String((error && error.message) || error) }); }',
    '};',
  ].join('\n');
}

/** Yields to the browser (input, paint) between groups of a main-thread layout. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Lays out a tree one group at a time, innermost first, yielding between groups. */
export async function layoutInChunks(engine: LayoutEngine, spec: LayoutGroupSpec, pause: () => Promise<void> = yieldToBrowser): Promise<GroupLayout> {
  const children = new Map<string, GroupLayout>();
  for (const n of spec.nodes) if (n.group) children.set(n.id, await layoutInChunks(engine, n.group, pause));
  await pause();
  return engine.layoutGroup(spec, children);
}

/**
 * A layout client: in a Worker when `useWorker` (the default) and the page allows one,
 * else on the main thread in chunks.
 */
export function createLayoutClient(useWorker = true): LayoutClient {
  let mainEngine: Promise<LayoutEngine> | null = null;
  const onMainThread = (spec: LayoutGroupSpec): Promise<GroupLayout> => {
    mainEngine ??= import('@dagrejs/dagre').then((m) => createLayoutEngine(m.default as unknown as DagreLike));
    return mainEngine.then((engine) => layoutInChunks(engine, spec));
  };

  let worker: Worker | null = null;
  let blobUrl: string | null = null;
  if (useWorker && typeof Worker !== 'undefined' && typeof Blob !== 'undefined' && typeof URL.createObjectURL === 'function') {
    try {
      blobUrl = URL.createObjectURL(new Blob([workerSource(DAGRE_URL.href)], { type: 'text/javascript' }));
      worker = new Worker(blobUrl, { name: 'tb-graphs-layout' });
    } catch {
      worker = null;
    }
  }

  let nextId = 1;
  const pending = new Map<number, Pending>();
  const fallBack = () => {
    worker?.terminate();
    worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) onMainThread(p.spec).then(p.resolve, p.reject);
  };
  if (worker) {
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data;
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if ('error' in reply) p.reject(new Error(`the graph layout failed: ${reply.error}`));
      else p.resolve(reply.layout);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fallBack();
    };
  }

  return {
    layout(spec) {
      if (!worker) return onMainThread(spec);
      const id = nextId++;
      return new Promise<GroupLayout>((resolve, reject) => {
        pending.set(id, { spec, resolve, reject });
        worker!.postMessage({ id, spec });
      });
    },
    mode: () => (worker ? 'worker' : 'main-thread'),
    dispose() {
      worker?.terminate();
      worker = null;
      if (blobUrl) URL.revokeObjectURL(blobUrl);
      for (const p of pending.values()) p.reject(new Error('the graph layout was stopped'));
      pending.clear();
    },
  };
}

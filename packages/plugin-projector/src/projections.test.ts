/**
 * The compute routes: a PCA projection of demo-sized data (500 x 100) streamed as
 * server-sent events, cancel, the limit on running jobs, and nearest neighbours against
 * brute force. The real in-thread runner does PCA and kNN; a stub runner stands in for a
 * slow t-SNE, so that cancelling and the limit are tested without waiting.
 */
import { describe, expect, it } from 'vitest';
import type { ComputeRunner, KnnOptions, TsneOptions } from '@tb/core/plugin';
import { CpuComputeRunner, hostPlugin, MemoryProvider } from '@tb/core/testing';
import type { DoneEvent, NeighborsResponse, ProgressEvent, ProjectionCreated } from './api-types.js';
import { base64ToFloat32 } from './base64.js';
import { createProjectorPlugin } from './index.js';
import { parseEvents } from './sse.js';

const P = '/data/plugin/projector';
const N = 500;
const D = 100;

/** 500 points in 5 clusters along different axes, deterministic. */
function demoData(): Float32Array {
  let s = 12345;
  const rand = (): number => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const out = new Float32Array(N * D);
  for (let i = 0; i < N; i++) for (let j = 0; j < D; j++) out[i * D + j] = rand() * 0.3 + (j % 5 === i % 5 ? 3 + j / 50 : 0);
  return out;
}
const DATA = demoData();
const TSV = Array.from({ length: N }, (_, i) => Array.from(DATA.subarray(i * D, (i + 1) * D), String).join('\t')).join('\n');
const provider = (): MemoryProvider => new MemoryProvider().addFile('projector_config.pbtxt', 'embeddings { tensor_name: "emb" tensor_path: "emb.tsv" }').addFile('emb.tsv', TSV);

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** A runner whose t-SNE runs until aborted, reporting progress and layouts. */
function slowRunner(): ComputeRunner {
  const cpu = new CpuComputeRunner();
  return Object.assign(Object.create(cpu) as ComputeRunner, {
    info: async () => ({ backend: 'stub', skipped: [] }),
    tsne: (_data: Float32Array, n: number, _d: number, o: TsneOptions) =>
      new Promise<Float32Array>((_resolve, reject) => {
        let step = 0;
        const timer = setInterval(() => {
          step += 10;
          o.onProgress?.({ fraction: Math.min(0.99, step / 10_000), step, layout: new Float32Array(n * o.dims) });
        }, 5);
        o.signal?.addEventListener('abort', () => {
          clearInterval(timer);
          reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
        });
      }),
  });
}

describe('POST projections and their events', () => {
  it('streams a PCA of 500 x 100 as progress events, then done with the layout and variances', async () => {
    const app = hostPlugin(createProjectorPlugin(), provider());
    const res = await app.request(`${P}/projections`, post({ run: '.', tensor: 'emb', method: 'pca', params: { dims: 3 } }));
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as ProjectionCreated;
    const events = await app.request(`${P}/projections/${id}/events`);
    expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const list = parseEvents(await events.text());
    const names = list.map((e) => e.event);
    expect(names[0]).toBe('progress');
    expect(names[names.length - 1]).toBe('done');
    expect((list[0]!.data as ProgressEvent).backend).toBe('cpu');
    const done = list[list.length - 1]!.data as DoneEvent;
    const layout = base64ToFloat32(done.result);
    expect(done.dims).toBe(3);
    expect(layout).toHaveLength(N * 3);
    expect(done.variance).toHaveLength(3);
    expect(done.variance![0]!).toBeGreaterThanOrEqual(done.variance![1]!);
    // The same as the runner's own PCA of the tensor the `tensor` route serves.
    const tensor = new Float32Array(await (await app.request(`${P}/tensor?run=.&name=emb`)).arrayBuffer());
    expect(tensor).toEqual(DATA);
    const direct = await new CpuComputeRunner().pca(tensor, N, D, { components: 3 });
    expect(layout).toEqual(direct.projected);
  });

  it.each([
    ['tsne', { dims: 2, numRows: 150, iterations: 200 }],
    ['umap', { dims: 3, numRows: 150 }],
  ] as const)('streams a %s of the first 150 points to a done layout of that size', async (method, params) => {
    const app = hostPlugin(createProjectorPlugin(), provider());
    const { id } = (await (await app.request(`${P}/projections`, post({ run: '.', tensor: 'emb', method, params }))).json()) as ProjectionCreated;
    const list = parseEvents(await (await app.request(`${P}/projections/${id}/events`)).text());
    expect(list[0]!.event).toBe('progress');
    const last = list[list.length - 1]!;
    expect(last.event).toBe('done');
    const done = last.data as DoneEvent;
    expect(done.dims).toBe(params.dims);
    const layout = base64ToFloat32(done.result);
    expect(layout).toHaveLength(150 * params.dims);
    expect(layout.every(Number.isFinite)).toBe(true);
  });

  it('cancels a running job with DELETE: its stream ends with an error event', async () => {
    const app = hostPlugin(createProjectorPlugin(), provider(), { compute: slowRunner() });
    const { id } = (await (await app.request(`${P}/projections`, post({ run: '.', tensor: 'emb', method: 'tsne', params: { dims: 2 } }))).json()) as ProjectionCreated;
    const stream = app.request(`${P}/projections/${id}/events`);
    await new Promise((r) => setTimeout(r, 50));
    expect(await (await app.request(`${P}/projections/${id}`, { method: 'DELETE' })).json()).toEqual({ id, cancelled: true });
    const list = parseEvents(await (await stream).text());
    expect(list.some((e) => e.event === 'layout')).toBe(true);
    expect(list[list.length - 1]).toEqual({ event: 'error', data: { message: `projection ${id} was cancelled` } });
    expect(await (await app.request(`${P}/projections/${id}`, { method: 'DELETE' })).json()).toEqual({ id, cancelled: false });
  });

  it('runs at most two at once, with a 429 that says so', async () => {
    const app = hostPlugin(createProjectorPlugin(), provider(), { compute: slowRunner() });
    const body = post({ run: '.', tensor: 'emb', method: 'tsne' });
    const ids = [];
    for (let i = 0; i < 2; i++) ids.push(((await (await app.request(`${P}/projections`, body)).json()) as ProjectionCreated).id);
    const third = await app.request(`${P}/projections`, post({ run: '.', tensor: 'emb', method: 'tsne' }));
    expect(third.status).toBe(429);
    expect(await third.text()).toMatch(/2 projections are already running \(the most at once is 2\)/);
    for (const id of ids) await app.request(`${P}/projections/${id}`, { method: 'DELETE' });
    expect((await app.request(`${P}/projections`, post({ run: '.', tensor: 'emb', method: 'tsne' }))).status).toBe(200);
  });

  it('replays the last progress and the end to a late client, then drops the finished job after keepFinishedMs', async () => {
    const app = hostPlugin(createProjectorPlugin({ jobs: { keepFinishedMs: 100 } }), provider());
    const { id } = (await (await app.request(`${P}/projections`, post({ run: '.', tensor: 'emb', method: 'pca' }))).json()) as ProjectionCreated;
    await app.request(`${P}/projections/${id}/events`).then((r) => r.text());
    const late = parseEvents(await (await app.request(`${P}/projections/${id}/events`)).text());
    expect(late.map((e) => e.event)).toEqual(['progress', 'done']);
    expect((late[0]!.data as ProgressEvent).fraction).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    const gone = await app.request(`${P}/projections/${id}/events`);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain(`no projection with id \\"${id}\\"`);
  });

  it('refuses unknown tensors, methods and ids', async () => {
    const app = hostPlugin(createProjectorPlugin(), provider());
    const bad = await app.request(`${P}/projections`, post({ run: '.', tensor: 'nope', method: 'pca' }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('tensor: expected one of the run\'s embeddings (\\"emb\\"), found \\"nope\\"');
    expect((await app.request(`${P}/projections`, post({ run: '.', tensor: 'emb', method: 'lda' }))).status).toBe(400);
    expect((await app.request(`${P}/projections/unknown/events`)).status).toBe(404);
    expect((await app.request(`${P}/projections/unknown`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('GET neighbors', () => {
  function bruteForce(index: number, metric: 'euclidean' | 'cosine'): { index: number; distance: number }[] {
    const row = (i: number) => DATA.subarray(i * D, (i + 1) * D);
    const a = row(index);
    const out = [];
    for (let i = 0; i < N; i++) {
      if (i === index) continue;
      const b = row(i);
      let dot = 0, na = 0, nb = 0, sq = 0;
      for (let j = 0; j < D; j++) {
        dot += a[j]! * b[j]!;
        na += a[j]! ** 2;
        nb += b[j]! ** 2;
        sq += (a[j]! - b[j]!) ** 2;
      }
      out.push({ index: i, distance: metric === 'euclidean' ? Math.sqrt(sq) : 1 - dot / Math.sqrt(na * nb) });
    }
    return out.sort((x, y) => x.distance - y.distance);
  }

  it('finds the k nearest points, as brute force does, computing the kNN table once per tensor', async () => {
    const cpu = new CpuComputeRunner();
    let calls = 0;
    const counting = Object.assign(Object.create(cpu) as ComputeRunner, {
      knn: (data: Float32Array, n: number, d: number, o: KnnOptions) => {
        calls++;
        return cpu.knn(data, n, d, o);
      },
    });
    const app = hostPlugin(createProjectorPlugin(), provider(), { compute: counting });
    for (const metric of ['euclidean', 'cosine'] as const) {
      for (const index of [0, 7, 499]) {
        const got = await app.json<NeighborsResponse>(`${P}/neighbors?run=.&tensor=emb&index=${index}&k=8&metric=${metric}`);
        const want = bruteForce(index, metric).slice(0, 8);
        expect(got.neighbors.map((n) => n.index)).toEqual(want.map((n) => n.index));
        got.neighbors.forEach((n, i) => expect(n.distance).toBeCloseTo(want[i]!.distance, 3));
      }
    }
    expect(calls).toBe(2);
    expect((await app.request(`${P}/neighbors?run=.&tensor=emb&index=500&k=3`)).status).toBe(400);
  });
});

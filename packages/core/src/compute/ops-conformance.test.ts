/**
 * One suite for every compute runner present: the plain JavaScript one, and the worker
 * runner (built: ../../dist/compute/worker.js) on WASM and on tfjs's CPU backend. PCA is
 * checked against ml-pca, exact kNN against brute force, t-SNE and UMAP by how well
 * their layouts keep clusters together; seeds repeat; cancellation is prompt and the
 * runner keeps serving; progress carries intermediate layouts.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PCA } from 'ml-pca';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobProgress } from './jobs.js';
import { gaussian, mulberry32 } from './prng.js';
import { CpuComputeRunner, type ComputeRunner } from './runner.js';
import { WorkerComputeRunner } from './worker-runner.js';

const workerScript = new URL('../../dist/compute/worker.js', import.meta.url);
const built = existsSync(fileURLToPath(workerScript));

const RUNNERS: [string, () => ComputeRunner][] = [
  ['CpuComputeRunner', () => new CpuComputeRunner()],
  ...(built
    ? ([
        ['worker runner on wasm', () => new WorkerComputeRunner(workerScript, 'wasm')],
        ['worker runner on cpu', () => new WorkerComputeRunner(workerScript, 'cpu')],
      ] as [string, () => ComputeRunner][])
    : []),
];

if (!built) console.warn('ops-conformance: packages/core is not built, so the worker runners are not tested (run the build first)');

/** A seeded uniform n x d matrix in [-1, 1). */
function uniformMatrix(n: number, d: number, seed: number): Float32Array {
  const u = mulberry32(seed);
  return Float32Array.from({ length: n * d }, () => 2 * u() - 1);
}

/** `per` points around each of `k` Gaussian centres in d dimensions; labels say which. */
function blobs(k: number, per: number, d: number, seed: number): { data: Float32Array; labels: Int32Array; n: number } {
  const g = gaussian(mulberry32(seed));
  const centres = Array.from({ length: k }, () => Array.from({ length: d }, () => 8 * g()));
  const n = k * per;
  const data = new Float32Array(n * d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % k;
    for (let t = 0; t < d; t++) data[i * d + t] = centres[i % k]![t]! + g();
  }
  return { data, labels, n };
}

/** Brute-force neighbours in float64: for each point, [index, distance] sorted, itself excluded. */
function bruteForce(data: Float32Array, n: number, d: number, metric: 'cosine' | 'euclidean'): [number, number][][] {
  const out: [number, number][][] = [];
  for (let i = 0; i < n; i++) {
    const row: [number, number][] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let dot = 0;
      let ni = 0;
      let nj = 0;
      let sq = 0;
      for (let t = 0; t < d; t++) {
        const a = data[i * d + t]!;
        const b = data[j * d + t]!;
        dot += a * b;
        ni += a * a;
        nj += b * b;
        sq += (a - b) * (a - b);
      }
      row.push([j, metric === 'euclidean' ? Math.sqrt(sq) : 1 - dot / Math.sqrt(ni * nj)]);
    }
    out.push(row.sort((a, b) => a[1] - b[1]));
  }
  return out;
}

/** Share of each point's 10 nearest layout neighbours that carry its label. */
function preservation(layout: Float32Array, labels: Int32Array, dims: number): number {
  const n = labels.length;
  const k = 10;
  let same = 0;
  for (let i = 0; i < n; i++) {
    const dist: [number, number][] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let t = 0; t < dims; t++) s += (layout[i * dims + t]! - layout[j * dims + t]!) ** 2;
      dist.push([s, j]);
    }
    dist.sort((a, b) => a[0] - b[0]);
    for (let t = 0; t < k; t++) if (labels[dist[t]![1]] === labels[i]) same++;
  }
  return same / (n * k);
}

describe.each(RUNNERS)('compute jobs: %s', (_name, make) => {
  const runner = make();
  afterAll(() => runner.close());

  it('PCA matches ml-pca (up to sign) on a fixed random 500 x 20 matrix', async () => {
    const [n, d, c] = [500, 20, 5];
    const data = uniformMatrix(n, d, 42);
    const rows = Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * d, i * d + d)));
    const ref = new PCA(rows, { center: true, scale: false });
    const vectors = ref.getEigenvectors();
    const refProjected = ref.predict(rows, { nComponents: c });
    const refVariance = ref.getExplainedVariance();
    const got = await runner.pca(data, n, d, { components: c });
    expect(got.components.length).toBe(c * d);
    expect(got.projected.length).toBe(n * c);
    for (let k = 0; k < c; k++) {
      const sign = Math.sign(vectors.get(0, k)) === Math.sign(got.components[k * d]!) ? 1 : -1;
      for (let j = 0; j < d; j++) expect(Math.abs(got.components[k * d + j]! - sign * vectors.get(j, k))).toBeLessThan(1e-4);
      for (let i = 0; i < n; i++) expect(Math.abs(got.projected[i * c + k]! - sign * refProjected.get(i, k))).toBeLessThan(1e-4);
      expect(Math.abs(got.variance[k]! - refVariance[k]!)).toBeLessThan(1e-4);
      // The sign convention: each component's largest-magnitude entry is positive.
      const row = Array.from(got.components.subarray(k * d, k * d + d));
      const big = row.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
      expect(big).toBeGreaterThan(0);
    }
  });

  it('rejects bad shapes, saying what was expected and found', async () => {
    await expect(runner.pca(new Float32Array(10), 3, 3, { components: 2 })).rejects.toThrow('pca: expected 3x3 = 9 numbers, found 10');
    await expect(runner.knn(new Float32Array(9), 3, 3, { k: 3, metric: 'cosine' })).rejects.toThrow('knn: expected k between 1 and n - 1 = 2, found 3');
  });

  it.each(['euclidean', 'cosine'] as const)('exact kNN (%s) equals brute force', async (metric) => {
    const [n, d, k] = [300, 16, 7];
    const data = uniformMatrix(n, d, 7);
    const want = bruteForce(data, n, d, metric);
    const got = await runner.knn(data, n, d, { k, metric, approximate: false });
    expect(got.method).toBe('exact');
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < k; t++) {
        const [j, dist] = want[i]![t]!;
        expect(Math.abs(got.distances[i * k + t]! - dist)).toBeLessThan(1e-4);
        // The same neighbour, unless two candidates are tied to float32 precision.
        if (got.indices[i * k + t] !== j) expect(Math.abs(want[i]!.find(([jj]) => jj === got.indices[i * k + t])![1] - dist)).toBeLessThan(1e-5);
      }
    }
  });

  it('approximate kNN (HNSW) finds nearly all true neighbours', async () => {
    const { data, n } = blobs(5, 100, 16, 3);
    const k = 10;
    const got = await runner.knn(data, n, 16, { k, metric: 'euclidean', approximate: true });
    const want = bruteForce(data, n, 16, 'euclidean');
    let hits = 0;
    for (let i = 0; i < n; i++) {
      const truth = new Set(want[i]!.slice(0, k).map(([j]) => j));
      for (let t = 0; t < k; t++) if (truth.has(got.indices[i * k + t]!)) hits++;
    }
    // Where hnswlib-node does not load, exact kNN answers (recall 1).
    expect(hits / (n * k)).toBeGreaterThan(0.95);
  });

  it('t-SNE keeps clusters together, and reports progress with intermediate layouts', async () => {
    const { data, labels, n } = blobs(5, 200, 32, 11);
    const reports: JobProgress[] = [];
    const layout = await runner.tsne(data, n, 32, { dims: 2, seed: 5, onProgress: (p) => reports.push(p) });
    expect(layout.length).toBe(n * 2);
    expect(preservation(layout, labels, 2)).toBeGreaterThan(0.9);
    const layouts = reports.filter((p) => p.layout);
    expect(layouts.length).toBeGreaterThan(2);
    for (const p of layouts) expect(p.layout!.length).toBe(n * 2);
    for (let i = 1; i < reports.length; i++) expect(reports[i]!.fraction).toBeGreaterThanOrEqual(reports[i - 1]!.fraction - 1e-9);
    expect(reports.at(-1)!.fraction).toBe(1);
  });

  it('UMAP keeps clusters together', async () => {
    const { data, labels, n } = blobs(5, 200, 32, 13);
    const layout = await runner.umap(data, n, 32, { dims: 2, seed: 5 });
    expect(layout.length).toBe(n * 2);
    expect(preservation(layout, labels, 2)).toBeGreaterThan(0.9);
  });

  it('the same seed gives the same layout (t-SNE in 3-D, UMAP)', async () => {
    const { data, labels, n } = blobs(4, 50, 8, 17);
    const a = await runner.tsne(data, n, 8, { dims: 3, seed: 9, iterations: 500 });
    const b = await runner.tsne(data, n, 8, { dims: 3, seed: 9, iterations: 500 });
    expect(a.length).toBe(n * 3);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(preservation(a, labels, 3)).toBeGreaterThan(0.9);
    const c = await runner.tsne(data, n, 8, { dims: 3, seed: 10, iterations: 500 });
    expect(Array.from(c)).not.toEqual(Array.from(a));
    const u = await runner.umap(data, n, 8, { dims: 3, seed: 9 });
    const v = await runner.umap(data, n, 8, { dims: 3, seed: 9 });
    expect(Array.from(v)).toEqual(Array.from(u));
  });

  it('cancellation rejects promptly with an AbortError, and the runner keeps serving', async () => {
    const { data, n } = blobs(5, 200, 32, 19);
    const controller = new AbortController();
    const job = runner.tsne(data, n, 32, { dims: 2, iterations: 5000, signal: controller.signal });
    await new Promise((r) => setTimeout(r, 300));
    const t0 = performance.now();
    controller.abort();
    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - t0).toBeLessThan(500);
    // Already aborted: rejects at once.
    await expect(runner.umap(data, n, 32, { dims: 2, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const after = await runner.pca(data, n, 32, { components: 2 });
    expect(after.projected.length).toBe(n * 2);
  });
});

describe.skipIf(!built)('the worker runner keeps the calling thread free during a job', () => {
  it('lets a 2 ms timer tick through a whole t-SNE', async () => {
    const runner = new WorkerComputeRunner(workerScript, 'wasm');
    try {
      await runner.info();
      const { data, n } = blobs(5, 100, 16, 23);
      const ticks: number[] = [];
      const timer = setInterval(() => ticks.push(performance.now()), 2);
      let layouts = 0;
      await runner.tsne(data, n, 16, { dims: 2, iterations: 400, onProgress: (p) => (layouts += p.layout ? 1 : 0) });
      clearInterval(timer);
      let longest = 0;
      for (let i = 1; i < ticks.length; i++) longest = Math.max(longest, ticks[i]! - ticks[i - 1]!);
      expect(ticks.length).toBeGreaterThan(50);
      expect(longest).toBeLessThan(100);
      expect(layouts).toBeGreaterThan(0);
    } finally {
      await runner.close();
    }
  });
});

describe.skipIf(!built)('the worker runner stops a cancelled job', () => {
  it('leaves the worker idle after the cancel (process CPU time, worker included, stops growing)', async () => {
    const runner = new WorkerComputeRunner(workerScript, 'wasm');
    try {
      await runner.info();
      const { data, n } = blobs(5, 200, 32, 29);
      const controller = new AbortController();
      const job = runner.tsne(data, n, 32, { dims: 2, iterations: 100_000, signal: controller.signal });
      await new Promise((r) => setTimeout(r, 500));
      controller.abort();
      await expect(job).rejects.toMatchObject({ name: 'AbortError' });
      // Give the cancel message time to arrive (the job pauses every 20 ms), then measure.
      await new Promise((r) => setTimeout(r, 100));
      const before = process.cpuUsage();
      await new Promise((r) => setTimeout(r, 400));
      const used = process.cpuUsage(before);
      // A t-SNE still running would use ~400 ms of CPU here; idle is a few ms.
      expect((used.user + used.system) / 1000).toBeLessThan(150);
    } finally {
      await runner.close();
    }
  });
});

/**
 * `tb-core serve` with no log directory, as the README's first command runs it: it trains
 * the demo into the cache folder once (tfjs, WASM here), then serves it; every plugin in
 * this workspace reads the demo's logs; a second start reuses the cache. And
 * `tb-core demo --logdir` refuses a folder that already holds files.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LogRootMultiplexer, memoryLogger } from '@tb/core/events';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { ROOT, startServer, type TestServer } from './support/server.js';

const BIN = path.join(ROOT, 'packages/core/bin/tb-core.js');
const SHOTS = path.join(ROOT, 'test-results');

describe('the demo', () => {
  const cache = path.join(mkdtempSync(path.join(os.tmpdir(), 'tb-demo-')), 'demo');
  let server: TestServer;
  let startSeconds = 0;

  beforeAll(async () => {
    const t0 = performance.now();
    server = await startServer(['--reload_interval', '0'], [], { env: { TB_CORE_DEMO_DIR: cache }, startTimeoutMs: 150_000 });
    startSeconds = (performance.now() - t0) / 1000;
    await server.whenLoaded();
  }, 160_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('is written once into the cache folder, with progress, well under a minute', () => {
    const out = server.output();
    expect(out).toContain(`no --logdir given: writing the demo's logs into ${cache}`);
    expect(out).toMatch(/demo: training with tfjs on wasm/);
    expect(out).toMatch(/demo: adam epoch 5\/5: loss [\d.]+ accuracy [\d.]+, validation accuracy [\d.]+/);
    expect(out).toMatch(/demo: sgd epoch 5\/5/);
    expect(out).toContain(`serving the demo's logs in ${cache}`);
    expect(startSeconds).toBeLessThan(120);
    expect(readdirSync(path.dirname(cache))).toEqual(['demo']);
  });

  it('holds what the issue lists, read back by @tb/core', async () => {
    const mux = new LogRootMultiplexer({ logdir: cache, reloadInterval: 0, samplesPerPlugin: {}, logger: memoryLogger() });
    await mux.reload();
    const data = mux.provider;
    const runs = data.listRuns().map((r) => r.name).sort();
    expect(runs).toEqual(
      ['.', 'adam/train', 'adam/validation', 'sgd/train', 'sgd/validation', ...Array.from({ length: 8 }, (_, i) => `hparam_tuning/run-0${i}`)].sort(),
    );
    const tags = (plugin: string, run: string) => [...(data.listTags(plugin).get(run)?.keys() ?? [])].sort();
    for (const opt of ['adam', 'sgd']) {
      expect(tags('scalars', `${opt}/train`)).toEqual(expect.arrayContaining(['batch_loss', 'epoch_loss', 'epoch_accuracy']));
      expect(tags('scalars', `${opt}/validation`)).toEqual(expect.arrayContaining(['epoch_loss', 'epoch_accuracy']));
      const all = { downsample: Infinity };
      const epochAcc = data.readScalars('scalars', `${opt}/validation`, 'epoch_accuracy', all)!;
      expect(Array.from(epochAcc.step)).toEqual([0, 1, 2, 3, 4]);
      // It learned: validation accuracy ends well above chance (10%).
      expect(epochAcc.value[4]).toBeGreaterThan(0.8);
      expect(data.readScalars('scalars', `${opt}/train`, 'batch_loss', all)!.step.length).toBeGreaterThan(500);
      const histograms = tags('histograms', `${opt}/train`);
      expect(histograms.length).toBeGreaterThanOrEqual(4);
      expect(histograms.some((t) => /^dense\/kernel/.test(t))).toBe(true);
      expect(tags('images', `${opt}/train`)).toEqual(['samples/grid']);
      expect(tags('images', `${opt}/validation`)).toEqual(['confusion_matrix', 'misclassified']);
      expect(tags('pr_curves', `${opt}/validation`)).toEqual(['pr/digit_4', 'pr/digit_9']);
      expect(tags('text', `${opt}/train`)).toEqual(['notes']);
      expect(data.listTags('graphs').get(`${opt}/train`)?.size ?? 0).toBeGreaterThan(0);
    }
    for (let i = 0; i < 8; i++) expect(data.listTags('hparams').get(`hparam_tuning/run-0${i}`)?.size ?? 0).toBeGreaterThan(0);
    expect(tags('text', '.')).toEqual(['demo/about']);
    expect(tags('custom_scalars', '.')).toEqual(['custom_scalars__config__']);
    expect(tags('audio', '.')).toEqual(['demo/digit_tones']);
    // The embedding beside the event files: config, tensors, labels and a sprite.
    const config = readFileSync(path.join(cache, 'projector_config.pbtxt'), 'utf8');
    expect(config).toContain('hidden_dense');
    const files = (await data.listFiles(/./)).map((f) => f.path);
    expect(files.some((f) => f.endsWith('tensors.tsv'))).toBe(true);
    expect(files.some((f) => f.endsWith('metadata.tsv'))).toBe(true);
    expect(files.some((f) => f.endsWith('sprite.png'))).toBe(true);
    await mux.close();
  });

  it('loads in every plugin of the workspace, over HTTP and in Chromium', async () => {
    const listing = (await (await fetch(`${server.url}data/plugins_listing`)).json()) as Record<string, { enabled: boolean }>;
    const ids = Object.keys(listing);
    expect(ids).toEqual(expect.arrayContaining(['scalars', 'histograms', 'images']));
    for (const id of ids) expect(listing[id]!.enabled, id).toBe(true);

    const get = async (route: string) => {
      const res = await fetch(`${server.url}data/plugin/${route}`);
      expect(res.status, route).toBe(200);
      return res;
    };
    const acc = (await (await get('scalars/scalars?run=adam%2Fvalidation&tag=epoch_accuracy')).json()) as number[][];
    expect(acc.map((p) => p[1])).toEqual([0, 1, 2, 3, 4]);
    const histTags = (await (await get('histograms/tags')).json()) as Record<string, Record<string, unknown>>;
    const kernel = Object.keys(histTags['adam/train']!).find((t) => t.startsWith('dense/kernel'))!;
    const hist = (await (await get(`histograms/histograms?run=adam%2Ftrain&tag=${encodeURIComponent(kernel)}`)).json()) as unknown[][];
    expect(hist.map((h) => h[1])).toEqual([0, 1, 2, 3, 4]);
    const images = (await (await get('images/images?run=adam%2Fvalidation&tag=confusion_matrix&sample=0')).json()) as { step: number; width: number; query: string }[];
    expect(images.map((i) => i.step)).toEqual([0, 1, 2, 3, 4]);
    expect(images[0]!.width).toBe(18 + 28 * 10);
    const png = await get(`images/individualImage?${images[4]!.query}`);
    const layout = (await (await get('custom_scalars/layout')).json()) as { category: { title: string; chart: { title: string }[] }[] };
    expect(layout.category.map((c) => c.title)).toEqual(['optimizers']);
    const prCurves = (await (await get('pr_curves/tags')).json()) as Record<string, Record<string, unknown>>;
    expect(Object.keys(prCurves['adam/validation'] ?? {}).sort()).toEqual(['pr/digit_4', 'pr/digit_9']);
    expect(png.headers.get('content-type')).toBe('image/png');
    // The demo's profiles of its own training: 8 steps at each batch size, on the CPU.
    expect(((await (await get('profile/runs')).json()) as { runs: string[] }).runs).toEqual(['profile/batch_256', 'profile/batch_32']);
    const figures = (await (await get('profile/figures?run=profile%2Fbatch_256&worker=demo&span=1')).json()) as { steps: { dataLoader: number; cpuExec: number }[] };
    expect(figures.steps).toHaveLength(8);
    expect(figures.steps.every((s) => s.cpuExec > 0 && s.dataLoader > 0)).toBe(true);

    const browser: { context: BrowserContext; close: () => Promise<void> } = await launchBrowser();
    try {
      mkdirSync(SHOTS, { recursive: true });
      const page = await browser.context.newPage();
      for (const id of ids) {
        await page.goto(`${server.url}#tab=${id}`);
        await page.getByTestId(`tab-${id}`).waitFor();
        await page.waitForTimeout(1500);
        expect(await page.locator('.tb-state--error').count(), id).toBe(0);
        await page.screenshot({ path: path.join(SHOTS, `demo-${id}.png`) });
      }
    } finally {
      await browser.close();
    }
  });

  it("projects the demo's 500-digit embedding with t-SNE so that neighbours share labels", async () => {
    const base = `${server.url}data/plugin/projector/`;
    const runs = (await (await fetch(`${base}runs`)).json()) as string[];
    const info = (await (await fetch(`${base}info?run=${encodeURIComponent(runs[0]!)}`)).json()) as { embeddings: { tensorName: string; tensorShape: number[] }[] };
    const embedding = info.embeddings.find((e) => e.tensorName.startsWith('hidden_dense'))!;
    expect(embedding.tensorShape).toEqual([500, 100]);
    const metadata = await (await fetch(`${base}metadata?run=${encodeURIComponent(runs[0]!)}&name=${encodeURIComponent(embedding.tensorName)}`)).text();
    const labels = metadata.trim().split('\n').slice(1).map((line) => line.split('\t')[0]!);
    expect(labels).toHaveLength(500);
    const created = await fetch(`${base}projections`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ run: runs[0], tensor: embedding.tensorName, method: 'tsne', params: { dims: 2, seed: 7 } }),
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    const events = await (await fetch(`${base}projections/${id}/events`)).text();
    const done = /event: done\ndata: (.*)\n/.exec(events);
    expect(done, events.slice(-500)).not.toBeNull();
    const { result } = JSON.parse(done![1]!) as { result: string };
    const bytes = Buffer.from(result, 'base64');
    const layout = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    expect(layout).toHaveLength(1000);
    // Of each point's 10 nearest neighbours in the 2-D layout, the share with its label.
    let same = 0;
    for (let i = 0; i < 500; i++) {
      const nearest = Array.from({ length: 500 }, (_, j) => j)
        .filter((j) => j !== i)
        .map((j) => [j, (layout[2 * i]! - layout[2 * j]!) ** 2 + (layout[2 * i + 1]! - layout[2 * j + 1]!) ** 2] as const)
        .sort((a, b) => a[1] - b[1])
        .slice(0, 10);
      same += nearest.filter(([j]) => labels[j] === labels[i]).length;
    }
    expect(same / 5000).toBeGreaterThan(0.8);
  }, 120_000);

  it('a second start serves the cache without training again', async () => {
    const before = statSync(path.join(cache, '.tb-core-demo-complete')).mtimeMs;
    const again = await startServer(['--reload_interval', '0'], [], { env: { TB_CORE_DEMO_DIR: cache } });
    try {
      expect(again.output()).not.toContain('writing the demo');
      expect(again.output()).toContain(`serving the demo's logs in ${cache}`);
      expect(statSync(path.join(cache, '.tb-core-demo-complete')).mtimeMs).toBe(before);
    } finally {
      await again.stop();
    }
  });

  it('`tb-core demo --logdir` refuses a folder that already holds files', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-demo-full-'));
    writeFileSync(path.join(dir, 'keep.txt'), 'mine');
    const child = spawn(process.execPath, [BIN, 'demo', '--logdir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain(`--logdir ${dir} already holds files; give a new or empty directory`);
    expect(existsSync(path.join(dir, 'keep.txt'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });
});

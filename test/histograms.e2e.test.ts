/**
 * The Histograms dashboard in real Chromium on test/corpus/mnist-like: kernel and
 * bias cards of both runs, offset and overlay ridges and distribution bands drawn, and
 * hover text that matches TensorBoard's recorded answers.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { CORPUS, ROOT, startServer, type TestServer } from './support/server.js';

const SHOTS = path.join(ROOT, 'test-results');
type Hist = [number, number, [number, number, number][]][];
type Dist = [number, number, [number, number][]][];

function reference<T>(kind: 'histograms' | 'distributions', run: string, tag: string): T {
  const file = `run=${encodeURIComponent(run)}&tag=${encodeURIComponent(tag)}.json`;
  return JSON.parse(readFileSync(path.join(CORPUS, 'reference/mnist-like', kind, kind, file), 'utf8')) as T;
}

/** As the dashboard formats values: 3 significant digits, exponent form when tiny or huge. */
function formatValue(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2).replace(/\.?0+e/, 'e');
  return String(Number(v.toPrecision(3)));
}

describe('Histograms in Chromium', () => {
  let server: TestServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(['--logdir', path.join(CORPUS, 'mnist-like'), '--reload_interval', '0', '--plugins', 'distributions,histograms']);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(`${server.url}#tab=histograms`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const chart = (prefix: 'hist' | 'dist', run: string, tag: string) => page.getByTestId(`${prefix}-${run}-${tag}`);

  it('shows a card per tag and run, kernel and bias of both runs, with every step as a ridge', async () => {
    for (const run of ['adam/train', 'sgd/train']) {
      for (const tag of ['dense/kernel', 'dense/bias', 'dense_1/kernel', 'dense_1/bias']) {
        await page.getByTestId(`card-${run}-${tag}`).waitFor();
      }
    }
    const svg = chart('hist', 'adam/train', 'dense/kernel');
    await svg.waitFor();
    const steps = reference<Hist>('histograms', 'adam/train', 'dense/kernel').length;
    expect(await svg.getAttribute('data-mode')).toBe('offset');
    expect(Number(await svg.getAttribute('data-steps'))).toBe(steps);
    expect(await svg.locator('path.tb-hist__ridge').count()).toBe(steps);
    // The newest ridge is drawn last (in front).
    expect(await svg.locator('path.tb-hist__ridge').last().getAttribute('data-step')).toBe(String(steps - 1));
    await page.screenshot({ path: path.join(SHOTS, 'histograms-offset.png') });
  });

  it('hover shows the step, the bucket under the pointer and its count, as TensorBoard recorded them', async () => {
    const svg = chart('hist', 'adam/train', 'dense/kernel');
    await svg.scrollIntoViewIfNeeded();
    const box = (await svg.boundingBox())!;
    // Low in the chart: the front ridge, the last step.
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.9);
    const readout = page.getByTestId('hist-adam/train-dense/kernel-readout');
    await expect.poll(() => readout.textContent()).toMatch(/^Step \d+ · \[/);
    const text = (await readout.textContent())!;
    const m = /^Step (\d+) · \[(\S+), (\S+)\) · count (\S+)$/.exec(text)!;
    expect(m, text).not.toBeNull();
    const ref = reference<Hist>('histograms', 'adam/train', 'dense/kernel');
    expect(Number(m[1])).toBe(ref[ref.length - 1]![1]);
    const buckets = ref[ref.length - 1]![2];
    const match = buckets.find(([l, r]) => formatValue(l) === m[2] && formatValue(r) === m[3]);
    expect(match, `${text} should name one of TensorBoard's buckets`).toBeDefined();
    expect(Number(m[4])).toBe(match![2]);
    // Higher up: an older ridge.
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.3);
    await expect.poll(async () => Number(/^Step (\d+)/.exec((await readout.textContent()) ?? '')?.[1])).toBeLessThan(ref[ref.length - 1]![1]);
  });

  it('overlay mode draws every step on one baseline', async () => {
    await page.getByTestId('mode').locator('[data-value=overlay]').click();
    const svg = chart('hist', 'sgd/train', 'dense/kernel');
    await expect.poll(() => svg.getAttribute('data-mode')).toBe('overlay');
    const steps = reference<Hist>('histograms', 'sgd/train', 'dense/kernel').length;
    expect(await svg.locator('path.tb-hist__ridge').count()).toBe(steps);
    // Open paths (no fill): one baseline, curves coloured by step.
    const strokes = await svg.locator('path.tb-hist__ridge').evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke')));
    expect(new Set(strokes).size).toBe(steps);
    await page.screenshot({ path: path.join(SHOTS, 'histograms-overlay.png') });
  });

  it('Distributions, its own tab as in TensorBoard: bands and median per run, hover values equal to TensorBoard\'s compression', async () => {
    // Both tabs come from the one package.
    const tabs = await page.locator('[data-testid^="tab-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(tabs.indexOf('tab-distributions')).toBe(tabs.indexOf('tab-histograms') - 1);
    await page.getByTestId('tab-distributions').click();
    const dashboard = page.getByTestId('distributions-dashboard');
    await dashboard.waitFor();
    expect(await dashboard.getByTestId('mode').count()).toBe(0);
    const svg = chart('dist', 'adam/train', 'dense/bias');
    await svg.waitFor();
    const ref = reference<Dist>('distributions', 'adam/train', 'dense/bias');
    expect(Number(await svg.getAttribute('data-steps'))).toBe(ref.length);
    expect(await svg.locator('path.tb-hist__band').count()).toBe(4);
    expect(await svg.locator('path.tb-hist__median').count()).toBe(1);
    await svg.scrollIntoViewIfNeeded();
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width - 20, box.y + box.height / 2);
    const readout = page.getByTestId('dist-adam/train-dense/bias-readout');
    const last = ref[ref.length - 1]!;
    await expect
      .poll(() => readout.textContent())
      .toBe(`Step ${last[1]} · min ${formatValue(last[2][0]![1])} · median ${formatValue(last[2][4]![1])} · max ${formatValue(last[2][8]![1])}`);
    await dashboard.getByTestId('x-axis').locator('[data-value=relative]').click();
    await expect.poll(() => svg.getAttribute('data-x-axis')).toBe('relative');
    await page.screenshot({ path: path.join(SHOTS, 'histograms-distributions.png') });
  });

  it('the tag filter hides cards, and the open tab survives a reload of the page', async () => {
    const dashboard = page.getByTestId('distributions-dashboard');
    await dashboard.getByPlaceholder('Filter tags (regular expressions supported)').fill('kernel');
    await expect.poll(() => dashboard.getByTestId('card-adam/train-dense/bias').count()).toBe(0);
    expect(await dashboard.getByTestId('card-adam/train-dense/kernel').count()).toBe(1);
    await page.reload();
    await chart('dist', 'sgd/train', 'dense/kernel').waitFor();
    await page.getByTestId('tab-histograms').click();
    await chart('hist', 'sgd/train', 'dense/kernel').waitFor();
    expect(await page.getByTestId('histograms-dashboard').getByTestId('x-axis').count()).toBe(0);
  });
});

/// <reference lib="dom" />
/**
 * The Profile dashboard in real Chromium, served by the real `tb-core serve` (so traces
 * load in the loader's worker threads) from a log root holding the corpus's Kineto pair
 * (ResNet-50 with num_workers 0 and 4), an autograd trace, a real JAX XSpace and the
 * corpus's damaged XSpace: the overview says which run is input-bound, the operator table
 * sorts and filters, the trace viewer zooms, searches and selects, the diff compares the
 * pair, the XSpace shows its op statistics and steps, and the damaged file gets a clear
 * error that costs nothing else.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { CORPUS, ROOT, startServer, type TestServer } from './support/server.js';

const SHOTS = path.join(ROOT, 'test-results');
const XSPACE = path.join(ROOT, 'packages/plugin-profiler/src/xplane/testdata/jax-cpu.xplane.pb');
const DAMAGED = path.join(CORPUS, 'profile-xplane/tpu_inference/plugins/profile/2026_01_01_00_00_00/host0.xplane.pb');

/** The log root: the corpus's profiles side by side, as runs. */
function logRoot(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tb-profile-e2e-'));
  for (const run of ['resnet50_num_workers_0', 'resnet50_num_workers_4']) cpSync(path.join(CORPUS, 'profile-kineto', run), path.join(root, run), { recursive: true });
  cpSync(path.join(CORPUS, 'profile/mlp_100'), path.join(root, 'mlp_100'), { recursive: true });
  for (const [run, file] of [['jax_cpu', XSPACE], ['tpu_damaged', DAMAGED]] as const) {
    const dir = path.join(root, run, 'plugins/profile/2026_11_29_12_00_00');
    mkdirSync(dir, { recursive: true });
    cpSync(file, path.join(dir, 'host0.xplane.pb'));
  }
  return root;
}

/** torch-tb-profiler's operator table for a run, as recorded. */
function referenceOps(run: string): { name: string; calls: number }[] {
  const file = path.join(CORPUS, `reference/profile-kineto/pytorch_profiler/operation/table/run=${run}&worker=worker0&span=1&group_by=Operation.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { data: { name: string; calls: number }[] }).data;
}

describe('Profile dashboard in Chromium', () => {
  let server: TestServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const pageErrors: string[] = [];
  const run = (name: string) => page.getByTestId('main-run').selectOption(name);
  const tab = (name: string) => page.getByTestId('view-tabs').getByRole('tab', { name, exact: true }).click();
  const breakdownRow = (category: string) => page.getByTestId('breakdown-table').locator('tr', { hasText: category });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(['--logdir', logRoot(), '--reload_interval', '0', '--plugins', 'profile']);
    await server.whenLoaded();
    browser = await launchBrowser({ viewport: { width: 1440, height: 1000 } });
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}#tab=profile`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the overview says num_workers=0 waits a third of each step for the DataLoader, and num_workers=4 does not', async () => {
    await run('resnet50_num_workers_0');
    await tab('Overview');
    await expect.poll(() => breakdownRow('DataLoader').textContent(), { timeout: 30_000 }).toMatch(/%/);
    const share = async () => Number(/([\d.]+) %/.exec((await breakdownRow('DataLoader').textContent())!)![1]);
    expect(await share()).toBeGreaterThan(25);
    expect(await share()).toBeLessThan(40);
    // One bar group per step: steps 5 to 10 of the capture.
    expect(await page.getByTestId('step-chart').locator('[data-step]').count()).toBe(6);
    await expect.poll(() => page.getByTestId('recommendations').textContent()).toMatch(/DataLoader.*num_workers/);
    await page.screenshot({ path: path.join(SHOTS, 'profile-overview.png'), fullPage: true });

    await run('resnet50_num_workers_4');
    await expect.poll(async () => share(), { timeout: 30_000 }).toBeLessThan(5);
    expect(await page.getByTestId('recommendations').textContent()).not.toMatch(/waits for the DataLoader/);
  });

  it('the operator table sorts by calls and filters by name, with torch-tb-profiler\'s figures', async () => {
    await run('resnet50_num_workers_0');
    await tab('Operator');
    const table = page.getByTestId('operator-table');
    await table.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    await table.locator('button[data-key="calls"]').click();
    const most = referenceOps('resnet50_num_workers_0').reduce((a, b) => (b.calls > a.calls ? b : a));
    await expect.poll(() => table.locator('tbody tr').first().locator('td').first().textContent()).toBe(most.name);
    expect(await table.locator('tbody tr').first().textContent()).toContain(most.calls.toLocaleString('en-US'));
    const search = table.getByRole('searchbox').or(table.locator('input')).first();
    await search.fill('conv');
    const expected = referenceOps('resnet50_num_workers_0').filter((o) => o.name.includes('conv')).length;
    await expect.poll(() => page.getByTestId('operator-table-count').textContent()).toContain(String(expected));
    await page.screenshot({ path: path.join(SHOTS, 'profile-operators.png') });
  });

  it('a CPU-only (autograd) profile ranks operators by host time, with no device columns', async () => {
    await run('mlp_100');
    await tab('Operator');
    const table = page.getByTestId('operator-table');
    await table.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    const headers = await table.locator('thead th').allTextContents();
    expect(headers.join('|')).toContain('Host Self');
    expect(headers.join('|')).not.toContain('Device Self');
    expect(await page.getByTestId('operator-metric').inputValue()).toBe('host_self_time');
    await expect.poll(() => page.getByTestId('operator-top').locator('text').count()).toBeGreaterThan(0);
    await run('resnet50_num_workers_0');
  });

  it('the trace viewer zooms with W, finds a step by name and shows its details', async () => {
    await tab('Trace');
    const canvas = page.locator('canvas.tb-trace-canvas');
    await expect.poll(() => canvas.getAttribute('data-view-end'), { timeout: 30_000 }).not.toBeNull();
    const span = async () => Number(await canvas.getAttribute('data-view-end')) - Number(await canvas.getAttribute('data-view-start'));
    const full = await span();
    await page.locator('.tb-trace-area').focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('w');
    await expect.poll(span).toBeLessThan(full * 0.8);
    await page.keyboard.press('0');
    await expect.poll(span).toBeCloseTo(full, 0);

    // The mouse: ctrl+wheel zooms around the pointer, a drag pans the zoomed window.
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + 120);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    // One wheel notch zooms by e^-0.4 (see wheelZoomFactor).
    await expect.poll(span).toBeCloseTo(full * Math.exp(-0.4), -2);
    const startBefore = Number(await canvas.getAttribute('data-view-start'));
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, box.y + 120, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => Number(await canvas.getAttribute('data-view-start'))).toBeGreaterThan(startBefore);
    await page.keyboard.press('0');

    await page.getByRole('searchbox', { name: 'Find slices by name' }).fill('ProfilerStep#7');
    await page.keyboard.press('Enter');
    const details = page.getByRole('region', { name: 'Slice details' });
    await expect.poll(() => details.locator('h3').textContent(), { timeout: 10_000 }).toBe('ProfilerStep#7');
    await page.screenshot({ path: path.join(SHOTS, 'profile-trace.png') });
  });

  it('the diff compares the two runs: step time side by side and the operator tree', async () => {
    await tab('Diff');
    const compare = page.getByTestId('compare-table');
    await compare.waitFor({ timeout: 30_000 });
    const text = (await compare.textContent())!;
    expect(text).toContain('DataLoader');
    expect(await page.getByTestId('diff-view').textContent()).toMatch(/resnet50_num_workers_0[\s\S]*resnet50_num_workers_4/);
    await page.getByTestId('diff-tree').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'profile-diff.png'), fullPage: true });
  });

  it('a TensorFlow/JAX XSpace shows its op statistics, steps and trace', async () => {
    await run('jax_cpu');
    await tab('Op Stats');
    const table = page.getByTestId('op-stats-table');
    await table.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    await tab('Step Time');
    await expect.poll(() => page.getByTestId('step-time-view').textContent()).toContain('5 steps');
    await tab('Trace');
    await expect.poll(() => page.locator('canvas.tb-trace-canvas').getAttribute('data-view-end'), { timeout: 30_000 }).not.toBeNull();
    await page.screenshot({ path: path.join(SHOTS, 'profile-xspace.png') });
  });

  it('a damaged XSpace gets a clear error, and the other runs still load', async () => {
    await run('tpu_damaged');
    await expect.poll(() => page.getByTestId('profile-dashboard').textContent(), { timeout: 30_000 }).toMatch(/not a readable XSpace.*U\+FFFD/s);
    await run('resnet50_num_workers_4');
    await tab('Overview');
    await expect.poll(() => breakdownRow('DataLoader').textContent(), { timeout: 30_000 }).toMatch(/%/);
    expect(pageErrors).toEqual([]);
  });
});

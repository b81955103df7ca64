/// <reference lib="dom" />
/**
 * The Custom Scalars dashboard in real Chromium, on a log root written here: two runs'
 * scalars (@tb/writer) and a layout event file in one of them. Categories are
 * collapsible sections (a closed one starts closed), a multiline chart draws a line per
 * run and matched tag with a tooltip of the values at the hovered step, a margin chart
 * shades its bounds, an invalid regex is named. On a root without a layout the tab is
 * inactive, as in TensorBoard: under the inactive menu, where choosing it says why.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SummaryWriter } from '@tb/writer';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutEventFile } from '../packages/plugin-custom-scalars/src/layout-summary.js';
import { launchBrowser } from './support/browser.js';
import { ROOT, startServer, type TestServer } from './support/server.js';

const SHOTS = path.join(ROOT, 'test-results');
const T0 = 1_795_464_000;

/** adam and sgd log loss, val_loss and acc with its bounds for 20 steps; adam holds the layout. */
async function writeLogRoot(dir: string): Promise<void> {
  for (const [run, rate] of [['adam', 0.25], ['sgd', 0.1]] as const) {
    const w = new SummaryWriter(path.join(dir, run));
    for (let step = 0; step < 20; step++) {
      const loss = Math.exp(-rate * step);
      w.addScalar('loss', loss, step, T0 + step);
      w.addScalar('val_loss', loss + 0.1, step, T0 + step);
      w.addScalar('acc', 1 - loss / 2, step, T0 + step);
      w.addScalar('acc_lo', 1 - loss / 2 - 0.1, step, T0 + step);
      w.addScalar('acc_hi', 1 - loss / 2 + 0.05, step, T0 + step);
    }
    await w.close();
  }
  const layout = {
    version: 0,
    category: [
      {
        title: 'Losses',
        closed: false,
        chart: [
          { title: 'train and validation', multiline: { tag: ['loss', 'val_.*'] } },
          { title: 'broken', multiline: { tag: ['loss('] } },
        ],
      },
      { title: 'Accuracy', closed: false, chart: [{ title: 'accuracy with bounds', margin: { series: [{ value: 'acc', lower: 'acc_lo', upper: 'acc_hi' }] } }] },
      { title: 'Later', closed: true, chart: [{ title: 'accuracy', multiline: { tag: ['acc$'] } }] },
    ],
  };
  await writeFile(path.join(dir, 'adam', 'events.out.tfevents.0.layout'), layoutEventFile(layout, T0 - 1));
}

describe('Custom Scalars in Chromium', () => {
  let written: TestServer;
  let plain: TestServer;
  let logRoot: string;
  let plainRoot: string;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    logRoot = await mkdtemp(path.join(os.tmpdir(), 'tb-custom-scalars-e2e-'));
    await writeLogRoot(logRoot);
    plainRoot = await mkdtemp(path.join(os.tmpdir(), 'tb-custom-scalars-plain-'));
    const w = new SummaryWriter(path.join(plainRoot, 'train'));
    for (let step = 0; step < 5; step++) w.addScalar('loss', 1 / (step + 1), step, T0 + step);
    await w.close();
    [written, plain] = await Promise.all([
      startServer(['--logdir', logRoot, '--reload_interval', '0', '--plugins', 'custom_scalars,scalars']),
      startServer(['--logdir', plainRoot, '--reload_interval', '0', '--plugins', 'scalars,custom_scalars']),
    ]);
    await Promise.all([written.whenLoaded(), plain.whenLoaded()]);
    browser = await launchBrowser({ viewport: { width: 1280, height: 1000 } });
    page = await browser.context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([written?.stop(), plain?.stop()]);
    for (const dir of [logRoot, plainRoot]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows the categories, the closed one closed, and a line per run and matched tag', async () => {
    await page.goto(`${written.url}#tab=custom_scalars`);
    const categories = page.getByTestId('cs-category');
    await expect.poll(() => categories.count(), { timeout: 20_000 }).toBe(3);
    expect(await categories.locator('.tb-tag-group__name').allTextContents()).toEqual(['Losses', 'Accuracy', 'Later']);
    expect(await categories.locator('button[aria-expanded]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-expanded')))).toEqual(['true', 'true', 'false']);

    const card = page.getByTestId('cs-chart-card').filter({ hasText: 'train and validation' });
    const lines = card.getByTestId('chart-line');
    await expect.poll(() => lines.count(), { timeout: 20_000 }).toBe(4);
    const drawn = await lines.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-run')} ${e.getAttribute('data-tag')}`));
    expect(drawn.sort()).toEqual(['adam loss', 'adam val_loss', 'sgd loss', 'sgd val_loss']);
    // Every line has all 20 points.
    for (const d of await lines.evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''))) expect(d.split(/[ML]/).filter(Boolean)).toHaveLength(20);
    expect(await card.getByTestId('chart-legend').locator('li').count()).toBe(4);
    await page.screenshot({ path: path.join(SHOTS, 'custom-scalars.png'), fullPage: true });
  });

  it('the tooltip shows every line’s value at the hovered step', async () => {
    const card = page.getByTestId('cs-chart-card').filter({ hasText: 'train and validation' });
    const svg = card.locator('svg[role=img]');
    const box = (await svg.boundingBox())!;
    // Steps 0..19 span the plot between its 52 px left and 12 px right margins: aim at step 10.
    const px = 52 + ((box.width - 64) * 10) / 19;
    await page.mouse.move(box.x + px, box.y + 60);
    const tooltip = card.getByTestId('chart-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.locator('.cs-tooltip__step').textContent()).toBe('step 10');
    const rows = await tooltip.locator('tr').allTextContents();
    expect(rows).toHaveLength(4);
    const adamLoss = Math.fround(Math.exp(-0.25 * 10));
    expect(rows).toContainEqual(expect.stringContaining(`adamloss${Number(adamLoss.toPrecision(5))}`));
    expect(rows).toContainEqual(expect.stringContaining(`sgdval_loss${Number(Math.fround(Math.exp(-1) + 0.1).toPrecision(5))}`));
    await page.screenshot({ path: path.join(SHOTS, 'custom-scalars-tooltip.png') });
  });

  it('names a regex that is not valid', async () => {
    const card = page.getByTestId('cs-chart-card').filter({ hasText: 'broken' });
    await expect.poll(() => card.getByTestId('invalid-regex').textContent(), { timeout: 20_000 }).toContain('loss(');
  });

  it('shades the margin chart between the lower and upper bounds, per run', async () => {
    const card = page.getByTestId('cs-chart-card').filter({ hasText: 'accuracy with bounds' });
    await card.scrollIntoViewIfNeeded();
    await expect.poll(() => card.getByTestId('margin-band').count(), { timeout: 20_000 }).toBe(2);
    const band = card.getByTestId('margin-band').first();
    expect(Number(await band.evaluate((e) => getComputedStyle(e).fillOpacity))).toBeLessThan(0.5);
    expect(await card.getByTestId('chart-line').count()).toBe(2);
    const svg = card.locator('svg[role=img]');
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + 52 + (box.width - 64) * (5 / 19), box.y + 60);
    const tooltip = card.getByTestId('chart-tooltip');
    await tooltip.waitFor();
    const lo = Number(Math.fround(1 - Math.exp(-0.25 * 5) / 2 - 0.1).toPrecision(5));
    expect(await tooltip.locator('tr').allTextContents()).toContainEqual(expect.stringContaining(`[${lo}, `));
    await card.screenshot({ path: path.join(SHOTS, 'custom-scalars-margin.png') });
  });

  it('opens a closed category on a click and remembers it', async () => {
    const later = page.getByTestId('cs-category').filter({ hasText: 'Later' });
    await later.locator('button[aria-expanded]').click();
    await expect.poll(() => later.getByTestId('chart-line').count(), { timeout: 20_000 }).toBe(2);
    await page.reload();
    const again = page.getByTestId('cs-category').filter({ hasText: 'Later' });
    await expect.poll(() => again.locator('button[aria-expanded]').getAttribute('aria-expanded'), { timeout: 20_000 }).toBe('true');
  });

  it('follows the theme in dark mode: light axis labels on dark cards', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    const card = page.getByTestId('cs-chart-card').filter({ hasText: 'train and validation' });
    await expect.poll(() => card.getByTestId('chart-line').count(), { timeout: 20_000 }).toBe(4);
    const rgb = (css: string) => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number);
    await expect.poll(async () => rgb(await card.evaluate((el) => getComputedStyle(el).backgroundColor)).every((c) => c < 80)).toBe(true);
    const label = rgb(await card.locator('.cs-axis text').first().evaluate((el) => getComputedStyle(el).fill));
    expect(label.every((c) => c > 120)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'custom-scalars-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('is inactive on a log root without a layout, as in TensorBoard', async () => {
    const listing = (await (await fetch(`${plain.url}data/plugins_listing`)).json()) as Record<string, { enabled: boolean }>;
    expect(listing.custom_scalars?.enabled).toBe(false);
    expect(listing.scalars?.enabled).toBe(true);
    await page.goto(plain.url);
    await page.getByTestId('tab-scalars').waitFor({ timeout: 20_000 });
    // Not a tab: listed under the inactive plugins' menu, where choosing it says why it is empty.
    expect(await page.getByTestId('tabs').getByTestId('tab-custom_scalars').count()).toBe(0);
    await page.getByTestId('inactive-menu').click();
    await page.getByTestId('tab-custom_scalars').click();
    await page.getByTestId('inactive-notice').waitFor({ timeout: 20_000 });
    await page.getByTestId('cs-no-layout').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(SHOTS, 'custom-scalars-no-layout.png') });
  });
});

/**
 * The Projector dashboard in real Chromium (WebGL through SwiftShader) on
 * test/corpus/projector (500 digits of 64 dimensions with labels and a sprite sheet):
 * the points are drawn (pixels read back from the canvas), switching PCA to t-SNE
 * shows the server's progress and backend and then a layout, a regex search over the
 * labels highlights exactly the matching points, and clicking a point lists its
 * nearest neighbours. Screenshots go to test-results/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { CORPUS, ROOT, startServer, type TestServer } from './support/server.js';

const SHOTS = path.join(ROOT, 'test-results');
const METADATA = path.join(CORPUS, 'reference/projector/projector/metadata/run=.&name=digits%3A00000.txt');
const labels = readFileSync(METADATA, 'utf8').split('\n').filter((l) => l !== '');

/** How many canvas pixels differ from the background (the corner's colour). */
async function drawnPixels(page: Page): Promise<number> {
  return page.locator('[data-testid="projector-canvas"]').evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - data[0]!) + Math.abs(data[i + 1]! - data[1]!) + Math.abs(data[i + 2]! - data[2]!) > 30) count++;
    }
    return count;
  });
}

describe('Projector in Chromium', () => {
  let server: TestServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(['--logdir', path.join(CORPUS, 'projector'), '--reload_interval', '0', '--plugins', 'projector']);
    await server.whenLoaded();
    browser = await launchBrowser({ webgl: true, viewport: { width: 1440, height: 900 } });
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}#tab=projector`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const scatter = () => page.locator('[data-testid="projector-scatter"]');

  it('draws the 500 points of the PCA projection', async () => {
    await scatter().and(page.locator('[data-points="500"]')).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="projector-progress"][data-phase="done"]').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    expect(await drawnPixels(page)).toBeGreaterThan(2_000);
    await expect(page.getByTestId('projector-variance').textContent()).resolves.toMatch(/\d+\.\d%/);
    await page.screenshot({ path: path.join(SHOTS, 'projector-pca.png') });
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('switches to t-SNE: progress with the backend, then a layout', async () => {
    await page.getByTestId('projector-method-tsne').click();
    const progress = page.getByTestId('projector-progress');
    await progress.and(page.locator('[data-backend]:not([data-backend=""])')).waitFor({ timeout: 60_000 });
    await expect(progress.textContent()).resolves.toMatch(/t-SNE/);
    await page.locator('[data-testid="projector-progress"][data-phase="done"]').waitFor({ timeout: 120_000 });
    await expect(progress.textContent()).resolves.toMatch(/on \w+/);
    await expect(scatter().getAttribute('data-points')).resolves.toBe('500');
    await page.waitForTimeout(300);
    expect(await drawnPixels(page)).toBeGreaterThan(2_000);
    await page.screenshot({ path: path.join(SHOTS, 'projector-tsne.png') });
  }, 150_000);

  it('highlights the points whose label matches a search', async () => {
    await page.getByTestId('projector-search').fill('^3$');
    const expected = labels.filter((l) => l === '3').length;
    await page.locator(`[data-testid="projector-match-count"][data-count="${expected}"]`).waitFor({ timeout: 5_000 });
    await expect(scatter().getAttribute('data-matches')).resolves.toBe(String(expected));
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'projector-search.png') });
    await page.getByTestId('projector-search').fill('');
  }, 30_000);

  it('lists the nearest neighbours of a clicked point', async () => {
    await page.locator('[data-testid="projector-match-count"][data-count="0"]').waitFor();
    await page.waitForTimeout(400);
    const probe = (await scatter().getAttribute('data-probe'))!.split(',').map(Number);
    const box = (await scatter().boundingBox())!;
    await page.mouse.click(box.x + probe[0]!, box.y + probe[1]!);
    const items = page.locator('[data-testid="projector-neighbors"] li');
    await items.first().waitFor({ timeout: 15_000 });
    expect(await items.count()).toBe(10);
    await expect(scatter().getAttribute('data-selected')).resolves.toBe('1');
    const text = await items.first().textContent();
    expect(text).toMatch(/#\d+/);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'projector-neighbors.png') });
    expect(pageErrors).toEqual([]);
  }, 30_000);

  it('keeps the view in the link beside the shell state', async () => {
    await page.waitForTimeout(400);
    const params = new URLSearchParams((await page.evaluate(() => location.hash)).slice(1));
    expect(params.get('tab')).toBe('projector');
    const view = JSON.parse(params.get('projector')!) as { method: string; selection: number[] };
    expect(view.method).toBe('tsne');
    expect(view.selection).toHaveLength(1);
  });

  it('lays the points out by a custom projection in 2-D', async () => {
    await page.getByTestId('projector-clear').click();
    await page.getByTestId('projector-method-custom').click();
    await page.getByTestId('projector-custom-x-positive').fill('^1$');
    await page.getByTestId('projector-custom-x-negative').fill('^0$');
    await page.getByTestId('projector-custom-y-positive').fill('^7$');
    await page.getByTestId('projector-custom-y-negative').fill('^6$');
    await scatter().and(page.locator('[data-dims="2"][data-points="500"]')).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    expect(await drawnPixels(page)).toBeGreaterThan(2_000);
    await page.screenshot({ path: path.join(SHOTS, 'projector-custom.png') });
    expect(pageErrors).toEqual([]);
  }, 30_000);

  it('selects a box of points with shift-drag', async () => {
    const box = (await scatter().boundingBox())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(box.x + 40, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width - 40, box.y + box.height - 40, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await page.locator('[data-testid="projector-selection"]').waitFor({ timeout: 5_000 });
    const count = Number(await page.getByTestId('projector-selection').getAttribute('data-count'));
    expect(count).toBeGreaterThan(100);
    await page.getByTestId('projector-clear').click();
  }, 30_000);

  it('opens a shared link on the same view', async () => {
    await page.waitForTimeout(400);
    const shared = await browser.context.newPage();
    await shared.goto(page.url());
    await shared.locator('[data-testid="projector-scatter"][data-dims="2"][data-points="500"]').waitFor({ timeout: 15_000 });
    await expect(shared.getByTestId('projector-method-custom').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(shared.getByTestId('projector-custom-y-negative').inputValue()).resolves.toBe('^6$');
    await shared.close();
  }, 30_000);

  it('draws on a dark background in dark mode', async () => {
    await page.getByTestId('settings').click();
    await page.getByTestId('setting-dark-mode').check();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(400);
    const corner = await page.locator('[data-testid="projector-canvas"]').evaluate((el) => {
      const copy = document.createElement('canvas');
      copy.width = copy.height = 1;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(el as HTMLCanvasElement, 0, 0, 1, 1, 0, 0, 1, 1);
      return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    });
    expect(Math.max(...corner)).toBeLessThan(80);
    expect(await drawnPixels(page)).toBeGreaterThan(2_000);
    await page.screenshot({ path: path.join(SHOTS, 'projector-dark.png') });
    expect(pageErrors).toEqual([]);
  }, 30_000);
});

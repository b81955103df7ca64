/**
 * The shell in real Chromium: `tb-core serve` on test/corpus/mnist-like with four
 * plugins installed as third-party packages (two working dashboards, one that throws
 * while rendering, one whose frontend was never built). A person sees the tabs and the
 * runs, toggles a run, opens a tab from a link, and a broken plugin stays in its tab.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { CORPUS, ROOT, startServer, type TestServer } from './support/server.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/plugins');
const SHOTS = path.join(ROOT, 'test-results');
const PLUGIN_BUILD = path.join(ROOT, 'packages/plugin-kit/bin/tb-plugin-build.mjs');

/** Builds a fixture's dashboard as a plugin author would: tb-plugin-build on its directory. */
function buildFixture(name: string): string {
  const dir = path.join(FIXTURES, name);
  execFileSync(process.execPath, [PLUGIN_BUILD, '--root', dir], { stdio: 'pipe' });
  return dir;
}

describe('the shell in Chromium', () => {
  let server: TestServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const packages = [
      buildFixture('runs-echo'),
      buildFixture('tags-echo'),
      buildFixture('crashing'),
      path.join(FIXTURES, 'missing-frontend'),
    ];
    server = await startServer(['--logdir', path.join(CORPUS, 'mnist-like'), '--reload_interval', '0'], packages);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a tab per plugin and every run, each with a colour', async () => {
    await page.goto(server.url);
    await page.getByTestId('tab-runs_echo').waitFor();
    await page.getByTestId('tab-runs_echo').click();
    for (const id of ['runs_echo', 'tags_echo', 'crashing', 'missing_frontend']) {
      await expect(page.getByTestId(`tab-${id}`).isVisible()).resolves.toBe(true);
    }
    await page.getByTestId('run-adam/train').waitFor();
    expect(await page.locator('[data-run]').count()).toBe(17);
    await page.getByTestId('runs-echo').waitFor();
    const adam = page.getByTestId('echo-run-adam/train');
    await expect.poll(() => adam.textContent()).toContain('batch_loss, epoch_loss, epoch_accuracy');
    // The dashboard draws each run in the colour the selector shows for it.
    const swatch = (await page.getByTestId('color-adam/train').inputValue()).toLowerCase();
    expect(swatch).toMatch(/^#[0-9a-f]{6}$/);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(swatch.slice(i, i + 2), 16));
    expect(await adam.getAttribute('style')).toContain(`rgb(${r}, ${g}, ${b})`);
    const other = (await page.getByTestId('color-sgd/train').inputValue()).toLowerCase();
    expect(other).not.toBe(swatch);
    // The sidebar's foot says where the data is and which compute backend runs (WASM here).
    await expect.poll(() => page.getByTestId('environment').textContent()).toContain('Compute: wasm');
    expect(await page.getByTestId('environment').textContent()).toContain('mnist-like');
    await page.screenshot({ path: path.join(SHOTS, 'shell-runs-echo.png') });
  });

  it('toggling a run in the selector updates the dashboard and the URL', async () => {
    await page.getByTestId('run-adam/train').locator('input[type=checkbox]').uncheck();
    await page.getByTestId('echo-run-adam/train').waitFor({ state: 'detached' });
    await page.getByTestId('echo-run-sgd/train').waitFor();
    expect(decodeURIComponent(page.url())).toContain('runs=sgd/train');
    expect(decodeURIComponent(page.url())).not.toContain('runs=adam/train');
    await page.getByTestId('run-adam/train').locator('input[type=checkbox]').check();
    await page.getByTestId('echo-run-adam/train').waitFor();
  });

  it('the run regex filters the selector', async () => {
    await page.getByTestId('run-filter').fill('^sgd/');
    await page.getByTestId('run-adam/train').waitFor({ state: 'detached' });
    expect(await page.locator('[data-run^="sgd/"]').count()).toBe(2);
    expect(await page.locator('[data-run]').count()).toBe(2);
    await page.getByTestId('run-filter').fill('(');
    expect(await page.getByTestId('run-filter').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('run-filter').fill('');
    await page.getByTestId('run-adam/train').waitFor();
  });

  it('a link reproduces the view: tab and selected runs', async () => {
    await page.getByTestId('tab-tags_echo').click();
    await page.getByTestId('tags-echo').waitFor();
    await page.getByTestId('run-sgd/train').locator('input[type=checkbox]').uncheck();
    const link = page.url();
    const other = await browser.context.newPage();
    await other.goto(link);
    await other.getByTestId('tags-echo').waitFor();
    await other.getByTestId('tags-run-adam/train').waitFor();
    expect(await other.getByTestId('tags-run-sgd/train').count()).toBe(0);
    expect(await other.getByTestId('checkbox-sgd/train').isChecked()).toBe(false);
    expect(await other.getByTestId('checkbox-adam/train').isChecked()).toBe(true);
    await other.screenshot({ path: path.join(SHOTS, 'shell-from-link.png') });
    await other.close();
  });

  it('a dashboard that throws shows an error card in its tab; the others keep working', async () => {
    await page.getByTestId('tab-crashing').click();
    const card = page.getByTestId('plugin-error');
    await card.waitFor();
    expect(await card.textContent()).toContain('crashing dashboard rendered with');
    await page.screenshot({ path: path.join(SHOTS, 'shell-crashing.png') });
    await page.getByTestId('tab-missing_frontend').click();
    await page.getByTestId('plugin-error').waitFor();
    expect(await page.getByTestId('plugin-error').textContent()).toMatch(/missing_frontend|Missing frontend/);
    await page.getByTestId('tab-runs_echo').click();
    await page.getByTestId('echo-run-adam/train').waitFor();
  });
});

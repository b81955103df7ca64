/**
 * The shell in real Chromium: `tb-core serve` on test/corpus/mnist-like with four
 * plugins installed as third-party packages (two working dashboards, one that throws
 * while rendering, one whose frontend was never built). A person sees the tabs and the
 * runs, toggles a run, opens a tab from a link, and a broken plugin stays in its tab.
 * Then a log root with long run names, at 1440 and 800 px wide: names elided in the
 * middle, the sidebar resized and collapsed, and data no installed plugin shows.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SummaryWriter } from '@tb/writer';
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
    // Only the fixtures: the workspace's own plugins would otherwise show up too.
    const only = ['runs_echo', 'tags_echo', 'crashing', 'missing_frontend'].join(',');
    server = await startServer(['--logdir', path.join(CORPUS, 'mnist-like'), '--reload_interval', '0', '--plugins', only], packages);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a tab per plugin and every run; the runs with data have colours, all different', async () => {
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
    // 16 runs have scalars: 16 colours (a palette of 12 gave two runs the same one). The
    // run with no data at all takes none.
    const colors = await page.locator('input[type=color]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(colors).toHaveLength(16);
    expect(new Set(colors).size).toBe(16);
    await page.getByTestId('no-color-hparam_tuning').waitFor();
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

  it('a dashboard can make some runs the selection of every tab and open another tab', async () => {
    await page.getByTestId('tab-runs_echo').click();
    await page.getByTestId('echo-only-sgd').click();
    await page.getByTestId('tags-echo').waitFor();
    expect(await page.getByTestId('checkbox-sgd/train').isChecked()).toBe(true);
    expect(await page.getByTestId('checkbox-sgd/validation').isChecked()).toBe(true);
    expect(await page.getByTestId('checkbox-adam/train').isChecked()).toBe(false);
    await page.getByTestId('tab-runs_echo').click();
    await page.getByTestId('echo-run-sgd/train').waitFor();
    expect(await page.getByTestId('echo-run-adam/train').count()).toBe(0);
    // The browser's back button restores the earlier selection and tab.
    await page.goBack();
    await page.goBack();
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

  it('keeps each run’s colour after a reload and in a tab where fewer runs have data', async () => {
    const colorsNow = () =>
      page.locator('input[type=color]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('aria-label'), (e as HTMLInputElement).value])));
    await page.getByTestId('tab-runs_echo').click();
    await page.getByTestId('color-adam/validation').waitFor();
    const before = await colorsNow();
    await page.reload();
    await page.getByTestId('color-adam/validation').waitFor();
    // Each run gets its colour once the page knows it has data: wait for all of them.
    await expect.poll(colorsNow).toEqual(before);
    // tags_echo reads histograms: only the two train runs have some.
    await page.getByTestId('tab-tags_echo').click();
    await page.getByTestId('no-color-adam/validation').waitFor();
    await expect
      .poll(colorsNow)
      .toEqual({ 'Colour of adam/train': before['Colour of adam/train'], 'Colour of sgd/train': before['Colour of sgd/train'] });
    await page.getByTestId('tab-runs_echo').click();
  });

  it('a link to a dashboard that is not installed (#graphs) says which package shows the graph data', async () => {
    await page.goto(`${server.url}#graphs`);
    const hint = page.getByTestId('unknown-plugin');
    await hint.waitFor();
    expect(await page.getByTestId('missing-data').textContent()).toBe('This log root has graph data (2 runs): install @tb/plugin-graphs.');
    expect(await hint.textContent()).toContain('Graphs is not installed');
    // The top bar's menu lists the data no installed plugin shows.
    await page.getByTestId('inactive-menu').click();
    const missing = await page.locator('[data-testid^="missing-tab-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(missing).toEqual(['images', 'audio', 'graphs', 'text', 'pr_curves', 'hparams'].map((id) => `missing-tab-${id}`));
    await page.screenshot({ path: path.join(SHOTS, 'shell-not-installed.png') });
    await page.getByTestId('missing-tab-hparams').click();
    await expect.poll(() => page.getByTestId('missing-data').textContent()).toBe('This log root has hyper-parameter data (12 runs): install @tb/plugin-hparams.');
    expect(pageErrors).toEqual([]);
  });

  it('at 800 px the tabs stay in one row and scroll, the hidden side faded, the active tab in view', async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    await page.goto(`${server.url}#tab=missing_frontend`);
    await page.getByTestId('plugin-error').waitFor();
    const tabs = page.getByTestId('tabs');
    const box = (await tabs.boundingBox())!;
    const active = (await page.getByTestId('tab-missing_frontend').boundingBox())!;
    expect(active.x).toBeGreaterThanOrEqual(box.x - 1);
    expect(active.x + active.width).toBeLessThanOrEqual(box.x + box.width + 1);
    const overflow = await tabs.evaluate((el) => ({ scrolls: el.scrollWidth > el.clientWidth, cls: el.className }));
    expect(overflow.scrolls).toBe(true);
    expect(overflow.cls).toMatch(/tb-tabs--more-(left|right)/);
    const tops = await page.locator('[role="tab"]').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'shell-tabs-800.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

/** Ten runs of one experiment whose names differ only after a long shared start, and a run with text only. */
async function writeLongNamedRuns(root: string): Promise<string[]> {
  const runs: string[] = [];
  for (let i = 0; i < 5; i++) {
    for (const split of ['train', 'validation']) {
      const run = `TheCodeheadMT-TensorBoard-Tutorial/MNIST-extra-metrics16904868${40 + i}/${split}`;
      const w = new SummaryWriter(path.join(root, run));
      const offset = split === 'train' ? 0 : 0.08;
      for (let step = 0; step < 3; step++) w.addScalar('epoch_loss', offset + 1 / (step + 1 + i), step, 1_700_000_000 + i * 10 + step);
      await w.close();
      runs.push(run);
    }
  }
  const notes = new SummaryWriter(path.join(root, 'notes'));
  notes.addText('about', 'Ten runs with long names.', 0, 1_700_000_100);
  await notes.close();
  return runs;
}

describe('long run names, the sidebar and narrow windows in Chromium', () => {
  const logs = mkdtempSync(path.join(os.tmpdir(), 'tb-long-names-'));
  let runs: string[];
  let server: TestServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    runs = await writeLongNamedRuns(logs);
    const plugins = ['scalars', 'images', 'histograms', 'runs_echo', 'tags_echo'].join(',');
    server = await startServer(['--logdir', logs, '--reload_interval', '0', '--plugins', plugins], [buildFixture('runs-echo'), buildFixture('tags-echo')]);
    await server.whenLoaded();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(logs, { recursive: true, force: true });
  });

  /**
   * Per run row: whether the characters from where `from` (a regex source) matches the
   * distinguishing part to its end are on screen, and whether some of its start shows.
   */
  const rowNames = (from: string) =>
    page.locator('[data-run] .tb-run-name').evaluateAll(
      (els, from) =>
        els.map((el) => {
          const title = el.getAttribute('title')!;
          const box = el.getBoundingClientRect();
          const inner = el.querySelector('.tb-run-name__distinct > span')!.firstChild as Text;
          const text = inner.data;
          const at = text.search(new RegExp(from));
          const range = document.createRange();
          range.setStart(inner, at < 0 ? 0 : at);
          range.setEnd(inner, text.length);
          const shown = range.getBoundingClientRect();
          const start = el.querySelector('.tb-run-name__start');
          return {
            title,
            distinct: text,
            tailVisible: at >= 0 && shown.left >= box.left - 0.5 && shown.right <= box.right + 0.5,
            startShown: start ? start.getBoundingClientRect().width > 8 : null,
          };
        }),
      from,
    );

  it('at 1440 px: ten long names are told apart by the part that differs and their end, full name on hover', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${server.url}#runs_echo`);
    await page.getByTestId('runs-echo').waitFor();
    await page.getByTestId(`run-${runs[0]}`).waitFor();
    const names = (await rowNames('16904868')).filter((n) => n.title !== 'notes');
    expect(names.map((n) => n.title)).toEqual(runs);
    expect(names.map((n) => n.distinct)).toEqual(runs.map((r) => r.slice('TheCodeheadMT-TensorBoard-Tutorial/MNIST-extra-metrics'.length)));
    // "1690486840/validation" on screen in every row, and the first letters of the name too.
    for (const n of names) expect(n).toMatchObject({ tailVisible: true, startShown: true });
    // The text-only run has no scalars: no colour in this tab.
    await page.getByTestId('no-color-notes').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'shell-long-names-1440.png') });
  });

  it('the sidebar is resized by dragging its edge and collapsed with a button, both remembered', async () => {
    const sidebar = page.getByTestId('sidebar');
    const start = (await sidebar.boundingBox())!;
    expect(Math.round(start.width)).toBe(280);
    const edge = (await page.getByTestId('sidebar-resizer').boundingBox())!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + 200);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2 + 60, edge.y + 200, { steps: 4 });
    await page.mouse.move(edge.x + edge.width / 2 + 120, edge.y + 200, { steps: 4 });
    await page.mouse.up();
    expect(Math.round((await sidebar.boundingBox())!.width)).toBe(400);
    await page.screenshot({ path: path.join(SHOTS, 'shell-sidebar-wide-1440.png') });
    await page.reload();
    await page.getByTestId(`run-${runs[0]}`).waitFor();
    expect(Math.round((await page.getByTestId('sidebar').boundingBox())!.width)).toBe(400);
    // Wider: more of each name's start shows, and all of what differs.
    const starts = await page.locator('[data-run] .tb-run-name__start').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
    expect(starts).toHaveLength(10);
    for (const width of starts) expect(width).toBeGreaterThan(100);
    for (const n of (await rowNames('1690486840|1690486841|1690486842|1690486843|1690486844')).filter((r) => r.title !== 'notes')) {
      expect(n.tailVisible).toBe(true);
    }

    await page.getByTestId('sidebar-collapse').click();
    await page.getByTestId('sidebar-collapsed').waitFor();
    const main = (await page.getByTestId('main').boundingBox())!;
    expect(main.x).toBeLessThan(60);
    await page.reload();
    await page.getByTestId('sidebar-collapsed').waitFor();
    await page.getByTestId('runs-echo').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'shell-sidebar-collapsed-1440.png') });
    await page.getByTestId('sidebar-expand').click();
    // A double-click on the edge goes back to the default width.
    await page.getByTestId('sidebar-resizer').dblclick();
    expect(Math.round((await page.getByTestId('sidebar').boundingBox())!.width)).toBe(280);
  });

  it('at 800 px: a narrower sidebar, one row of tabs that scrolls, the dashboard keeps its room', async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    await page.goto(`${server.url}#runs_echo`);
    await page.getByTestId('runs-echo').waitFor();
    expect(Math.round((await page.getByTestId('sidebar').boundingBox())!.width)).toBe(220);
    expect(Math.round((await page.locator('.tb-topbar').boundingBox())!.height)).toBe(48);
    const tabTops = await page.locator('[role="tab"]').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(tabTops).size).toBe(1);
    // The active tab is in view, even when the tabs do not all fit.
    const tabs = (await page.getByTestId('tabs').boundingBox())!;
    const active = (await page.getByTestId('tab-runs_echo').boundingBox())!;
    expect(active.x).toBeGreaterThanOrEqual(tabs.x - 1);
    expect(active.x + active.width).toBeLessThanOrEqual(tabs.x + tabs.width + 1);
    // The settings button stays on screen.
    const settings = (await page.getByTestId('settings').boundingBox())!;
    expect(settings.x + settings.width).toBeLessThanOrEqual(800);
    const main = (await page.getByTestId('main').boundingBox())!;
    expect(main.width).toBeGreaterThanOrEqual(800 - 221);
    // Narrower: what differs ("40/validation") and the name's first letters still show.
    const names = (await rowNames('\\d\\d/\\w+$')).filter((r) => r.title !== 'notes');
    expect(names).toHaveLength(10);
    for (const n of names) expect(n).toMatchObject({ tailVisible: true, startShown: true });
    await page.screenshot({ path: path.join(SHOTS, 'shell-long-names-800.png') });
    await page.goto(`${server.url}#scalars`);
    await page.locator('[data-testid="dashboard-scalars"]').waitFor();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(SHOTS, 'shell-scalars-800.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SHOTS, 'shell-scalars-1440.png') });
    expect(pageErrors).toEqual([]);
  });

  it('a log root whose data no installed plugin reads says which packages show it, not an empty dashboard', async () => {
    const only = await startServer(['--logdir', logs, '--reload_interval', '0', '--plugins', 'tags_echo'], [buildFixture('tags-echo')]);
    try {
      await only.whenLoaded();
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(only.url);
      const hint = page.getByTestId('missing-plugins');
      await hint.waitFor();
      expect(await hint.textContent()).toContain('No installed plugin shows the data of this log root');
      expect(await hint.locator('li').allTextContents()).toEqual([
        'scalar data (10 runs): install @tb/plugin-scalars',
        'text data (1 run): install @tb/plugin-text',
      ]);
      expect(await page.getByTestId('tags-echo').count()).toBe(0);
      await page.screenshot({ path: path.join(SHOTS, 'shell-missing-plugins.png') });
      await page.setViewportSize({ width: 800, height: 900 });
      await page.screenshot({ path: path.join(SHOTS, 'shell-missing-plugins-800.png') });
    } finally {
      await only.stop();
    }
  });
});

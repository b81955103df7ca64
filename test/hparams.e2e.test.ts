/**
 * The HParams dashboard in real Chromium on test/corpus/mnist-like (12 sessions of a
 * sweep over dropout, lr, optimizer and units, with accuracy and loss): the table lists
 * TensorBoard's session groups with their values, sorting by accuracy puts the best
 * first, brushing the learning-rate axis with the mouse filters the table (and survives
 * a switch to a log axis), hovering a row highlights its line, clicking a session shows
 * its curves from the Scalars plugin, and "Show in Scalars" opens the Scalars tab with
 * exactly that session's run selected. Screenshots go to test-results/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { CORPUS, ROOT, startServer, type TestServer } from './support/server.js';

const SHOTS = path.join(ROOT, 'test-results');
const REFERENCE = path.join(CORPUS, 'reference/mnist-like/hparams');

interface RefGroup {
  readonly name: string;
  readonly hparams: Record<string, number | string>;
  readonly metricValues: { name: { tag: string }; value: number }[];
}

const groups = (JSON.parse(readFileSync(path.join(REFERENCE, 'session_groups/session_groups.json'), 'utf8')) as { sessionGroups: RefGroup[] })
  .sessionGroups;
const accuracyOf = (g: RefGroup) => g.metricValues.find((m) => m.name.tag === 'hparam/accuracy')!.value;

describe('HParams in Chromium', () => {
  let server: TestServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(['--logdir', path.join(CORPUS, 'mnist-like'), '--reload_interval', '0', '--plugins', 'hparams,scalars']);
    await server.whenLoaded();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(`${server.url}#tab=hparams`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const rows = () => page.locator('[data-testid^="hparams-row-"]');
  const rowNames = async () => rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-session')));
  const column = async (id: string) => {
    const headers = await page.locator('[data-testid="hparams-table"] thead th').evaluateAll((ths) => ths.map((th) => th.querySelector('[data-testid^="hparams-sort-"]')?.getAttribute('data-testid') ?? ''));
    return headers.indexOf(`hparams-sort-${id}`);
  };
  const cells = async (id: string) => {
    const i = await column(id);
    return rows().evaluateAll((trs, index) => trs.map((tr) => tr.children[index]!.textContent ?? ''), i);
  };

  it("lists the 12 session groups with TensorBoard's values", async () => {
    await page.getByTestId('hparams-table').waitFor();
    await expect.poll(() => rows().count(), { timeout: 20_000 }).toBe(12);
    expect((await rowNames()).sort()).toEqual(groups.map((g) => g.name).sort());
    const names = await rowNames();
    const acc = await cells('metric:hparam/accuracy');
    const lr = await cells('hparam:lr');
    for (const [i, name] of names.entries()) {
      const ref = groups.find((g) => g.name === name)!;
      expect(Number(acc[i])).toBeCloseTo(accuracyOf(ref), 4);
      expect(Number(lr[i])).toBe(ref.hparams['lr']);
    }
    await expect.poll(() => page.locator('.tb-hparams__lines-in path').count()).toBe(12);
    expect(await page.getByTestId('hparams-count').textContent()).toBe('12 session groups');
    await page.screenshot({ path: path.join(SHOTS, 'hparams-overview.png') });
  });

  it('sorting by accuracy puts the best session first', async () => {
    const best = [...groups].sort((a, b) => accuracyOf(b) - accuracyOf(a));
    const sort = page.getByTestId('hparams-sort-metric:hparam/accuracy');
    await sort.click();
    await expect.poll(async () => (await rowNames())[0]).toBe(best.at(-1)!.name);
    await sort.click();
    await expect.poll(async () => (await rowNames())[0]).toBe(best[0]!.name);
    expect(await rowNames()).toEqual(best.map((g) => g.name));
    expect(await sort.locator('xpath=ancestor::th').getAttribute('aria-sort')).toBe('descending');
    await page.getByTestId('hparams-table').screenshot({ path: path.join(SHOTS, 'hparams-sorted.png') });
  });

  it("a column's filter keeps the values checked", async () => {
    await page.getByTestId('hparams-filter-hparam:lr').click();
    const editor = page.getByTestId('hparams-filter-editor');
    await editor.waitFor();
    await editor.getByTestId('hparams-filter-value-0.001').uncheck();
    await expect.poll(() => rows().count()).toBe(6);
    expect(new Set(await cells('hparam:lr'))).toEqual(new Set(['0.01']));
    await page.screenshot({ path: path.join(SHOTS, 'hparams-filter.png') });
    await editor.getByRole('button', { name: 'Clear filter' }).click();
    await expect.poll(() => rows().count()).toBe(12);
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
  });

  it('hovering a row highlights its line in the plot; hovering and clicking a line picks its row', async () => {
    const row = rows().nth(3);
    const name = (await row.getAttribute('data-session'))!;
    await row.hover();
    const core = page.locator('.tb-hparams__line-hovered .tb-hparams__line-core');
    await expect.poll(() => core.count()).toBe(1);
    // The middle of the line's first segment, in page pixels.
    const [x0, y0, x1, y1] = ((await core.getAttribute('d'))!.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    const svg = (await page.locator('.tb-hparams__pc-svg').boundingBox())!;
    await page.mouse.move(0, 0);
    await expect.poll(() => page.locator('.tb-hparams__line-hovered').count()).toBe(0);
    await page.mouse.move(svg.x + (x0! + x1!) / 2, svg.y + (y0! + y1!) / 2);
    await expect.poll(() => page.locator('.tb-hparams__row--hovered').getAttribute('data-session')).toBe(name);
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('hparams-session').getAttribute('data-session')).toBe(name);
    await page.getByTestId('hparams-session-close').click();
    await page.mouse.move(0, 0);
  });

  it('hovering a point of the scatter plots highlights its row, and the other way round', async () => {
    const cell = page.getByTestId('hparams-scatter-metric:hparam/accuracy-hparam:units');
    await cell.scrollIntoViewIfNeeded();
    expect(await cell.getAttribute('data-points-in')).toBe('12');
    // Hovering the best session's row marks its point; the mouse then goes to that point.
    const best = [...groups].sort((a, b) => accuracyOf(b) - accuracyOf(a))[0]!.name;
    await page.getByTestId(`hparams-row-${best}`).hover();
    const mark = cell.locator('.tb-hparams__point-hovered');
    await expect.poll(() => mark.getAttribute('data-session')).toBe(best);
    const box = (await mark.boundingBox())!;
    await page.mouse.move(0, 0);
    await expect.poll(() => mark.count()).toBe(0);
    await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2 + 1);
    await expect.poll(() => page.locator('.tb-hparams__row--hovered').getAttribute('data-session')).toBe(best);
    await expect.poll(() => mark.getAttribute('data-session')).toBe(best);
    expect(await page.locator('.tb-hparams__line-hovered').count()).toBe(1);
    await page.getByTestId('hparams-scatter-card').screenshot({ path: path.join(SHOTS, 'hparams-scatter.png') });
    await page.mouse.move(0, 0);
  });

  it('brushing the learning-rate axis filters the table', async () => {
    const axis = page.getByTestId('hparams-axis-hparam:lr');
    // The plot is at the top of the page, below the sticky toolbar.
    await page.getByTestId('main').evaluate((main) => main.scrollTo(0, 0));
    const line = (await axis.locator('.tb-hparams__axis-line').boundingBox())!;
    // lr is 0.001 (bottom) or 0.01 (top): brush the top third of the axis.
    const x = line.x + line.width / 2;
    await page.mouse.move(x, line.y + 2);
    await page.mouse.down();
    await page.mouse.move(x, line.y + line.height * 0.2, { steps: 4 });
    await page.mouse.move(x, line.y + line.height * 0.35, { steps: 4 });
    await page.mouse.up();
    const high = groups.filter((g) => g.hparams['lr'] === 0.01).map((g) => g.name);
    expect(high).toHaveLength(6);
    await expect.poll(async () => (await rowNames()).sort()).toEqual(high.sort());
    expect(await page.getByTestId('hparams-count').textContent()).toBe('6 of 12 session groups');
    expect(await page.locator('.tb-hparams__lines-in path').count()).toBe(6);
    // Every line stays drawn underneath, grey; the others are not coloured.
    expect(await page.locator('.tb-hparams__lines-out path').count()).toBe(12);
    await page.mouse.move(0, 0);
    await page.getByTestId('hparams-parallel-card').screenshot({ path: path.join(SHOTS, 'hparams-brushed.png') });

    // A log axis keeps the brush (it is kept in values, not pixels).
    await page.getByTestId('hparams-axis-title-hparam:lr').click();
    await expect.poll(() => axis.getAttribute('data-scale')).toBe('log');
    expect((await rowNames()).sort()).toEqual(high.sort());
    const brush = (await axis.locator('.selection').boundingBox())!;
    expect(brush.y).toBeLessThanOrEqual(line.y + 1);
    await page.getByTestId('hparams-parallel-card').screenshot({ path: path.join(SHOTS, 'hparams-brushed-log.png') });
  });

  it('clearing the filters brings every session back and removes the brush', async () => {
    await page.getByTestId('hparams-clear-filters').click();
    await expect.poll(() => rows().count()).toBe(12);
    await expect.poll(() => page.locator('[data-testid="hparams-axis-hparam:lr"] .selection').evaluate((el) => (el as SVGElement).style.display)).toBe('none');
  });

  it('clicking a session shows its curves', async () => {
    // The best session, which TensorBoard's recorded metric_evals cover.
    const name = [...groups].sort((a, b) => accuracyOf(b) - accuracyOf(a))[0]!.name;
    const first = rows().nth(0);
    expect(await first.getAttribute('data-session')).toBe(name);
    await first.click();
    const panel = page.getByTestId('hparams-session');
    await panel.waitFor();
    expect(await panel.getAttribute('data-session')).toBe(name);
    const evals = JSON.parse(
      readFileSync(
        path.join(REFERENCE, 'metric_evals', `metric_evals%3A${encodeURIComponent(name)}%3A%7B%22group%22%3A%20%22%22,%20%22tag%22%3A%20%22hparam%2Faccuracy%22%7D.json`),
        'utf8',
      ),
    ) as unknown[];
    const curve = page.getByTestId('hparams-curve-metric:hparam/accuracy');
    await expect.poll(() => curve.getAttribute('data-points'), { timeout: 20_000 }).toBe(String(evals.length));
    await expect.poll(() => page.getByTestId('hparams-curve-metric:hparam/loss').getAttribute('data-points')).toBe(String(evals.length));
    expect(await curve.locator('circle, polyline').count()).toBe(1);
    expect(await page.locator('.tb-hparams__line-selected').count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'hparams-session.png'), fullPage: true });
  });

  it('downloads the table as CSV and JSON, and as LaTeX from the server', async () => {
    const menu = page.getByTestId('hparams-download');
    const save = async (label: RegExp) => {
      await menu.getByRole('button', { name: 'Download the table' }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('menuitem', { name: label }).click()]);
      return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
    };
    const csv = await save(/^CSV/);
    expect(csv.name).toBe('hparams_table.csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('Session group,dropout,lr,optimizer,units,hparam/accuracy,hparam/loss');
    expect(lines).toHaveLength(13);
    // Sorted as the table is: the best session first, with its full-precision accuracy.
    const best = [...groups].sort((a, b) => accuracyOf(b) - accuracyOf(a))[0]!;
    expect(lines[1]!.split(',')[0]).toBe(best.name);
    expect(Number(lines[1]!.split(',')[5])).toBe(accuracyOf(best));

    const json = JSON.parse((await save(/^JSON/)).text) as { header: string[]; rows: unknown[][] };
    expect(json.header).toHaveLength(7);
    expect(json.rows).toHaveLength(12);

    await menu.getByRole('button', { name: 'Download the table' }).click();
    const href = (await menu.getByRole('menuitem', { name: /LaTeX/ }).getAttribute('href'))!;
    await page.keyboard.press('Escape');
    const res = await fetch(new URL(href, server.url));
    expect(res.status).toBe(200);
    const latex = await res.text();
    expect(latex).toContain('tabular');
    // Every session, in the table's order (the request carries the sort).
    const rowsOut = latex.split('\n').filter((l) => l.startsWith('$'));
    expect(rowsOut).toHaveLength(12);
    const byAccuracy = [...groups].sort((a, b) => accuracyOf(b) - accuracyOf(a));
    rowsOut.forEach((line, i) => {
      const shown = Number(line.split('&')[4]!.trim().replace(/\$/g, ''));
      expect(shown).toBeCloseTo(accuracyOf(byAccuracy[i]!), 2);
    });
  });

  it('"Show in Scalars" opens the Scalars tab with that session\'s runs selected', async () => {
    const name = (await page.getByTestId('hparams-session').getAttribute('data-session'))!;
    await page.getByTestId('hparams-show-in-scalars').click();
    await page.getByTestId('scalars-dashboard').waitFor();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('tab=scalars');
    expect(await page.getByTestId(`checkbox-${name}`).isChecked()).toBe(true);
    for (const other of [...groups.map((g) => g.name).filter((n) => n !== name), 'adam/train', 'sgd/validation']) {
      expect(await page.getByTestId(`checkbox-${other}`).isChecked(), other).toBe(false);
    }
    await page.getByTestId('scalar-card-hparam/accuracy').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'hparams-show-in-scalars.png') });

    // Back returns to the sweep.
    await page.goBack();
    await page.getByTestId('hparams-table').waitFor();
  });

  it('looks right in dark mode', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.getByTestId('hparams-table').waitFor();
    await expect.poll(() => rows().count()).toBe(12);
    await page.screenshot({ path: path.join(SHOTS, 'hparams-dark.png') });
    await page.getByTestId('hparams-scatter-card').screenshot({ path: path.join(SHOTS, 'hparams-dark-scatter.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

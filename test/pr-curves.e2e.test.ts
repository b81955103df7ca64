/// <reference lib="dom" />
/**
 * The PR Curves dashboard in real Chromium on test/corpus/mnist-like: a card per tag with
 * both validation runs' curves overlaid in their colours at the latest step, drawn
 * through every threshold TensorBoard answers; the step slider moves every run's curve;
 * hovering shows, per run, the nearest point's threshold, precision, recall and counts,
 * exactly TensorBoard's numbers.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { CORPUS, ROOT, startServer, type TestServer } from './support/server.js';

const SHOTS = path.join(ROOT, 'test-results');
const RUNS = ['adam/validation', 'sgd/validation'];

interface Entry {
  step: number;
  thresholds: number[];
  precision: number[];
  recall: number[];
  true_positives: number[];
  false_positives: number[];
  true_negatives: number[];
  false_negatives: number[];
}
/** TensorBoard's recorded answer for (run, tag) on mnist-like. */
function theirs(run: string, tag: string): Entry[] {
  const file = `run=${encodeURIComponent(run)}&tag=${encodeURIComponent(tag)}.json`;
  const answer = JSON.parse(readFileSync(path.join(CORPUS, 'reference/mnist-like/pr_curves/pr_curves', file), 'utf8')) as Record<string, Entry[]>;
  return answer[run]!;
}

describe('PR Curves in Chromium', () => {
  let server: TestServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const pageErrors: string[] = [];
  const card = (tag: string) => page.getByTestId(`pr-card-${tag}`);
  const line = (tag: string, run: string) => card(tag).locator(`path[data-run="${run}"]`);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(['--logdir', path.join(CORPUS, 'mnist-like'), '--reload_interval', '0', '--plugins', 'scalars,pr_curves']);
    await server.whenLoaded();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws a card per tag with both runs overlaid, in their colours, at the latest step', async () => {
    await page.goto(`${server.url}#tab=pr_curves`);
    for (const tag of ['pr_curve/digit_0', 'pr_curve/digit_1']) {
      for (const run of RUNS) {
        await line(tag, run).waitFor();
        expect(await line(tag, run).getAttribute('data-step')).toBe('4');
        // One vertex per threshold TensorBoard answers (trailing TP + FP = 0 trimmed).
        const d = (await line(tag, run).getAttribute('d'))!;
        expect(d.split(/[ML]/).filter(Boolean).length).toBe(theirs(run, tag).at(-1)!.thresholds.length);
      }
      const colours = await Promise.all(RUNS.map((r) => line(tag, r).getAttribute('stroke')));
      expect(new Set(colours).size).toBe(2);
      expect(await card(tag).getByTestId('pr-step-step').textContent()).toBe('Step 4');
      // Axes from 0 to 1 on both sides.
      const labels = await card(tag).locator('[data-axis] text').allTextContents();
      expect(labels).toEqual(expect.arrayContaining(['0', '1.0', 'Recall', 'Precision']));
    }
    await page.screenshot({ path: path.join(SHOTS, 'pr-curves.png') });
  });

  it("the step slider moves each run's curve, to its step at or before the chosen one", async () => {
    const tag = 'pr_curve/digit_0';
    const before = await line(tag, 'adam/validation').getAttribute('d');
    const slider = card(tag).getByTestId('pr-step').locator('input[type=range]');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => line(tag, 'adam/validation').getAttribute('data-step')).toBe('0');
    expect(await line(tag, 'sgd/validation').getAttribute('data-step')).toBe('0');
    expect(await line(tag, 'adam/validation').getAttribute('d')).not.toBe(before);
    expect(await card(tag).getByTestId('pr-legend').textContent()).toContain('step 0');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => line(tag, 'adam/validation').getAttribute('data-step')).toBe('1');
    // The other card did not move.
    expect(await line('pr_curve/digit_1', 'adam/validation').getAttribute('data-step')).toBe('4');
  });

  it("the tooltip shows each run's nearest point with TensorBoard's threshold, precision, recall and counts", async () => {
    const tag = 'pr_curve/digit_0';
    const svg = card(tag).locator('svg.tb-pr-chart__svg');
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.3);
    const tooltip = card(tag).getByTestId('pr-tooltip');
    await tooltip.waitFor();
    for (const run of RUNS) {
      const cells = (await tooltip.locator(`tr[data-run="${run}"] td`).allTextContents()).map((c) => c.trim());
      const [, name, step, threshold, precision, recall, tp, fp, tn, fn] = cells;
      expect(name).toBe(run);
      expect(step).toBe('1');
      const entry = theirs(run, tag).find((e) => e.step === 1)!;
      const i = entry.true_positives.findIndex((v, j) => String(v) === tp && String(entry.false_positives[j]) === fp && String(entry.true_negatives[j]) === tn && String(entry.false_negatives[j]) === fn);
      expect(i, `a column of TensorBoard's answer has ${cells.join(' ')}`).toBeGreaterThanOrEqual(0);
      expect(Number(threshold)).toBeCloseTo(entry.thresholds[i]!, 3);
      expect(Number(precision)).toBeCloseTo(entry.precision[i]!, 3);
      expect(Number(recall)).toBeCloseTo(entry.recall[i]!, 3);
    }
    expect(await card(tag).locator('.tb-pr-chart__markers circle').count()).toBe(2);
    await page.screenshot({ path: path.join(SHOTS, 'pr-curves-hover.png') });
    await page.mouse.move(0, 0);
    await expect.poll(() => tooltip.count()).toBe(0);
  });

  it('draws with the theme in dark mode: light axis labels on a dark card', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    const tag = 'pr_curve/digit_1';
    await line(tag, 'sgd/validation').waitFor();
    const label = card(tag).locator('[data-axis="x"] text').first();
    const fill = await label.evaluate((el) => getComputedStyle(el).fill);
    const [r, g, b] = fill.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!, `axis label fill ${fill}`).toBeGreaterThan(3 * 128);
    const svg = card(tag).locator('svg.tb-pr-chart__svg');
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.2);
    await card(tag).getByTestId('pr-tooltip').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'pr-curves-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

/**
 * The Scalars dashboard in real Chromium on test/corpus/mnist-like: both runs' lines
 * in the loss and accuracy cards, the tooltip showing TensorBoard's values at the hovered
 * step, the smoothing slider changing what is drawn, and the run regex hiding a run.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { CORPUS, ROOT, startServer, type TestServer } from './support/server.js';

const SHOTS = path.join(ROOT, 'test-results');
const REFERENCE = path.join(CORPUS, 'reference/mnist-like/scalars/scalars');

function reference(run: string, tag: string): [number, number, number][] {
  const file = `run=${encodeURIComponent(run)}&tag=${encodeURIComponent(tag)}.json`;
  return JSON.parse(readFileSync(path.join(REFERENCE, file), 'utf8')) as [number, number, number][];
}

/** The numbers written in a text ("0.2868", "1.23e-4", "4"). */
function numbers(text: string): number[] {
  return (text.match(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi) ?? []).map(Number);
}

describe('Scalars in Chromium', () => {
  let server: TestServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(['--logdir', path.join(CORPUS, 'mnist-like'), '--reload_interval', '0', '--plugins', 'scalars']);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(`${server.url}#tab=scalars`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const canvas = (tag: string): Locator => page.getByTestId(`scalar-canvas-${tag}`);

  async function drawn(tag: string): Promise<string> {
    await expect.poll(() => canvas(tag).getAttribute('data-path-hash'), { timeout: 20_000 }).toBeTruthy();
    return (await canvas(tag).getAttribute('data-path-hash'))!;
  }

  /** Hovers `tag`'s chart at fraction `fx` of its width; returns the tooltip rows' texts by run. */
  async function hover(tag: string, fx: number): Promise<Map<string, string>> {
    await canvas(tag).scrollIntoViewIfNeeded();
    const box = (await canvas(tag).boundingBox())!;
    await page.mouse.move(box.x + box.width * fx, box.y + box.height / 2);
    const tooltip = page.getByTestId('scalar-tooltip');
    await tooltip.waitFor();
    const rows = new Map<string, string>();
    for (const row of await tooltip.locator('[data-testid^="tooltip-row-"]').all()) {
      const id = (await row.getAttribute('data-testid'))!.slice('tooltip-row-'.length);
      rows.set(id, (await row.textContent()) ?? '');
    }
    return rows;
  }

  it('draws a card for the loss and accuracy tags, each with every run that has them', async () => {
    await page.getByTestId('scalar-card-epoch_loss').waitFor();
    await page.getByTestId('scalar-card-epoch_accuracy').waitFor();
    await drawn('epoch_loss');
    await drawn('epoch_accuracy');
    const rows = await hover('epoch_loss', 0.5);
    expect([...rows.keys()].sort()).toEqual(['adam/train', 'adam/validation', 'sgd/train', 'sgd/validation']);
    await page.screenshot({ path: path.join(SHOTS, 'scalars-hover.png') });
  });

  it("the tooltip shows TensorBoard's value at the hovered step", async () => {
    const ref = reference('adam/train', 'epoch_loss');
    // Sweep the chart; at each position, the adam/train row names a step and its raw value.
    let checked = 0;
    for (const fx of [0.02, 0.25, 0.5, 0.75, 0.98]) {
      const row = (await hover('epoch_loss', fx)).get('adam/train')!;
      const found = ref.find(([, step, value]) => {
        const nums = numbers(row);
        return nums.includes(step) && nums.some((n) => Math.abs(n - value) <= Math.abs(value) * 1e-3);
      });
      expect(found, `row "${row}" names a step and its reference value`).toBeDefined();
      checked++;
    }
    expect(checked).toBe(5);
  });

  it('moving the smoothing slider changes the drawn lines', async () => {
    const before = await drawn('batch_loss');
    const slider = page.getByTestId('smoothing');
    await slider.fill('0.95');
    await expect.poll(() => canvas('batch_loss').getAttribute('data-path-hash')).not.toBe(before);
    await page.screenshot({ path: path.join(SHOTS, 'scalars-smoothed.png') });
    await slider.fill('0');
    await expect.poll(() => canvas('batch_loss').getAttribute('data-path-hash')).not.toBe(before);
  });

  it('a run regex hides the other runs', async () => {
    await page.getByTestId('run-filter').fill('^sgd/');
    await expect.poll(async () => [...(await hover('epoch_loss', 0.5)).keys()].sort()).toEqual(['sgd/train', 'sgd/validation']);
    await page.screenshot({ path: path.join(SHOTS, 'scalars-sgd-only.png') });
    await page.getByTestId('run-filter').fill('');
  });
});

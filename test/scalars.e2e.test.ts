/**
 * The Scalars dashboard in real Chromium on test/corpus/mnist-like: both runs' lines
 * in the loss and accuracy cards, the tooltip showing TensorBoard's values at the hovered
 * step, the smoothing slider changing what is drawn, and the run regex hiding a run;
 * Keras' one-tag groups flowing several cards to a row at 1440 and 800 px, the card
 * width setting, a compact tooltip beside the hovered points that shows the nearest runs
 * on request; and, on test/corpus/edge, a restarted run drawn as one line per segment.
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

  /** The top-left corner of each card, by tag. */
  async function cardBoxes(tags: readonly string[]): Promise<Map<string, { x: number; y: number; width: number }>> {
    const out = new Map<string, { x: number; y: number; width: number }>();
    for (const tag of tags) {
      const box = (await page.getByTestId(`scalar-card-${tag}`).boundingBox())!;
      out.set(tag, { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width) });
    }
    return out;
  }

  /** How many of `tags`' cards share the first card's row. */
  async function cardsInFirstRow(tags: readonly string[]): Promise<number> {
    const boxes = [...(await cardBoxes(tags)).values()];
    return boxes.filter((b) => b.y === boxes[0]!.y).length;
  }

  const KERAS = ['batch_loss', 'epoch_accuracy', 'epoch_loss'];

  it("lays Keras' one-tag groups out in one grid, several cards to a row, at 1440 and at 800 px", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.evaluate(() => scrollTo(0, 0));
    await page.getByTestId('card-width-medium').click();
    await drawn('epoch_loss');
    // Three columns: the three Keras cards side by side, in one row.
    await expect.poll(() => cardsInFirstRow(KERAS)).toBe(3);
    await expect.poll(() => page.getByTestId('tag-group-epoch_loss').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'scalars-layout-1440.png') });

    await page.getByTestId('card-width-small').click();
    await expect.poll(async () => (await cardBoxes(KERAS)).get('epoch_loss')!.width).toBeLessThan(300);
    await page.screenshot({ path: path.join(SHOTS, 'scalars-layout-1440-small.png') });
    await page.getByTestId('card-width-large').click();
    await expect.poll(() => cardsInFirstRow(KERAS)).toBe(2);

    await page.setViewportSize({ width: 800, height: 900 });
    await page.getByTestId('card-width-small').click();
    await expect.poll(() => cardsInFirstRow(KERAS)).toBe(2);
    await drawn('epoch_loss');
    await page.screenshot({ path: path.join(SHOTS, 'scalars-layout-800-small.png') });

    // Remembered across a reload.
    await page.reload();
    await page.getByTestId('scalar-card-epoch_loss').waitFor();
    expect(await page.getByTestId('card-width-small').getAttribute('aria-checked')).toBe('true');
    await page.getByTestId('card-width-medium').click();
    await drawn('epoch_loss');
    await page.screenshot({ path: path.join(SHOTS, 'scalars-layout-800.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  /** Hovers `tag` at fraction `fx` of its canvas; returns the mouse and the tooltip's box. */
  async function tooltipAt(tag: string, fx: number) {
    await canvas(tag).scrollIntoViewIfNeeded();
    const box = (await canvas(tag).boundingBox())!;
    const mouse = { x: box.x + box.width * fx, y: box.y + box.height / 2 };
    await page.mouse.move(mouse.x, mouse.y);
    const tooltip = page.getByTestId('scalar-tooltip');
    await tooltip.waitFor();
    const tip = (await tooltip.boundingBox())!;
    const rows = await tooltip.locator('[data-testid^="tooltip-row-"]').count();
    return { mouse, tip, rows, side: await tooltip.getAttribute('data-side') };
  }

  it('keeps a compact tooltip beside the hovered points, flipping sides near the edge', async () => {
    for (const width of [1440, 800]) {
      await page.setViewportSize({ width, height: 900 });
      const sides = new Set<string | null>();
      for (const tag of ['batch_loss', 'epoch_loss']) {
        await drawn(tag);
        for (const fx of [0.05, 0.5, 0.97]) {
          const { mouse, tip, rows, side } = await tooltipAt(tag, fx);
          expect(rows).toBe(tag === 'batch_loss' ? 2 : 4);
          // Compact (it was 600 px wide), on screen, and clear of the guide through the hovered points.
          expect(tip.width).toBeLessThan(400);
          const where = `${width} px, ${tag} at ${mouse.x}: tooltip ${tip.x}..${tip.x + tip.width} on the ${side}`;
          expect(side === 'right' ? tip.x >= mouse.x + 4 : tip.x + tip.width <= mouse.x - 4, where).toBe(true);
          expect(tip.x).toBeGreaterThanOrEqual(0);
          expect(tip.x + tip.width).toBeLessThanOrEqual(width);
          sides.add(side);
        }
        if (tag === 'batch_loss') await page.screenshot({ path: path.join(SHOTS, `scalars-tooltip-${width}.png`) });
      }
      expect([...sides].sort()).toEqual(['left', 'right']);
    }
    await page.mouse.move(0, 0);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('shows only the nearest run in the tooltip when asked, and remembers it', async () => {
    await page.getByTestId('tooltip-runs').selectOption('1');
    await drawn('epoch_loss');
    expect((await tooltipAt('epoch_loss', 0.5)).rows).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'scalars-tooltip-nearest.png') });
    await page.mouse.move(0, 0);
    await page.reload();
    await drawn('epoch_loss');
    expect(await page.getByTestId('tooltip-runs').inputValue()).toBe('1');
    expect((await tooltipAt('epoch_loss', 0.5)).rows).toBe(1);
    await page.getByTestId('tooltip-runs').selectOption('0');
    expect((await tooltipAt('epoch_loss', 0.5)).rows).toBe(4);
    await page.mouse.move(0, 0);
  });

  it('a run regex hides the other runs', async () => {
    await page.getByTestId('run-filter').fill('^sgd/');
    await expect.poll(async () => [...(await hover('epoch_loss', 0.5)).keys()].sort()).toEqual(['sgd/train', 'sgd/validation']);
    await page.screenshot({ path: path.join(SHOTS, 'scalars-sgd-only.png') });
    await page.getByTestId('run-filter').fill('');
  });
});

describe('Scalars in Chromium: a restarted run', () => {
  let server: TestServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(['--logdir', path.join(CORPUS, 'edge'), '--reload_interval', '0', '--plugins', 'scalars']);
    await server.whenLoaded();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(`${server.url}#tab=scalars`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws one line per segment: a new one wherever the step goes back', async () => {
    // Whatever the server keeps of the restart (one file's points or both), count its step-backs.
    const rows = (await (await fetch(`${server.url}data/plugin/scalars/scalars?run=restart&tag=loss`)).json()) as [number, number, number][];
    expect(rows.length).toBeGreaterThan(0);
    const backs = rows.filter((r, i) => i > 0 && r[1] <= rows[i - 1]![1]).length;

    await page.getByTestId('run-filter').fill('^restart$');
    const lossCanvas = page.getByTestId('scalar-canvas-loss');
    await lossCanvas.scrollIntoViewIfNeeded();
    await expect.poll(() => lossCanvas.getAttribute('data-segments'), { timeout: 20_000 }).toBe(String(1 + backs));
    await page.getByTestId('scalar-card-loss').screenshot({ path: path.join(SHOTS, 'scalars-restart.png') });
  });
});

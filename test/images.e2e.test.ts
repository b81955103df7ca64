/// <reference lib="dom" />
/**
 * The Images dashboard in real Chromium on test/corpus/mnist-like and tf2-format:
 * images appear sharp (pixelated), the slider and the arrow keys change the step and
 * the bytes shown, several samples per step, enlarge and compare; an unknown key gets a
 * 404 and the server goes on; --samples_per_plugin images=N bounds the steps kept.
 * On a log root written here: compare picks runs that have the tag (a validation run
 * with only another image tag is never a side), says "no image at step N" with the
 * nearest steps, and a 1x128 bias strip is drawn thick enough to see, pixelated.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SummaryWriter } from '@tb/writer';
import { decode } from 'fast-png';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { CORPUS, ROOT, startServer, type TestServer } from './support/server.js';

const SHOTS = path.join(ROOT, 'test-results');

/** The bytes the <img> shows, fetched again from its (absolute) src. */
async function bytesOf(page: Page, img: Locator): Promise<Buffer> {
  const src = await img.evaluate((el: HTMLImageElement) => el.src);
  return Buffer.from(await (await page.request.get(src)).body());
}

/**
 * How blocky the element looks on screen: the share of pixels equal to their right-hand
 * neighbour. A 28x28 image drawn pixelated at 10x or more is nearly all flat blocks
 * (> 0.85); smoothed, its noisy pixels blend and few neighbours match.
 */
async function flatness(el: Locator): Promise<number> {
  const png = decode(await el.screenshot());
  const { width, height, channels, data } = png;
  let same = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x + 1 < width; x++) {
      const i = (y * width + x) * channels;
      if (data[i] === data[i + channels] && data[i + 1] === data[i + 1 + channels] && data[i + 2] === data[i + 2 + channels]) same++;
    }
  }
  return same / (height * (width - 1));
}

/** A 28x28 gray image that differs by `seed`. */
function digit(seed: number) {
  return { data: Uint8Array.from({ length: 28 * 28 }, (_, i) => ((i * 7 + seed * 31) % 251) & 0xff), width: 28, height: 28, channels: 1 as const };
}

/**
 * A log root as a training script with a validation run writes it: adam/train and
 * sgd/train log `sample_digits` at different steps, adam/validation only a
 * `confusion_matrix`, and adam/train a 1-pixel-tall 128-wide `dense/bias` strip.
 */
async function writeLogRoot(dir: string): Promise<void> {
  const t0 = 1_795_464_000;
  const adam = new SummaryWriter(path.join(dir, 'adam/train'));
  const validation = new SummaryWriter(path.join(dir, 'adam/validation'));
  const sgd = new SummaryWriter(path.join(dir, 'sgd/train'));
  for (const step of [0, 10, 20]) adam.addImage('sample_digits', digit(step), step, t0 + step);
  for (const step of [0, 15, 20]) sgd.addImage('sample_digits', digit(step + 1), step, t0 + step);
  validation.addImage('confusion_matrix', digit(99), 20, t0 + 20);
  const bias = Uint8Array.from({ length: 128 }, (_, x) => (x * 97) % 256);
  adam.addImage('dense/bias', { data: bias, width: 128, height: 1, channels: 1 }, 20, t0 + 20);
  await Promise.all([adam.close(), validation.close(), sgd.close()]);
}

describe('Images in Chromium', () => {
  let mnist: TestServer;
  let tf2: TestServer;
  let written: TestServer;
  let logRoot: string;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    logRoot = await mkdtemp(path.join(os.tmpdir(), 'tb-images-e2e-'));
    await writeLogRoot(logRoot);
    [mnist, tf2, written] = await Promise.all([
      startServer(['--logdir', path.join(CORPUS, 'mnist-like'), '--reload_interval', '0', '--plugins', 'images']),
      startServer(['--logdir', path.join(CORPUS, 'tf2-format'), '--reload_interval', '0', '--plugins', 'images,scalars']),
      startServer(['--logdir', logRoot, '--reload_interval', '0', '--plugins', 'images']),
    ]);
    await written.whenLoaded();
    browser = await launchBrowser();
    page = await browser.context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([mnist?.stop(), tf2?.stop(), written?.stop()]);
    if (logRoot) await rm(logRoot, { recursive: true, force: true });
  });

  it('shows the newest image of each run, loaded and drawn pixelated', async () => {
    await page.goto(`${mnist.url}#tab=images`);
    for (const run of ['adam/train', 'sgd/train']) {
      const img = page.getByTestId(`image-${run}-sample_digits`);
      await img.waitFor();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
      expect(await img.evaluate((el) => getComputedStyle(el).imageRendering)).toBe('pixelated');
      expect(await img.getAttribute('data-step')).toBe('4');
      expect(await page.getByTestId(`slider-${run}-sample_digits-relative`).textContent()).toMatch(/^relative \d+(\.\d)? s$/);
    }
    await page.screenshot({ path: path.join(SHOTS, 'images-mnist.png') });
  });

  it('the slider and the arrow keys change the step and the bytes shown', async () => {
    const img = page.getByTestId('image-adam/train-sample_digits');
    const before = await bytesOf(page, img);
    const slider = page.getByTestId('slider-adam/train-sample_digits').locator('input[type=range]');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => img.getAttribute('data-step')).toBe('0');
    expect(await page.getByTestId('slider-adam/train-sample_digits-step').textContent()).toBe('Step 0');
    const first = await bytesOf(page, img);
    expect(first.equals(before)).toBe(false);
    expect(first.subarray(1, 4).toString()).toBe('PNG');
    // Arrow keys on the focused card (not the slider) step too.
    await page.getByTestId('card-adam/train-sample_digits').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => img.getAttribute('data-step')).toBe('2');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => img.getAttribute('data-step')).toBe('1');
    // The other run's card did not move.
    expect(await page.getByTestId('image-sgd/train-sample_digits').getAttribute('data-step')).toBe('4');
  });

  it('brightness and contrast filter every image; click enlarges, Escape closes', async () => {
    await page.getByTestId('brightness').fill('150');
    const img = page.getByTestId('image-sgd/train-sample_digits');
    await expect.poll(() => img.evaluate((el) => getComputedStyle(el).filter)).toBe('brightness(1.5) contrast(1)');
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => img.evaluate((el) => getComputedStyle(el).filter)).toBe('none');
    await img.click();
    await page.getByTestId('lightbox').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'images-lightbox.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('lightbox').count()).toBe(0);
  });

  it('actual size shows the image at its own pixels', async () => {
    await page.getByTestId('actual-size').check();
    const img = page.getByTestId('image-adam/train-sample_digits');
    const natural = await img.evaluate((el: HTMLImageElement) => el.naturalWidth);
    await expect.poll(async () => Math.round((await img.boundingBox())!.width)).toBe(natural);
    await page.getByTestId('actual-size').uncheck();
  });

  it('compares two runs side by side at the same step', async () => {
    await page.getByTestId('compare').check();
    const left = page.getByTestId('compare-image-sample_digits-0');
    const right = page.getByTestId('compare-image-sample_digits-1');
    await left.waitFor();
    await right.waitFor();
    expect(await left.getAttribute('data-step')).toBe(await right.getAttribute('data-step'));
    const slider = page.getByTestId('compare-slider-sample_digits').locator('input[type=range]');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => left.getAttribute('data-step')).toBe('0');
    expect(await right.getAttribute('data-step')).toBe('0');
    // Each side shows its own run's image (both runs logged the same digits, so compare the keys).
    const [a, b] = await Promise.all([left.evaluate((el: HTMLImageElement) => el.src), right.evaluate((el: HTMLImageElement) => el.src)]);
    const runOf = (src: string) => JSON.parse(Buffer.from(new URL(src).searchParams.get('blob_key')!, 'base64url').toString())[2];
    expect([runOf(a), runOf(b)]).toEqual(['adam/train', 'sgd/train']);
    expect((await bytesOf(page, left)).subarray(1, 4).toString()).toBe('PNG');
    await page.screenshot({ path: path.join(SHOTS, 'images-compare.png') });
    await page.getByTestId('compare').uncheck();
  });

  it('tf2-format: several samples per step, each its own image', async () => {
    await page.goto(`${tf2.url}#tab=images`);
    const img = page.getByTestId('image-adam/train-sample_digits');
    await img.waitFor();
    expect(await page.getByTestId('sample-adam/train-sample_digits').textContent()).toBe('Sample 1 of 4');
    const first = await bytesOf(page, img);
    await page.getByTestId('card-adam/train-sample_digits').getByLabel('Sample', { exact: true }).fill('2');
    await expect.poll(() => page.getByTestId('sample-adam/train-sample_digits').textContent()).toBe('Sample 3 of 4');
    await expect.poll(async () => (await bytesOf(page, img)).equals(first)).toBe(false);
    await page.screenshot({ path: path.join(SHOTS, 'images-tf2.png') });
  });

  it('tf2-format: a 28x28 digit upscales sharp, in the card and enlarged', async () => {
    const img = page.getByTestId('image-adam/train-sample_digits');
    expect((await img.boundingBox())!.height).toBeGreaterThan(28 * 8);
    expect(await flatness(img)).toBeGreaterThan(0.85);
    await img.click();
    const big = page.getByTestId('lightbox').locator('img');
    await big.waitFor();
    expect(await flatness(big)).toBeGreaterThan(0.85);
    await page.screenshot({ path: path.join(SHOTS, 'images-tf2-lightbox.png') });
    await page.keyboard.press('Escape');
  });

  it('the expand button widens a card to the whole row', async () => {
    const card = page.getByTestId('card-adam/train-sample_digits');
    const narrow = (await card.boundingBox())!.width;
    await card.getByRole('button', { name: 'Expand card to full width' }).click();
    await expect.poll(async () => (await card.boundingBox())!.width).toBeGreaterThan(narrow * 1.5);
    await page.screenshot({ path: path.join(SHOTS, 'images-expanded.png') });
    await card.getByRole('button', { name: 'Shrink card' }).click();
    await expect.poll(async () => (await card.boundingBox())!.width).toBeLessThan(narrow * 1.1);
  });

  it('tf2-format: compare steps both runs with the arrow keys and shows the same sample of each', async () => {
    await page.getByTestId('compare').check();
    const card = page.getByTestId('compare-card-sample_digits');
    const left = page.getByTestId('compare-image-sample_digits-0');
    const right = page.getByTestId('compare-image-sample_digits-1');
    await left.waitFor();
    await card.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => left.getAttribute('data-step')).toBe('3');
    expect(await right.getAttribute('data-step')).toBe('3');
    await card.getByLabel('Sample', { exact: true }).fill('1');
    await expect.poll(() => page.getByTestId('compare-sample-sample_digits').textContent()).toBe('Sample 2 of 4');
    const keyOf = async (img: Locator) => JSON.parse(Buffer.from(new URL(await img.evaluate((el: HTMLImageElement) => el.src)).searchParams.get('blob_key')!, 'base64url').toString());
    await expect.poll(() => keyOf(left)).toEqual(['', 'images', 'adam/train', 'sample_digits', 3, 3]);
    expect(await keyOf(right)).toEqual(['', 'images', 'sgd/train', 'sample_digits', 3, 3]);
    await expect.poll(() => right.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(28);
    await page.screenshot({ path: path.join(SHOTS, 'images-tf2-compare.png') });
    await page.getByTestId('compare').uncheck();
  });

  it('an image the server no longer has is said so on its card; the others still show', async () => {
    await page.route('**/individualImage?**', (route) => route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":{"status":404,"message":"gone"}}' }));
    await page.reload();
    await page.getByTestId('image-adam/train-sample_digits-error').waitFor();
    expect(await page.getByTestId('image-sgd/train-sample_digits-error').textContent()).toContain('Could not load the image of step 4');
    await page.unroute('**/individualImage?**');
    await page.getByTestId('card-adam/train-sample_digits').focus();
    await page.keyboard.press('ArrowLeft');
    const img = page.getByTestId('image-adam/train-sample_digits');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(28);
    expect(await img.getAttribute('data-step')).toBe('3');
  });

  it('an unknown or garbled key is a 404/400 JSON answer, and the server goes on', async () => {
    const key = Buffer.from('["","images","adam/train","sample_digits",999,2]').toString('base64url');
    const unknown = await page.request.get(`${tf2.url}data/plugin/images/individualImage?blob_key=${key}`);
    expect(unknown.status()).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain('step 999');
    expect((await page.request.get(`${tf2.url}data/plugin/images/individualImage?blob_key=garbage!`)).status()).toBe(400);
    expect((await page.request.get(`${tf2.url}data/runs`)).status()).toBe(200);
  });

  it('mnist-like: with a run lacking the tag selected, compare shows two runs that have it, loaded, no spinner', async () => {
    await page.goto(`${mnist.url}#tab=images&runs=adam%2Fvalidation&runs=sgd%2Ftrain&runs=adam%2Ftrain`);
    await page.getByTestId('compare').check();
    const card = page.getByTestId('compare-card-sample_digits');
    const [left, right] = [0, 1].map((i) => page.getByTestId(`compare-run-sample_digits-${i}`));
    await expect.poll(() => Promise.all([left!.inputValue(), right!.inputValue()])).toEqual(['adam/train', 'sgd/train']);
    const options = await right!.locator('option').allTextContents();
    expect(options).toEqual(['adam/train', 'sgd/train']);
    for (const i of [0, 1]) {
      const img = page.getByTestId(`compare-image-sample_digits-${i}`);
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    }
    expect(await card.locator('[role="status"]').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'images-compare-lacking-tag.png') });
    await page.getByTestId('compare').uncheck();
  });

  it('written logs: compare never pairs a run without the tag; a side without the step says so with its nearest steps', async () => {
    await page.goto(`${written.url}#tab=images`);
    await page.getByTestId('compare').check();
    const left = page.getByTestId('compare-image-sample_digits-0');
    const right = page.getByTestId('compare-image-sample_digits-1');
    await expect.poll(() => left.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(28);
    await expect.poll(() => right.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(28);
    expect(await page.getByTestId('compare-run-sample_digits-0').inputValue()).toBe('adam/train');
    expect(await page.getByTestId('compare-run-sample_digits-1').inputValue()).toBe('sgd/train');
    expect(await page.getByTestId('compare-card-sample_digits').locator('[role="status"]').count()).toBe(0);
    // adam/validation has only a confusion matrix: its card has no second run to show.
    expect(await page.getByTestId('compare-run-confusion_matrix-0').inputValue()).toBe('adam/validation');
    expect(await page.getByTestId('compare-missing-confusion_matrix-1').textContent()).toContain('No other run has');

    const slider = page.getByTestId('compare-slider-sample_digits').locator('input[type=range]');
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => left.getAttribute('data-step')).toBe('10');
    const missing = page.getByTestId('compare-missing-sample_digits-1');
    expect(await missing.textContent()).toBe('No image at step 10. Nearest: step 0, step 15');
    await page.screenshot({ path: path.join(SHOTS, 'images-compare-missing-step.png') });
    await page.getByTestId('compare-nearest-sample_digits-1-15').click();
    await expect.poll(() => right.getAttribute('data-step')).toBe('15');
    expect(await page.getByTestId('compare-missing-sample_digits-0').textContent()).toBe('No image at step 15. Nearest: step 10, step 20');
  });

  it('written logs: an image that fails to load in compare is an error, not a spinner', async () => {
    await page.route('**/individualImage?**', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"status":500,"message":"disk error"}}' }));
    await page.reload();
    await page.getByTestId('compare').check();
    await page.getByTestId('compare-image-sample_digits-0-error').waitFor();
    await page.getByTestId('compare-image-sample_digits-1-error').waitFor();
    expect(await page.getByTestId('compare-card-sample_digits').locator('[role="status"]').count()).toBe(0);
    await page.unroute('**/individualImage?**');
    await page.getByTestId('compare').uncheck();
  });

  it('written logs: a 1x128 bias strip is drawn at least 24 px tall, pixelated, within its card, on a plain background', async () => {
    await page.goto(`${written.url}#tab=images`);
    await page.reload();
    const img = page.getByTestId('image-adam/train-dense/bias');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && [el.naturalWidth, el.naturalHeight])).toEqual([128, 1]);
    const box = (await img.boundingBox())!;
    const card = (await page.getByTestId('card-adam/train-dense/bias').boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(24);
    expect(box.width).toBeGreaterThan(128);
    expect(box.width).toBeLessThanOrEqual(card.width);
    expect(await img.evaluate((el) => getComputedStyle(el).imageRendering)).toBe('pixelated');
    expect(await img.evaluate((el) => getComputedStyle(el.parentElement!).backgroundImage)).toBe('none');
    await page.getByTestId('card-adam/train-dense/bias').screenshot({ path: path.join(SHOTS, 'images-thin-card.png') });
    await page.screenshot({ path: path.join(SHOTS, 'images-thin.png') });
    await img.click();
    const big = page.getByTestId('lightbox').locator('img');
    await big.waitFor();
    expect((await big.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    await page.keyboard.press('Escape');
  });

  it('--samples_per_plugin images=2 keeps the newest two steps', async () => {
    const small = await startServer(['--logdir', path.join(CORPUS, 'mnist-like'), '--reload_interval', '0', '--plugins', 'images', '--samples_per_plugin', 'images=2']);
    try {
      const url = `${small.url}data/plugin/images/images?run=adam%2Ftrain&tag=sample_digits`;
      // The server answers while it loads: wait for the run to be read.
      await expect.poll(async () => (await fetch(url)).status, { timeout: 15_000 }).toBe(200);
      const answer = (await (await fetch(url)).json()) as { step: number }[];
      expect(answer.map((e) => e.step)).toHaveLength(2);
      expect(answer[answer.length - 1]!.step).toBe(4);
    } finally {
      await small.stop();
    }
  });
});

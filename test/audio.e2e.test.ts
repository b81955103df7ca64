/// <reference lib="dom" />
/**
 * The Audio dashboard in real Chromium on test/corpus/mnist-like (legacy Summary.Audio,
 * one clip a step) and tf2-format (`tf.summary.audio`, two labelled clips a step): a card
 * per run with the newest step's player, which loads the WAV the server sends; the step
 * slider changes the clip; labels are shown; the download link saves the clip under a
 * readable name; an unknown key gets a 404 and the server goes on.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { CORPUS, ROOT, startServer, type TestServer } from './support/server.js';

const SHOTS = path.join(ROOT, 'test-results');

/** The bytes the <audio> plays, fetched again from its (absolute) src. */
async function bytesOf(page: Page, audio: Locator): Promise<Buffer> {
  const src = await audio.evaluate((el: HTMLAudioElement) => el.src);
  return Buffer.from(await (await page.request.get(src)).body());
}

/** The step a clip's blob_key names. */
async function stepOf(audio: Locator): Promise<number> {
  const src = await audio.evaluate((el: HTMLAudioElement) => el.src);
  return JSON.parse(Buffer.from(new URL(src).searchParams.get('blob_key')!, 'base64url').toString())[4] as number;
}

describe('Audio in Chromium', () => {
  let mnist: TestServer;
  let tf2: TestServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [mnist, tf2] = await Promise.all([
      startServer(['--logdir', path.join(CORPUS, 'mnist-like'), '--reload_interval', '0', '--plugins', 'audio']),
      startServer(['--logdir', path.join(CORPUS, 'tf2-format'), '--reload_interval', '0', '--plugins', 'audio,scalars']),
    ]);
    browser = await launchBrowser();
    page = await browser.context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([mnist?.stop(), tf2?.stop()]);
  });

  it('shows a card per run with the newest clip, which Chromium loads as a WAV', async () => {
    await page.goto(`${mnist.url}#tab=audio`);
    for (const run of ['adam/train', 'sgd/train']) {
      const audio = page.getByTestId(`clip-${run}-audio/tone-0-audio`);
      await audio.waitFor();
      expect(await page.getByTestId(`slider-${run}-audio/tone-step`).textContent()).toBe('Step 4');
      expect(await stepOf(audio)).toBe(4);
      // The browser read the clip's header: a WAV with a duration.
      await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => (Number.isFinite(el.duration) ? el.duration : 0))).toBeGreaterThan(0);
      expect(await audio.evaluate((el: HTMLAudioElement) => el.controls)).toBe(true);
      const bytes = await bytesOf(page, audio);
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
      expect(bytes.subarray(8, 12).toString('latin1')).toBe('WAVE');
    }
    // One clip a step and no label: no caption.
    expect(await page.getByTestId('clip-adam/train-audio/tone-0-label').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'audio-mnist.png') });
  });

  it('the step slider changes the clip, and only on its own card', async () => {
    const audio = page.getByTestId('clip-adam/train-audio/tone-0-audio');
    const before = await bytesOf(page, audio);
    const slider = page.getByTestId('slider-adam/train-audio/tone').locator('input[type=range]');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => stepOf(audio)).toBe(0);
    expect(await page.getByTestId('slider-adam/train-audio/tone-step').textContent()).toBe('Step 0');
    expect((await bytesOf(page, audio)).equals(before)).toBe(false);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepOf(audio)).toBe(1);
    expect(await stepOf(page.getByTestId('clip-sgd/train-audio/tone-0-audio'))).toBe(4);
  });

  it('the download link saves the clip the player plays, named after tag, run and step', async () => {
    const link = page.getByTestId('clip-adam/train-audio/tone-0-download');
    expect(await link.getAttribute('download')).toBe('audio_tone-adam_train-step1.wav');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('audio_tone-adam_train-step1.wav');
    const saved = await download.path();
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(saved)).equals(await bytesOf(page, page.getByTestId('clip-adam/train-audio/tone-0-audio')))).toBe(true);
  });

  it('tf2-format: two clips a step, each with its label, each its own sound', async () => {
    await page.goto(`${tf2.url}#tab=audio`);
    const first = page.getByTestId('clip-adam/train-audio/tone-0');
    const second = page.getByTestId('clip-adam/train-audio/tone-1');
    await first.waitFor();
    await second.waitFor();
    expect(await page.getByTestId('clip-adam/train-audio/tone-0-label').textContent()).toBe('1100 Hz');
    expect(await page.getByTestId('clip-adam/train-audio/tone-1-label').textContent()).toBe('1650 Hz');
    const [a, b] = [first.locator('audio'), second.locator('audio')];
    await expect.poll(() => b.evaluate((el: HTMLAudioElement) => (Number.isFinite(el.duration) ? el.duration : 0))).toBeGreaterThan(0);
    expect((await bytesOf(page, a)).equals(await bytesOf(page, b))).toBe(false);
    expect(await second.getByRole('link').getAttribute('download')).toBe('audio_tone-adam_train-step4-sample2.wav');
    await page.getByTestId('slider-adam/train-audio/tone').locator('input[type=range]').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByTestId('clip-adam/train-audio/tone-0-label').textContent()).toBe('220 Hz');
    expect(await page.getByTestId('clip-adam/train-audio/tone-1-label').textContent()).toBe('330 Hz');
    for (const audio of await page.locator('audio').all()) {
      await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => (Number.isFinite(el.duration) ? el.duration : 0))).toBeGreaterThan(0);
    }
    await page.screenshot({ path: path.join(SHOTS, 'audio-tf2.png') });
  });

  it('follows the theme in dark mode: light text on dark cards', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    const clip = page.getByTestId('clip-adam/train-audio/tone-0');
    await clip.waitFor();
    const rgb = (css: string) => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number);
    await expect.poll(async () => rgb(await clip.evaluate((el) => getComputedStyle(el).backgroundColor)).every((c) => c < 80)).toBe(true);
    const label = rgb(await page.getByTestId('clip-adam/train-audio/tone-0-label').evaluate((el) => getComputedStyle(el).color));
    expect(label.every((c) => c > 180)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'audio-tf2-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('answers an unknown clip with a 404 and goes on serving', async () => {
    const key = Buffer.from('["","audio","adam/train","audio/tone",999,0]').toString('base64url');
    const res = await page.request.get(`${tf2.url}data/plugin/audio/individualAudio?blob_key=${key}`);
    expect(res.status()).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('step 999');
    expect((await page.request.get(`${tf2.url}data/plugin/audio/tags`)).status()).toBe(200);
  });
});

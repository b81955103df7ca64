/// <reference lib="dom" />
/**
 * The Text dashboard in real Chromium: on test/corpus/mnist-like (PyTorch's add_text, a
 * vector of one markdown string: a table in a table) and tf2-format (a scalar note and a
 * 3x3 string matrix); on the demo's own logs (written here by @tb/demo at a tiny size):
 * the root run's `demo/about` and each run's `notes` show, rendered; tables take the
 * theme's colours, light and dark; the slider and the arrow keys change the step; the
 * markdown switch shows the text as written; and a note with scripts, event handlers
 * and javascript: links runs nothing and shows the markup as text.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeDemo } from '@tb/demo';
import { SummaryWriter } from '@tb/writer';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { CORPUS, ROOT, startServer, type TestServer } from './support/server.js';

const SHOTS = path.join(ROOT, 'test-results');
/** The demo at a size that trains in seconds; its notes are written as in the full demo. */
const TINY = { train: 200, validation: 50, epochs: 2, embedded: 20, sweepTrain: 50, sweepEpochs: 1 };

const HOSTILE = [
  '## Hostile note',
  '',
  'Plain <script>window.__ran = "script"</script> text.',
  '',
  '<img src="nope.png" onerror="window.__ran = \'onerror\'"> <a href="javascript:window.__ran = \'link\'">click me</a>',
  '',
  '<iframe src="javascript:parent.__ran = \'iframe\'"></iframe> <svg onload="window.__ran = \'svg\'"></svg>',
].join('\n');

describe('Text in Chromium', () => {
  let mnist: TestServer;
  let tf2: TestServer;
  let demo: TestServer;
  let demoRoot: string;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    demoRoot = await mkdtemp(path.join(os.tmpdir(), 'tb-text-e2e-'));
    await writeDemo(demoRoot, { backend: 'cpu', size: TINY });
    const hostile = new SummaryWriter(path.join(demoRoot, 'hostile'));
    hostile.addText('notes', HOSTILE, 0);
    await hostile.close();
    [mnist, tf2, demo] = await Promise.all([
      startServer(['--logdir', path.join(CORPUS, 'mnist-like'), '--reload_interval', '0', '--plugins', 'text']),
      startServer(['--logdir', path.join(CORPUS, 'tf2-format'), '--reload_interval', '0', '--plugins', 'text']),
      startServer(['--logdir', demoRoot, '--reload_interval', '0', '--plugins', 'scalars,text']),
    ]);
    await demo.whenLoaded();
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    page = await browser.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([mnist?.stop(), tf2?.stop(), demo?.stop()]);
    if (demoRoot) await rm(demoRoot, { recursive: true, force: true });
  });

  it('mnist-like: each run shows its newest note, a table inside a table, styled with the theme', async () => {
    await page.goto(`${mnist.url}#tab=text`);
    for (const run of ['adam/train', 'sgd/train']) {
      const text = page.getByTestId(`text-${run}-notes/text_summary`);
      await text.waitFor();
      expect(await text.getAttribute('data-step')).toBe('4');
      expect(await text.locator('h3').textContent()).toBe('Epoch 4');
      expect(await text.locator('table table th').allTextContents()).toEqual(['metric', 'train', 'validation']);
      expect(await text.locator('table table tbody tr').count()).toBe(2);
      expect(await text.locator('em').textContent()).toBe('synthetic');
    }
    const th = page.getByTestId('text-adam/train-notes/text_summary').locator('table table th').first();
    const look = () =>
      th.evaluate((el) => {
        const s = getComputedStyle(el);
        const root = getComputedStyle(document.documentElement);
        return { bg: s.backgroundColor, border: s.borderTopColor, surfaceHover: root.getPropertyValue('--tb-surface-hover').trim(), borderVar: root.getPropertyValue('--tb-border').trim() };
      });
    const light = await look();
    expect(light.bg).toBe('rgb(240, 240, 240)'); // --tb-surface-hover, #f0f0f0
    expect(light.border).toBe('rgb(224, 224, 224)'); // --tb-border, #e0e0e0
    await page.screenshot({ path: path.join(SHOTS, 'text-mnist.png') });
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    const dark = await look();
    expect(dark.bg).toBe('rgb(58, 59, 62)'); // dark --tb-surface-hover, #3a3b3e
    expect(dark.border).toBe('rgb(63, 64, 67)'); // dark --tb-border, #3f4043
    await page.screenshot({ path: path.join(SHOTS, 'text-mnist-dark.png') });
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  });

  it('the slider and the arrow keys change the step and the text shown', async () => {
    const text = page.getByTestId('text-adam/train-notes/text_summary');
    const slider = page.getByTestId('slider-adam/train-notes/text_summary').locator('input[type=range]');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => text.getAttribute('data-step')).toBe('0');
    expect(await text.locator('h3').textContent()).toBe('Epoch 0');
    expect(await text.locator('table table td').first().textContent()).toBe('loss');
    expect(await page.getByTestId('slider-adam/train-notes/text_summary-step').textContent()).toBe('Step 0');
    await page.getByTestId('card-adam/train-notes/text_summary').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => text.locator('h3').textContent()).toBe('Epoch 2');
    // The other run did not move.
    expect(await page.getByTestId('text-sgd/train-notes/text_summary').getAttribute('data-step')).toBe('4');
  });

  it('markdown off shows the text as written, line breaks kept; on again renders it', async () => {
    await page.getByTestId('markdown').uncheck();
    const text = page.getByTestId('text-sgd/train-notes/text_summary');
    await expect.poll(() => text.locator('td').first().textContent()).toContain('### Epoch 4\n\n| metric | train | validation |');
    expect(await text.locator('h3').count()).toBe(0);
    const box = await text.locator('td').first().boundingBox();
    expect(box!.height).toBeGreaterThan(80); // several lines, not one
    await page.screenshot({ path: path.join(SHOTS, 'text-plain.png') });
    await page.getByTestId('markdown').check();
    await expect.poll(() => text.locator('h3').count()).toBe(1);
  });

  it('tf2-format: a scalar note and a string matrix as a table', async () => {
    await page.goto(`${tf2.url}#tab=text`);
    const notes = page.getByTestId('text-adam/train-notes');
    await notes.waitFor();
    expect(await notes.innerHTML()).toBe('<h3>Epoch 4</h3>\n<p>loss <strong>0.2697</strong>, accuracy <em>0.9035</em> (seed 1)</p>');
    const table = page.getByTestId('text-sgd/train-metrics_table');
    await table.waitFor();
    expect(await table.locator('tr').count()).toBe(3);
    expect(await table.locator('tr').first().locator('td').allTextContents()).toEqual(['metric', 'train', 'validation']);
    await page.screenshot({ path: path.join(SHOTS, 'text-tf2.png') });
  });

  it("the demo's notes show: the root run's demo/about and each training run's notes", async () => {
    await page.goto(`${demo.url}#tab=text`);
    const about = page.getByTestId('text-.-demo/about');
    await about.waitFor();
    expect(await about.locator('h1').textContent()).toBe('The tb-core demo');
    expect(await about.locator('strong').first().textContent()).toBe('cpu');
    expect(await about.locator('table th').allTextContents()).toEqual(['run', 'what to look at']);
    expect(await about.locator('table td code').allTextContents()).toEqual(expect.arrayContaining(['adam/train', 'sgd/train', '.']));
    for (const [run, rate] of [['adam/train', '0.001'], ['sgd/train', '0.05']] as const) {
      const notes = page.getByTestId(`text-${run}-notes`);
      await notes.waitFor();
      expect(await notes.locator('h2').textContent()).toBe(`${run.split('/')[0]}, learning rate ${rate}`);
      expect(await notes.locator('table td').allTextContents()).toEqual(expect.arrayContaining(['model', 'Flatten -> Dense(100, relu) -> Dense(10, softmax)', 'epochs', '2, batch size 32']));
    }
    await page.screenshot({ path: path.join(SHOTS, 'text-demo.png'), fullPage: true });
  });

  it('a hostile note runs nothing: its markup shows as text, links lose javascript: URLs', async () => {
    const text = page.getByTestId('text-hostile-notes');
    await text.waitFor();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __ran?: string }).__ran)).toBeUndefined();
    expect(await text.locator('script, iframe, svg, [onerror], [onload]').count()).toBe(0);
    expect(await text.textContent()).toContain('<script>window.__ran = "script"</script>');
    const link = text.locator('a');
    expect(await link.textContent()).toBe('click me');
    expect(await link.getAttribute('href')).toBeNull();
    await link.click();
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __ran?: string }).__ran)).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });
});

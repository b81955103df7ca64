/**
 * Live updates while training writes: a run logged with @tb/writer into a temporary log
 * directory gains a histogram step and an image step while the page is open; the
 * Histograms card draws the new ridge and the Images card, showing the newest step,
 * follows to the new one, with no reload by hand.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SummaryWriter } from '@tb/writer';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { ROOT, startServer, type TestServer } from './support/server.js';

const SHOTS = path.join(ROOT, 'test-results');

describe('live updates in Chromium', () => {
  const logdir = mkdtempSync(path.join(os.tmpdir(), 'tb-live-'));
  const writer = new SummaryWriter(path.join(logdir, 'live'), { maxQueue: 1 });
  let server: TestServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;

  const weights = (step: number) => Array.from({ length: 400 }, (_, i) => Math.sin(i * 7.1) * (1 + step * 0.5));
  const picture = (step: number) => ({ data: Uint8Array.from({ length: 16 * 16 }, (_, i) => (i * (step + 3)) % 256), width: 16, height: 16, channels: 1 as const });
  const logStep = async (step: number) => {
    writer.addHistogram('layer/kernel', weights(step), step);
    writer.addImage('inputs', picture(step), step);
    await writer.flush();
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await logStep(0);
    await logStep(1);
    server = await startServer(['--logdir', logdir, '--reload_interval', '1', '--plugins', 'histograms,images']);
    browser = await launchBrowser();
    page = await browser.context.newPage();
  }, 60_000);

  afterAll(async () => {
    await writer.close();
    await browser?.close();
    await server?.stop();
  });

  it('a new histogram step appears as a new ridge', async () => {
    await page.goto(`${server.url}#tab=histograms`);
    const svg = page.getByTestId('hist-live-layer/kernel');
    await expect.poll(() => svg.getAttribute('data-steps'), { timeout: 20_000 }).toBe('2');
    await logStep(2);
    await expect.poll(() => svg.getAttribute('data-steps'), { timeout: 20_000 }).toBe('3');
    expect(await svg.locator('path.tb-hist__ridge').last().getAttribute('data-step')).toBe('2');
  });

  it('the image card at the newest step follows a new step', async () => {
    await page.goto(`${server.url}#tab=images`);
    const img = page.getByTestId('image-live-inputs');
    await expect.poll(() => img.getAttribute('data-step'), { timeout: 20_000 }).toBe('2');
    await logStep(3);
    await expect.poll(() => img.getAttribute('data-step'), { timeout: 20_000 }).toBe('3');
    await page.screenshot({ path: path.join(SHOTS, 'live-images.png') });
  });
});

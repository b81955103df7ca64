/**
 * The page while object storage fails: the Scalars tab keeps what was read, the top bar
 * says requests are being retried (the store's answer in its tooltip), or, once one failed
 * for good, that the store cannot be read; the notice goes once the store answers again
 * and the new steps are served. Real Chromium, a real
 * S3 server behind a fault proxy.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Running } from '@tb/core';
import { connectS3TestServer, startFaultProxy, type FaultProxy, type S3TestServer } from '@tb/s3-test-server';
import { SummaryWriter } from '@tb/writer';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { serveInProcess } from './support/in-process.js';
import { ROOT } from './support/server.js';

const SHOTS = path.join(ROOT, 'test-results');

describe('the page while the bucket fails', () => {
  const local = mkdtempSync(path.join(os.tmpdir(), 'tb-s3-ui-'));
  const writer = new SummaryWriter(path.join(local, 'train'));
  let s3: S3TestServer;
  let proxy: FaultProxy;
  let bucket: string;
  let server: Running;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let failing = false;
  let denied = false;
  let savedEnv: NodeJS.ProcessEnv;

  const steps = async () => ((await (await fetch(new URL('data/plugin/scalars/scalars?run=train&tag=loss', server.url))).json()) as unknown[]).length;
  const logSteps = async (from: number, to: number) => {
    for (let step = from; step < to; step++) writer.addScalar('loss', 1 / (step + 1), step);
    await writer.flush();
    for (const name of readdirSync(path.join(local, 'train'))) await s3.putObject(bucket, `exp/train/${name}`, readFileSync(path.join(local, 'train', name)));
  };

  beforeAll(async () => {
    s3 = await connectS3TestServer();
    proxy = await startFaultProxy(s3.endpoint);
    proxy.inject({ count: 1e9, fault: { status: 503, code: 'SlowDown' }, match: (method, url) => failing && method === 'GET' && url.includes('/exp/train/') });
    proxy.inject({ count: 1e9, fault: { status: 403, code: 'AccessDenied' }, match: (method, url) => denied && method === 'GET' && url.includes('/exp/train/') });
    bucket = await s3.createBucket();
    await logSteps(0, 5);
    savedEnv = { ...process.env };
    Object.assign(process.env, { ...s3.env(), AWS_ENDPOINT_URL: proxy.endpoint });
    server = await serveInProcess(['--logdir', `s3://${bucket}/exp`, '--reload_interval', '1']);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(`${server.url}#tab=scalars`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    process.env = savedEnv;
    await writer.close();
    await proxy?.stop();
    await s3?.stop();
    rmSync(local, { recursive: true, force: true });
  });

  it('says it is retrying while reads fail, keeps the curve, and clears once they pass', async () => {
    const notice = page.getByTestId('storage-notice');
    const card = page.getByTestId('scalar-card-loss');
    await card.waitFor();
    expect(await notice.count()).toBe(0);
    failing = true;
    await logSteps(5, 10);
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toMatch(/^Retrying (a|\d+) storage requests?$/);
    expect(await notice.getAttribute('title')).toMatch(/^GET s3:\/\/.*\/exp\/train\/events\.out\.tfevents\..* 503 SlowDown/);
    await page.screenshot({ path: path.join(SHOTS, 'object-storage-retrying.png') });
    expect(await card.isVisible()).toBe(true);
    failing = false;
    await notice.waitFor({ state: 'detached', timeout: 20_000 });
    expect(await steps()).toBe(10);
  }, 60_000);

  it('says it cannot read the store once a request fails for good, until one succeeds', async () => {
    const notice = page.getByTestId('storage-notice');
    denied = true;
    await logSteps(10, 15);
    await page.getByText('Cannot read the log store').waitFor({ timeout: 10_000 });
    expect(await notice.getAttribute('title')).toMatch(/^GET s3:\/\/.*\/exp\/train\/events\.out\.tfevents\..* 403 AccessDenied/);
    expect(await notice.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(183, 28, 28)');
    await page.screenshot({ path: path.join(SHOTS, 'object-storage-denied.png') });
    expect(await steps()).toBe(10);
    denied = false;
    await notice.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await steps()).toBe(15);
  }, 60_000);
});

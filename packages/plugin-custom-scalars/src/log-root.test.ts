/**
 * A real log root: scalars written by @tb/writer and a layout event file written with
 * `layoutEventFile`, read by core's loader, answered as TensorBoard answers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hostPlugin, loadLogRoot, type LoadedLogRoot, type TestApp } from '@tb/core/testing';
import { SummaryWriter } from '@tb/writer';
import plugin from './index.js';
import type { Layout } from './layout-proto.js';
import { layoutEventFile } from './layout-summary.js';

const LAYOUT: Layout = {
  version: 0,
  category: [
    { title: 'losses', closed: false, chart: [{ title: 'train and val', multiline: { tag: ['loss', 'val_.*'] } }] },
    { title: 'bands', closed: true, chart: [{ title: 'acc', margin: { series: [{ value: 'acc', lower: 'acc_lo', upper: 'acc_hi' }] } }] },
  ],
};

let dir: string;
let root: LoadedLogRoot;
let app: TestApp;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'custom-scalars-'));
  const writer = new SummaryWriter(path.join(dir, 'train'));
  for (let step = 0; step < 3; step++) {
    writer.addScalar('loss', 1 / (step + 1), step, 100 + step);
    writer.addScalar('val_loss', 2 / (step + 1), step, 100 + step);
  }
  await writer.close();
  await writeFile(path.join(dir, 'train', 'events.out.tfevents.1.layout'), layoutEventFile(LAYOUT, 99));
  root = await loadLogRoot(dir);
  app = hostPlugin(plugin, root.provider);
});
afterAll(async () => {
  await root?.close();
  await rm(dir, { recursive: true, force: true });
});

it('serves the layout as MessageToJson writes it, and lists the tab as active', async () => {
  const res = await app.request('/data/plugin/custom_scalars/layout');
  expect(await res.json()).toEqual({
    category: [
      { title: 'losses', chart: [{ title: 'train and val', multiline: { tag: ['loss', 'val_.*'] } }], closed: false },
      { title: 'bands', chart: [{ title: 'acc', margin: { series: [{ value: 'acc', lower: 'acc_lo', upper: 'acc_hi' }] } }], closed: true },
    ],
    version: 0,
  });
  const listing = (await (await app.request('/data/plugins_listing')).json()) as Record<string, { enabled: boolean }>;
  expect(listing.custom_scalars?.enabled).toBe(true);
});

it("serves a chart's tags' scalars for the run", async () => {
  const res = await app.request(`/data/plugin/custom_scalars/scalars?run=train&tag=${encodeURIComponent('val_.*')}`);
  expect(await res.text()).toBe('{"regex_valid": true, "tag_to_events": {"val_loss": [[100.0, 0, 2.0], [101.0, 1, 1.0], [102.0, 2, 0.6666666865348816]]}}');
});

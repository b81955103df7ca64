import { hostPlugin, MemoryProvider } from '@tb/core/testing';
import { describe, expect, it } from 'vitest';
import plugin from './index.js';
import { PLUGIN_ID, PLUGIN_NAME } from './metadata.js';
import { summarize } from './server.js';

const data = new MemoryProvider()
  .addScalars('adam', 'loss', [
    { step: 0, wallTime: 1, value: 0.9 },
    { step: 1, wallTime: 2, value: 0.4 },
    { step: 2, wallTime: 3, value: 0.5 },
  ], { pluginName: PLUGIN_NAME })
  .addScalars('sgd', 'loss', [{ step: 0, wallTime: 1, value: 1.2 }], { pluginName: PLUGIN_NAME })
  .addScalars('sgd', 'accuracy', [{ step: 0, wallTime: 1, value: 0.1 }], { pluginName: PLUGIN_NAME });

describe('summarize', () => {
  it('sums up every series, in run then tag order', () => {
    expect(summarize(data, undefined)).toEqual([
      { run: 'adam', tag: 'loss', points: 3, lastStep: 2, last: 0.5, min: 0.4, max: 0.9 },
      { run: 'sgd', tag: 'accuracy', points: 1, lastStep: 0, last: 0.1, min: 0.1, max: 0.1 },
      { run: 'sgd', tag: 'loss', points: 1, lastStep: 0, last: 1.2, min: 1.2, max: 1.2 },
    ]);
  });
});

describe(`GET /data/plugin/${PLUGIN_ID}/summary`, () => {
  const app = hostPlugin(plugin, data);

  it('answers one tag for every run that has it', async () => {
    const rows = await app.json<{ run: string }[]>(`/data/plugin/${PLUGIN_ID}/summary?tag=loss`);
    expect(rows.map((r) => r.run)).toEqual(['adam', 'sgd']);
  });

  it('answers a 404 that names a tag no run has', async () => {
    const res = await app.request(`/data/plugin/${PLUGIN_ID}/summary?tag=nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { status: 404, message: `no run has the ${PLUGIN_NAME} tag "nope"`, plugin: PLUGIN_ID } });
  });

  it('answers a 400 for a tag given twice', async () => {
    const res = await app.request(`/data/plugin/${PLUGIN_ID}/summary?tag=a&tag=b`);
    expect(res.status).toBe(400);
  });

  it('is listed as a tab', async () => {
    const listing = await app.json<Record<string, { tab_name: string }>>('/data/plugins_listing');
    expect(listing[PLUGIN_ID]?.tab_name).toBe(plugin.title);
  });
});

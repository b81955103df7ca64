import { describe, expect, it } from 'vitest';
import { hostPlugin, MemoryProvider } from '@tb/core/testing';
import plugin from './index.js';
import { encodeLayout, type Layout } from './layout-proto.js';
import { CONFIG_SUMMARY_TAG, PLUGIN_NAME } from './metadata.js';

const layoutTensor = (layout: Layout, step = 0) => ({
  step,
  wallTime: 10 + step,
  value: { dtype: 'string' as const, shape: [], numbers: new Float64Array(0), strings: [encodeLayout(layout)] },
});

const LOSSES: Layout = { version: 0, category: [{ title: 'losses', closed: false, chart: [{ title: 'loss', multiline: { tag: ['loss'] } }] }] };
const BANDS: Layout = { version: 0, category: [{ title: 'bands', closed: true, chart: [{ title: 'acc', margin: { series: [{ value: 'acc', lower: 'acc/lo', upper: 'acc/hi' }] } }] }] };

function provider(): MemoryProvider {
  return new MemoryProvider()
    .addScalars('train', 'loss', [{ step: 0, wallTime: 1.5, value: 2 }, { step: 1, wallTime: 2.25, value: 0.5 }])
    .addScalars('train', 'loss/aux', [{ step: 0, wallTime: 1.5, value: NaN }])
    .addScalars('train', 'val/loss', [{ step: 0, wallTime: 1.5, value: 1e-5 }])
    .addScalars('train', 'acc', [{ step: 0, wallTime: 1.5, value: 0.25 }]);
}

describe('GET /layout', () => {
  it('answers {} and leaves the tab inactive when no run wrote a layout', async () => {
    const app = hostPlugin(plugin, provider());
    const res = await app.request('/data/plugin/custom_scalars/layout');
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.text()).toBe('{}');
    const listing = (await (await app.request('/data/plugins_listing')).json()) as Record<string, { enabled: boolean }>;
    expect(listing.custom_scalars?.enabled).toBe(false);
  });

  it("merges the runs' layouts in run-name order, each run's first layout", async () => {
    const data = provider()
      .addTensors('z', CONFIG_SUMMARY_TAG, [layoutTensor(LOSSES)], { pluginName: PLUGIN_NAME })
      .addTensors('a', CONFIG_SUMMARY_TAG, [layoutTensor(BANDS), layoutTensor(LOSSES, 1)], { pluginName: PLUGIN_NAME });
    const app = hostPlugin(plugin, data);
    const res = await app.request('/data/plugin/custom_scalars/layout');
    expect(await res.json()).toEqual({
      category: [
        { title: 'bands', chart: [{ title: 'acc', margin: { series: [{ value: 'acc', lower: 'acc/lo', upper: 'acc/hi' }] } }], closed: true },
        { title: 'losses', chart: [{ title: 'loss', multiline: { tag: ['loss'] } }], closed: false },
      ],
      version: 0,
    });
    const listing = (await (await app.request('/data/plugins_listing')).json()) as Record<string, { enabled: boolean }>;
    expect(listing.custom_scalars?.enabled).toBe(true);
  });
});

describe('GET /scalars', () => {
  const app = hostPlugin(plugin, provider());
  const get = async (query: string) => {
    const res = await app.request(`/data/plugin/custom_scalars/scalars?${query}`);
    expect(res.status).toBe(200);
    return res.text();
  };

  it('answers the tags the regex matches from their start, in Python\'s text', async () => {
    expect(await get('run=train&tag=loss')).toBe(
      '{"regex_valid": true, "tag_to_events": {"loss": [[1.5, 0, 2.0], [2.25, 1, 0.5]], "loss/aux": [[1.5, 0, "NaN"]]}}',
    );
    expect(await get(`run=train&tag=${encodeURIComponent('.*loss$')}`)).toBe(
      '{"regex_valid": true, "tag_to_events": {"loss": [[1.5, 0, 2.0], [2.25, 1, 0.5]], "val/loss": [[1.5, 0, 1e-05]]}}',
    );
    expect(await get(`run=train&tag=${encodeURIComponent('acc|val')}`)).toBe(
      '{"regex_valid": true, "tag_to_events": {"val/loss": [[1.5, 0, 1e-05]], "acc": [[1.5, 0, 0.25]]}}',
    );
  });

  it('answers regex_valid false for an empty, missing, invalid or not-linear pattern', async () => {
    const invalid = '{"regex_valid": false, "tag_to_events": {}}';
    expect(await get('run=train&tag=')).toBe(invalid);
    expect(await get('run=train')).toBe(invalid);
    expect(await get(`run=train&tag=${encodeURIComponent('loss(')}`)).toBe(invalid);
    expect(await get(`run=train&tag=${encodeURIComponent('a)|(b')}`)).toBe(invalid);
    expect(await get(`run=train&tag=${encodeURIComponent('(l)\\1')}`)).toBe(invalid);
  });

  it('answers a run without scalars with no tags, and a pathological pattern at once', async () => {
    expect(await get('run=nope&tag=.*')).toBe('{"regex_valid": true, "tag_to_events": {}}');
    const started = performance.now();
    expect(await get(`run=train&tag=${encodeURIComponent('(.|.)*X$')}`)).toBe('{"regex_valid": true, "tag_to_events": {}}');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('names the missing run field', async () => {
    const res = await app.request('/data/plugin/custom_scalars/scalars?tag=x');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/run is required/);
  });
});

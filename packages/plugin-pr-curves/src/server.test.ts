import { hostPlugin, MemoryProvider, type TestApp } from '@tb/core/testing';
import { describe, expect, it } from 'vitest';
import plugin from './index.js';

const tensor = (step: number, n = 3) => ({
  step,
  wallTime: 100 + step,
  value: { dtype: 'float32' as const, shape: [6, n], numbers: Float64Array.from({ length: 6 * n }, (_, i) => (i < 2 * n ? step + 1 : 0.5)), strings: [] },
});
/** Version 1 of PrCurvePluginData: field 1 (varint) = 1. */
const FUTURE = Uint8Array.of(0x08, 0x01);

function app(flags = {}): TestApp {
  const data = new MemoryProvider()
    .addTensors('a', 'pr/x', [tensor(0), tensor(1), tensor(2)], { pluginName: 'pr_curves', displayName: 'x', description: '*bold*' })
    .addTensors('b', 'pr/x', [tensor(5)], { pluginName: 'pr_curves' })
    .addTensors('b', 'pr/future', [tensor(5)], { pluginName: 'pr_curves', pluginContent: FUTURE })
    .addScalars('a', 'loss', [{ step: 0, wallTime: 0, value: 1 }]);
  return hostPlugin(plugin, data, { flags });
}
const get = async (a: TestApp, u: string) => {
  const res = await a.request(`/data/plugin/pr_curves/${u}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('pr_curves routes', () => {
  it('lists the tags of every run with PR curves, leaving out versions it does not know', async () => {
    expect((await get(app(), 'tags')).body).toEqual({
      a: { 'pr/x': { displayName: 'x', description: '<p><em>bold</em></p>' } },
      b: { 'pr/x': { displayName: '', description: '' } },
    });
  });

  it('answers the curve of a tag in each run asked for', async () => {
    const { status, body } = await get(app(), 'pr_curves?run=a&run=b&tag=pr%2Fx');
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['a', 'b']);
    const a = body['a'] as { step: number; wall_time: number; thresholds: number[]; true_positives: number[] }[];
    expect(a.map((e) => [e.step, e.wall_time])).toEqual([[0, 100], [1, 101], [2, 102]]);
    expect(a[2]).toMatchObject({ thresholds: [0, 0.5, 1], true_positives: [3, 3, 3] });
  });

  it('keeps at most --samples_per_plugin pr_curves=N steps, the last among them', async () => {
    const { body } = await get(app({ samplesPerPlugin: { pr_curves: 2 } }), 'pr_curves?run=a&tag=pr%2Fx');
    expect((body['a'] as { step: number }[]).map((e) => e.step)).toEqual([0, 2]);
    const all = await get(app({ samplesPerPlugin: { pr_curves: 0 } }), 'pr_curves?run=a&tag=pr%2Fx');
    expect((all.body['a'] as { step: number }[]).map((e) => e.step)).toEqual([0, 1, 2]);
  });

  it('says 400 with what was expected for a missing run, tag, or a run without the tag', async () => {
    const noRun = await get(app(), 'pr_curves?tag=pr%2Fx');
    expect(noRun.status).toBe(400);
    expect(JSON.stringify(noRun.body)).toContain('No runs provided');
    expect((await get(app(), 'pr_curves?run=a')).status).toBe(400);
    const wrong = await get(app(), 'pr_curves?run=a&tag=nope');
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('its PR curve tags are \\"pr/x\\"');
    const nobody = await get(app(), 'pr_curves?run=zz&tag=pr%2Fx');
    expect(JSON.stringify(nobody.body)).toContain('the runs with PR curves are \\"a\\", \\"b\\"');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedLogRoot, type TestApp, corpusPath, hostPlugin, loadLogRoot } from '@tb/core/testing';
import plugin from './index.js';

describe('histograms routes', () => {
  let mux: LoadedLogRoot;
  let app: TestApp;
  beforeAll(async () => {
    mux = await loadLogRoot(corpusPath('mnist-like'));
    app = hostPlugin(plugin, mux.provider);
  });
  afterAll(() => mux.close());

  const get = async (url: string) => {
    const res = await app.request(`/data/plugin/histograms/${url}`);
    return { status: res.status, body: (await res.json()) as { error?: { message: string } } & unknown[] };
  };

  it('downsamples to at most N histograms, keeping the last step', async () => {
    const all = (await get('histograms?run=adam%2Ftrain&tag=dense%2Fkernel')).body as unknown as [number, number][];
    const two = (await get('histograms?run=adam%2Ftrain&tag=dense%2Fkernel&downsample=2')).body as unknown as [number, number][];
    expect(all.length).toBeGreaterThan(2);
    expect(two).toHaveLength(2);
    expect(two[1]![1]).toBe(all[all.length - 1]![1]);
  });

  it('says what is missing or wrong', async () => {
    expect(await get('histograms?run=nope&tag=dense%2Fkernel')).toMatchObject({ status: 404 });
    expect((await get('histograms?run=nope&tag=x')).body.error?.message).toContain('expected one of the runs with histograms, "adam/train", "sgd/train"');
    expect((await get('distributions?run=adam%2Ftrain&tag=loss')).body.error?.message).toContain('has no histogram tag "loss": its tags are "dense/kernel"');
    expect(await get('histograms?tag=x')).toMatchObject({ status: 400 });
    expect((await get('histograms?run=a&run=b&tag=x')).body.error?.message).toContain('run should be given once');
    expect((await get('distributions?run=adam%2Ftrain&tag=dense%2Fkernel&downsample=0')).body.error?.message).toContain('downsample should be a positive integer');
  });
});

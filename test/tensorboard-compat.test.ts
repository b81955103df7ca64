/**
 * @tb/writer's files read by the real TensorBoard (Python), when one is at hand:
 * `TB_TENSORBOARD=/path/to/tensorboard npx vitest run test/tensorboard-compat.test.ts`.
 * CI machines cannot install TensorBoard (PyPI is out of reach), so there it is skipped;
 * run it where TensorBoard is installed after changing the writer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SummaryWriter } from '@tb/writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TENSORBOARD = process.env['TB_TENSORBOARD'];

describe.skipIf(!TENSORBOARD)('the real TensorBoard reads what @tb/writer writes', () => {
  const logdir = mkdtempSync(path.join(os.tmpdir(), 'tb-compat-'));
  let child: ChildProcess;
  let url = '';
  const get = async (route: string) => {
    const res = await fetch(`${url}${route}`);
    expect(res.status, route).toBe(200);
    return res;
  };

  beforeAll(async () => {
    const w = new SummaryWriter(path.join(logdir, 'run'));
    for (let step = 0; step < 3; step++) {
      w.addScalar('loss', 1 / (step + 1), step);
      w.addHistogram('weights', Array.from({ length: 100 }, (_, i) => Math.sin(i + step)), step);
      w.addImages('inputs', [0, 1].map((v) => ({ data: new Uint8Array(12).fill(v * 200), width: 4, height: 3, channels: 1 as const })), step);
      w.addPrCurve('pr', [1, 0, 1, 0], [0.9, 0.4, 0.6, 0.1], step, { numThresholds: 5 });
    }
    w.addText('notes', '**hello**', 0);
    w.addHparams({ lr: 0.1, opt: 'adam' }, { 'hparam/accuracy': 0.9 }, { runName: 'session' });
    await w.close();
    const port = 20000 + Math.floor(Math.random() * 20000);
    child = spawn(TENSORBOARD!, ['--logdir', logdir, '--port', String(port), '--host', '127.0.0.1', '--load_fast', 'false', '--reload_interval', '1'], { stdio: 'ignore' });
    url = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 120; i++) {
      const ok = await fetch(`${url}data/plugin/scalars/tags`).then((r) => r.json() as Promise<Record<string, unknown>>, () => ({}));
      if ('run' in ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('TensorBoard did not load the log directory');
  }, 60_000);

  afterAll(() => {
    child?.kill();
  });

  it('scalars, histograms, images, text, PR curves and hparams', async () => {
    const scalars = (await (await get('data/plugin/scalars/scalars?run=run&tag=loss')).json()) as [number, number, number][];
    expect(scalars.map(([, s, v]) => [s, Number(v.toFixed(4))])).toEqual([[0, 1], [1, 0.5], [2, 0.3333]]);
    const hist = (await (await get('data/plugin/histograms/histograms?run=run&tag=weights')).json()) as [number, number, number[][]][];
    expect(hist.map((h) => h[2].reduce((n, b) => n + b[2]!, 0))).toEqual([100, 100, 100]);
    const tags = (await (await get('data/plugin/images/tags')).json()) as Record<string, Record<string, { samples: number }>>;
    expect(tags['run']!['inputs']!.samples).toBe(2);
    const images = (await (await get('data/plugin/images/images?run=run&tag=inputs&sample=1')).json()) as { query: string }[];
    const png = await get(`data/plugin/images/individualImage?${images[0]!.query}`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(((await (await get('data/plugin/text/tags')).json()) as Record<string, string[]>)['run']).toEqual(['notes']);
    const pr = (await (await get('data/plugin/pr_curves/pr_curves?run=run&tag=pr')).json()) as Record<string, { precision: number[] }[]>;
    expect(pr['run']!).toHaveLength(3);
    const groups = await fetch(`${url}data/plugin/hparams/session_groups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ experimentName: '', allowedStatuses: ['STATUS_SUCCESS'], colParams: [], startIndex: 0, sliceSize: 10 }),
    });
    const body = (await groups.json()) as { sessionGroups: { hparams: Record<string, unknown> }[] };
    expect(body.sessionGroups[0]!.hparams).toEqual({ lr: 0.1, opt: 'adam' });
  });
});

/**
 * The routes beyond torch-tb-profiler's recorded answers (those are in reference.test.ts):
 * what we show of the autograd traces it cannot read, TensorFlow/JAX XSpace profiles, the
 * trace viewer's timeline, torch's `trace` with its GPU counters, and the errors.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPath, hostPlugin, loadLogRoot, type LoadedLogRoot, type TestApp } from '@tb/core/testing';
import plugin from './index.js';
import { decodeTimeline } from './timeline/codec.js';
import { readTraceFileSync } from './trace/read-sync.js';

const XSPACE = new URL('./xplane/testdata/jax-cpu.xplane.pb', import.meta.url);
const DAMAGED = corpusPath('profile-xplane/tpu_inference/plugins/profile/2026_01_01_00_00_00/host0.xplane.pb');
const q = (o: Record<string, string>) => new URLSearchParams(o).toString();
const P = '/data/plugin/profile';

describe('the profile routes', () => {
  let mux: LoadedLogRoot;
  let app: TestApp;

  beforeAll(async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'tb-profile-routes-'));
    cpSync(corpusPath('profile/mlp_100'), path.join(root, 'mlp_100'), { recursive: true });
    cpSync(corpusPath('profile-kineto/resnet50_num_workers_4'), path.join(root, 'resnet50_num_workers_4'), { recursive: true });
    for (const [run, file] of [['jax_cpu', XSPACE], ['tpu_damaged', DAMAGED]] as const) {
      const dir = path.join(root, run, 'plugins/profile/2026_11_29_12_00_00');
      mkdirSync(dir, { recursive: true });
      cpSync(file instanceof URL ? file.pathname : file, path.join(dir, 'host0.xplane.pb'));
    }
    mux = await loadLogRoot(root);
    app = hostPlugin(plugin, mux.provider);
  });
  afterAll(() => mux.close());

  it('lists every run with a profile, traces and XSpaces alike', async () => {
    expect(await app.json(`${P}/runs`)).toEqual({ runs: ['jax_cpu', 'mlp_100', 'resnet50_num_workers_4', 'tpu_damaged'], loading: false });
    // The alias answers as torch-tb-profiler's plugin would.
    expect(await app.json('/data/plugin/pytorch_profiler/spans?run=mlp_100&worker=worker0')).toEqual(['1', '2']);
  });

  it('shows the autograd traces torch-tb-profiler cannot read: an overview, operators and the trace', async () => {
    expect(await app.json(`${P}/views?run=mlp_100`)).toEqual(['Overview', 'Operator', 'Trace']);
    const figures = await app.json<{ steps: { step: string; total: number; cpuExec: number }[]; gpu: unknown }>(`${P}/figures?${q({ run: 'mlp_100', worker: 'worker0', span: '1' })}`);
    // The two ProfilerStep#N of the first file, on the CPU only.
    const raw = readTraceFileSync(corpusPath('profile/mlp_100/worker0.1795464395771.pt.trace.json'));
    const steps = raw.traceEvents.filter((e) => e.name.startsWith('ProfilerStep#'));
    expect(figures.steps.map((s) => s.step)).toEqual(steps.map((e) => e.name.slice('ProfilerStep#'.length)));
    figures.steps.forEach((s, i) => expect(s.total).toBe(steps[i]!.dur));
    expect(figures.gpu).toBeNull();
    const table = await app.json<{ data: { name: string; calls: number }[] }>(`${P}/operation/table?${q({ run: 'mlp_100', worker: 'worker0', span: '1', group_by: 'Operation' })}`);
    const linear = raw.traceEvents.filter((e) => e.ph === 'X' && e.name === 'aten::linear').length;
    expect(linear).toBeGreaterThan(0);
    expect(table.data.find((r) => r.name === 'aten::linear')?.calls).toBe(linear);
    // Loaded by now: the page's progress bar says so.
    expect(await app.json(`${P}/progress?${q({ run: 'mlp_100', worker: 'worker0', span: '1' })}`)).toEqual({
      state: 'loaded', file: 'mlp_100/worker0.1795464395771.pt.trace.json', bytes: 30833, total: 30833,
    });
    // No GPU: no Kernel view, and its routes say so.
    expect((await app.request(`${P}/kernel/table?${q({ run: 'mlp_100', worker: 'worker0', span: '1' })}`)).status).toBe(404);
  });

  it('serves the timeline in its binary form: one slice per complete event', async () => {
    const res = await app.request(`${P}/timeline?${q({ run: 'mlp_100', worker: 'worker0', span: '2' })}`);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const t = decodeTimeline(await res.arrayBuffer());
    const raw = readTraceFileSync(corpusPath('profile/mlp_100/worker0.1795464395782.pt.trace.json'));
    expect(t.slices.start.length).toBe(raw.traceEvents.filter((e) => e.ph === 'X').length);
    const first = await app.json<{ name: string; dur: number }>(`${P}/timeline/detail?${q({ run: 'mlp_100', worker: 'worker0', span: '2', slice: '0' })}`);
    expect(first.name).toBe(t.names[t.slices.name[0]!]);
    const past = await app.request(`${P}/timeline/detail?${q({ run: 'mlp_100', worker: 'worker0', span: '2', slice: String(t.slices.start.length) })}`);
    expect(past.status).toBe(404);
  });

  it("answers torch's trace with its GPU-utilization counters inserted", async () => {
    const res = await app.request(`${P}/trace?${q({ run: 'resnet50_num_workers_4', worker: 'worker0', span: '1' })}`);
    const trace = (await res.json()) as { traceEvents: { name: string; ph: string }[] };
    const counters = trace.traceEvents.filter((e) => e.ph === 'C' && e.name === 'GPU 0 Utilization');
    expect(counters.length).toBeGreaterThan(2);
  });

  it("draws memory over time from the allocator totals where torch's curve, lacking addresses, is empty", async () => {
    const id = { run: 'resnet50_num_workers_4', worker: 'worker0', span: '1' };
    const torch = await app.json<{ rows: Record<string, unknown[]> }>(`${P}/memory_curve?${q(id)}`);
    expect(torch.rows).toEqual({});
    const curve = await app.json<{ metadata: { peaks: Record<string, string> }; rows: Record<string, number[][]> }>(`${P}/memory_totals?${q({ ...id, memory_metric: 'B' })}`);
    // This PyTorch wrote only each event's Bytes: the curve is their running sum per
    // device. Its peak for GPU 0, computed here from the raw [memory] events.
    const raw = readTraceFileSync(corpusPath('profile-kineto/resnet50_num_workers_4/worker0.1623212756351.pt.trace.json.gz'));
    const gpu = raw.traceEvents.filter((e) => e.name === '[memory]' && e.args?.['Device Type'] === 1 && e.args?.['Device Id'] === 0).sort((a, b) => a.ts - b.ts);
    let sum = 0;
    let peak = 0;
    for (const e of gpu) peak = Math.max(peak, (sum += e.args!['Bytes'] as number));
    expect(curve.rows['GPU0']!.length).toBeGreaterThan(100);
    expect(Math.max(...curve.rows['GPU0']!.map((p) => p[1]!))).toBe(peak);
    expect(curve.metadata.peaks['GPU0']).toContain(peak.toFixed(1));
  });

  it('shows a JAX XSpace: its steps, op statistics, planes and timeline', async () => {
    const id = { run: 'jax_cpu', worker: 'host0', span: '2026_11_29_12_00_00' };
    expect(await app.json(`${P}/views?run=jax_cpu`)).toEqual(['Step Time', 'Op Stats', 'Trace']);
    const steps = await app.json<{ steps: { step: string; durationUs: number }[] }>(`${P}/xplane/steps?${q(id)}`);
    expect(steps.steps.map((s) => s.step)).toEqual(['0', '1', '2', '3', '4']);
    const stats = await app.json<{ data: { columns: { name: string }[]; rows: unknown[][] } }>(`${P}/xplane/op_stats?${q(id)}`);
    expect(stats.data.rows.length).toBeGreaterThan(0);
    const occurrences = stats.data.columns.findIndex((c) => c.name === 'Occurrences');
    // Each jitted op ran once per step.
    for (const row of stats.data.rows) expect(row[occurrences]).toBe(5);
    const planes = await app.json<{ name: string }[]>(`${P}/xplane/planes?${q(id)}`);
    expect(planes.map((p) => p.name)).toContain('/host:CPU');
    const t = decodeTimeline(await (await app.request(`${P}/timeline?${q(id)}`)).arrayBuffer());
    expect(t.slices.start.length).toBeGreaterThan(0);
    // Torch's views have nothing for an XSpace.
    expect((await app.request(`${P}/overview?${q(id)}`)).status).toBe(404);
  });

  it('a damaged XSpace costs its own profile only, with the reason', async () => {
    const res = await app.request(`${P}/xplane/op_stats?${q({ run: 'tpu_damaged', worker: 'host0', span: '2026_11_29_12_00_00' })}`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/not a readable XSpace.*U\+FFFD/s);
    expect((await app.request(`${P}/views?run=jax_cpu`)).status).toBe(200);
    const progress = await app.json<{ state: string; error: string }>(`${P}/progress?${q({ run: 'tpu_damaged', worker: 'host0', span: '2026_11_29_12_00_00' })}`);
    expect(progress.state).toBe('failed');
    expect(progress.error).toContain('not a readable XSpace');
  });

  it('names what is wrong with a request', async () => {
    const missing = await app.request(`${P}/overview?${q({ run: 'mlp_100', worker: 'worker0' })}`);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('span');
    const badGroup = await app.request(`${P}/operation?${q({ run: 'mlp_100', worker: 'worker0', span: '1', group_by: 'Kernel' })}`);
    expect(badGroup.status).toBe(400);
    expect(await badGroup.text()).toContain('OperationAndInputShape');
    const noRun = await app.request(`${P}/views?run=nope`);
    expect(noRun.status).toBe(404);
    expect(await noRun.text()).toContain("no profile in run 'nope'");
    const noSpan = await app.request(`${P}/overview?${q({ run: 'mlp_100', worker: 'worker0', span: '9' })}`);
    expect(noSpan.status).toBe(404);
    expect(await noSpan.text()).toContain('mlp_100/worker0/9');
    expect(readFileSync(DAMAGED).length).toBeGreaterThan(0);
  });
});

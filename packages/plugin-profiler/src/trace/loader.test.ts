import { readFileSync } from 'node:fs';
import { corpusPath } from '@tb/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileKind } from './discover.js';
import { ProfileLoader, type ProfileSource } from './loader.js';
import { readTraceFileSync } from './read-sync.js';

const KINETO = corpusPath('profile-kineto', 'resnet50_num_workers_4', 'worker0.1623212756351.pt.trace.json.gz');
const AUTOGRAD = corpusPath('profile', 'mlp_32', 'worker0.1795464397205.pt.trace.json');
const XSPACE = corpusPath('profile-xplane', 'tpu_inference', 'plugins', 'profile', '2026_01_01_00_00_00', 'host0.xplane.pb');
const FAKE_WORKER = new URL('./testdata/fake-worker.mjs', import.meta.url);

/** A source over `bytes`, read in `chunk`-byte pieces (fresh buffers each). */
function source(bytes: Uint8Array, run = 'r', kind: ProfileKind = 'kineto-json', chunk = 1 << 16): ProfileSource & { pieces: Uint8Array[] } {
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += chunk) pieces.push(bytes.slice(at, at + chunk));
  return {
    id: { run, worker: 'w', span: '1' },
    kind,
    size: bytes.length,
    pieces,
    async *chunks() {
      yield* pieces;
    },
  };
}

const loaders: ProfileLoader[] = [];
const make = (...args: ConstructorParameters<typeof ProfileLoader>) => {
  const l = new ProfileLoader(...args);
  loaders.push(l);
  return l;
};
afterEach(async () => {
  await Promise.all(loaders.splice(0).map((l) => l.close()));
});

describe('ProfileLoader inline (run from sources)', () => {
  it('loads a corpus Kineto trace and an autograd trace on the calling thread', async () => {
    const loader = make();
    expect(loader.mode).toBe('inline');
    const progress: number[] = [];
    const bytes = readFileSync(KINETO);
    const profile = await loader.load(source(bytes), { onProgress: (p) => progress.push(p.bytes / p.total) });
    if (profile.format === 'xspace') throw new Error('a trace loaded as an XSpace');
    expect(profile.eventCount).toBe(readTraceFileSync(KINETO).traceEvents.length);
    expect(profile.format).toBe('kineto');
    expect(profile.id).toEqual({ run: 'r', worker: 'w', span: '1' });
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBe(Math.ceil(bytes.length / (1 << 16)));
    const autograd = await loader.load(source(readFileSync(AUTOGRAD)));
    if (autograd.format !== 'autograd') throw new Error(`loaded as ${autograd.format}`);
    expect(autograd.eventCount).toBe(readTraceFileSync(AUTOGRAD).traceEvents.length);
  });

  it('rejects a corrupt trace naming the profile, and goes on loading others', async () => {
    const loader = make();
    const bad = new TextEncoder().encode('{"traceEvents": [{"ph": "X", "ts": 1}, {"ph" "X"}]}');
    const err = (await loader.load(source(bad, 'broken')).catch((e: unknown) => e)) as Error;
    expect(err.name).toBe('TraceParseError');
    expect(err.message).toContain('broken/w/1');
    expect(err.message).toContain(`at byte ${new TextDecoder().decode(bad).indexOf('"X"}')} `);
    const warnings: string[] = [];
    const cut = readFileSync(AUTOGRAD).subarray(0, 20_000);
    const partial = (await loader.load(source(cut), { onWarning: (w) => warnings.push(w) })) as { eventCount: number };
    expect(partial.eventCount).toBeGreaterThan(10);
    expect(warnings[0]).toMatch(/ends early/);
  });

  it('rejects with the abort reason', async () => {
    const loader = make();
    const controller = new AbortController();
    const p = loader.load(source(readFileSync(KINETO)), { signal: controller.signal });
    controller.abort(new Error('user went away'));
    await expect(p).rejects.toThrow('user went away');
    const pre = new AbortController();
    pre.abort();
    await expect(loader.load(source(readFileSync(AUTOGRAD)), { signal: pre.signal })).rejects.toThrow();
  });

  it('loads an XSpace through ../xplane, and names the profile when one is corrupt', async () => {
    const loader = make();
    const jax = readFileSync(new URL('../xplane/testdata/jax-cpu.xplane.pb', import.meta.url));
    const profile = await loader.load(source(jax, 'jax', 'xspace', 1000));
    expect(profile.format).toBe('xspace');
    expect(profile.id).toEqual({ run: 'jax', worker: 'w', span: '1' });
    // The corpus XSpace went through a UTF-8 conversion (EF BF BD everywhere): unreadable.
    const err = (await loader.load(source(readFileSync(XSPACE), 'tpu', 'xspace')).catch((e: unknown) => e)) as Error;
    expect(err.name).toBe('XSpaceDecodeError');
    expect(err.message).toMatch(/^could not load the profile tpu\/w\/1: .*XSpace/);
  });
});

describe('ProfileLoader worker pool (with a stand-in worker module)', () => {
  const text = (s: string) => new TextEncoder().encode(s);

  it('streams the chunks in, transferring whole buffers and copying views of larger ones', async () => {
    const loader = make({ script: FAKE_WORKER, workers: 2 });
    expect(loader.mode).toBe('worker');
    const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
    const src = source(bytes, 'ok', 'kineto-json', 100_000);
    const warnings: string[] = [];
    let peak = 0;
    const profile = (await loader.load(src, { onWarning: (w) => warnings.push(w), onStats: (s) => (peak = s.peakHeap) })) as unknown as {
      eventCount: number;
      data: Float64Array;
    };
    expect(profile.eventCount).toBe(300_000);
    expect(profile.data[1]).toBe(bytes.reduce((a, b) => a + b, 0));
    expect(src.pieces.every((p) => p.byteLength === 0)).toBe(true); // transferred
    expect(warnings).toEqual(['read 300000 bytes']);
    expect(peak).toBe(1234);
    // Views into one larger buffer are copied, never detached.
    const whole = new Uint8Array(1000).fill(1);
    const views: ProfileSource = { ...source(whole), chunks: async function* () { yield whole.subarray(0, 500); yield whole.subarray(500); } };
    const p2 = (await loader.load(views)) as unknown as { data: Float64Array };
    expect(p2.data[0]).toBe(1000);
    expect(whole.byteLength).toBe(1000);
  });

  it('runs at most `workers` threads at once and queues the rest', async () => {
    const loader = make({ script: FAKE_WORKER, workers: 2 });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => loader.load(source(text(`x${i}`), 'slow'))));
    const threads = new Set(results.map((r) => (r as unknown as { data: Float64Array }).data[2]));
    expect(threads.size).toBe(2);
  });

  it('fails only the load whose worker errs, crashes or throws, and replaces the worker', async () => {
    const loader = make({ script: FAKE_WORKER, workers: 1 });
    const outcomes = await Promise.allSettled(['fail', 'ok', 'crash', 'ok', 'throw', 'ok'].map((run) => loader.load(source(text(run), run))));
    const msg = (i: number) => String((outcomes[i] as PromiseRejectedResult).reason?.message);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[0] as PromiseRejectedResult).reason.name).toBe('TraceParseError');
    expect(msg(0)).toBe('could not load the profile fail/w/1: corrupt at byte 7');
    expect(msg(2)).toMatch(/crash\/w\/1: its worker thread stopped \(exit code 3\)/);
    expect(msg(4)).toMatch(/throw\/w\/1: its worker thread failed: boom in the worker/);
    const threads = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [(o.value as unknown as { data: Float64Array }).data[2]] : []));
    expect(new Set(threads).size).toBe(3); // a new worker after each death
  });

  it('rejects a load whose source fails to read', async () => {
    const loader = make({ script: FAKE_WORKER, workers: 1 });
    const broken: ProfileSource = {
      ...source(text('abc')),
      chunks: async function* () {
        yield text('abc');
        throw new Error('disk gone');
      },
    };
    await expect(loader.load(broken)).rejects.toThrow('could not read the profile r/w/1: disk gone');
    await expect(loader.load(source(text('fine'), 'ok'))).resolves.toMatchObject({ eventCount: 4 });
  });

  it('aborts a running load at once (stopping its worker) and a queued one, and keeps serving', async () => {
    const loader = make({ script: FAKE_WORKER, workers: 1 });
    const controller = new AbortController();
    const queuedController = new AbortController();
    const running = loader.load(source(text('x'), 'hang'), { signal: controller.signal });
    const queued = loader.load(source(text('y'), 'ok'), { signal: queuedController.signal });
    const after = loader.load(source(text('zz'), 'ok'));
    await new Promise((r) => setTimeout(r, 50));
    queuedController.abort(new Error('not needed'));
    controller.abort(new Error('too slow'));
    await expect(running).rejects.toThrow('too slow');
    await expect(queued).rejects.toThrow('not needed');
    await expect(after).resolves.toMatchObject({ eventCount: 2 });
  });

  it('rejects pending loads on close, and new ones after it', async () => {
    const loader = make({ script: FAKE_WORKER, workers: 1 });
    const pending = loader.load(source(text('x'), 'hang')).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 20));
    await loader.close();
    expect(String(await pending)).toMatch('closed');
    await expect(loader.load(source(text('x')))).rejects.toThrow('closed');
  });
});

describe('sharedLoader', () => {
  it('is one loader per process until closed', async () => {
    const { sharedLoader, closeSharedLoader } = await import('./shared-loader.js');
    const a = sharedLoader();
    expect(sharedLoader()).toBe(a);
    await closeSharedLoader();
    await expect(a.load(source(new Uint8Array([91, 93])))).rejects.toThrow('closed');
    const b = sharedLoader();
    expect(b).not.toBe(a);
    await expect(b.load(source(new TextEncoder().encode('[]')))).resolves.toMatchObject({ format: 'autograd', eventCount: 0 });
    await closeSharedLoader();
  });
});

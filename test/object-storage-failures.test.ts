/**
 * Object storage that fails: throttling, 5xx answers, dropped connections and a listing
 * that cannot be made. Requests are retried with backoff and counted in the loading
 * status; a run whose reads keep failing keeps what it had, is reported, and is read on
 * from where it stopped once the store answers again; the other runs never wait for it.
 * The faults come from a proxy in front of a real S3-compatible server.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LogRootMultiplexer } from '@tb/core/events';
import { connectS3TestServer, startFaultProxy, type FaultProxy, type S3TestServer } from '@tb/s3-test-server';
import { SummaryWriter } from '@tb/writer';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

describe('reading a bucket that fails', () => {
  const local = mkdtempSync(path.join(os.tmpdir(), 'tb-s3-faults-'));
  let s3: S3TestServer;
  let proxy: FaultProxy;
  let bucket: string;
  let mux: LogRootMultiplexer;
  const writers = new Map<string, SummaryWriter>();
  let nextStep = 0;

  /** Logs `count` more steps of `loss` in each run and uploads the grown files. */
  const grow = async (runs: readonly string[], count: number) => {
    for (const run of runs) {
      let w = writers.get(run);
      if (!w) writers.set(run, (w = new SummaryWriter(path.join(local, run))));
      for (let i = 0; i < count; i++) w.addScalar('loss', 1 / (nextStep + i + 1), nextStep + i);
      await w.flush();
      for (const name of readdirSync(path.join(local, run))) await s3.putObject(bucket, `logs/${run}/${name}`, readFileSync(path.join(local, run, name)));
    }
    nextStep += count;
  };
  const steps = (run: string) => Array.from(mux.provider.readScalars('scalars', run, 'loss', { downsample: Number.MAX_SAFE_INTEGER })?.step ?? []);
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);

  beforeAll(async () => {
    s3 = await connectS3TestServer();
    proxy = await startFaultProxy(s3.endpoint);
  });
  afterAll(async () => {
    for (const w of writers.values()) await w.close();
    await proxy?.stop();
    await s3?.stop();
    rmSync(local, { recursive: true, force: true });
  });
  beforeEach(async () => {
    bucket = await s3.createBucket();
    for (const w of writers.values()) await w.close();
    writers.clear();
    rmSync(local, { recursive: true, force: true });
    nextStep = 0;
    mux = new LogRootMultiplexer({
      logdir: `s3://${bucket}/logs`,
      reloadInterval: 0,
      s3: { endpoint: proxy.endpoint, forcePathStyle: true, region: s3.region, credentials: s3.credentials, retry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 40 } },
    });
  });
  afterEach(() => mux.close());

  it('retries throttling, 5xx answers and dropped connections, counts them, and loses nothing', async () => {
    await grow(['a', 'b'], 10);
    proxy.inject({ count: 2, fault: { status: 503, code: 'SlowDown' }, match: (method, url) => method === 'GET' && url.includes('/logs/a/') });
    proxy.inject({ count: 1, fault: { status: 500, code: 'InternalError' }, match: (_m, url) => url.includes('list-type=2') });
    proxy.inject({ count: 1, fault: 'reset', match: (method, url) => method === 'GET' && url.includes('/logs/b/') });
    await mux.reload();
    expect(steps('a')).toEqual(range(10));
    expect(steps('b')).toEqual(range(10));
    const { storage, problems } = mux.status();
    expect(storage.retries).toBe(4);
    expect(storage.failures).toBe(0);
    expect(storage.retrying).toBe(0);
    expect(storage.lastError?.message).toMatch(/\(throttled\); retry \d in \d+ ms$/);
    expect(problems).toEqual([]);
  });

  it('a run whose reads keep failing keeps its data, is reported, does not hold up the others, and reads on later', async () => {
    await grow(['a', 'b'], 10);
    await mux.reload();
    await grow(['a', 'b'], 5);
    let failing = true;
    proxy.inject({ count: 1e9, fault: { status: 503, code: 'ServiceUnavailable' }, match: (method, url) => failing && method === 'GET' && url.includes('/logs/a/') });
    await mux.reload();
    expect(steps('b')).toEqual(range(15));
    expect(steps('a')).toEqual(range(10));
    const status = mux.status();
    expect(status.storage.failures).toBeGreaterThan(0);
    expect(status.storage.lastError?.message).toMatch(/503 ServiceUnavailable/);
    expect(status.problems).toEqual([
      expect.objectContaining({ run: 'a', message: expect.stringMatching(/^cannot read: GET s3:\/\/.*\/logs\/a\/events\.out\.tfevents\.\S+ \(bytes \d+-\d+\): 503 ServiceUnavailable/) as unknown as string }),
    ]);
    failing = false;
    await mux.reload();
    expect(steps('a')).toEqual(range(15));
    expect(steps('b')).toEqual(range(15));
  });

  it('a listing that cannot be made keeps every run, and says why', async () => {
    await grow(['a', 'b'], 3);
    await mux.reload();
    let failing = true;
    proxy.inject({ count: 1e9, fault: { status: 403, code: 'AccessDenied' }, match: (_m, url) => failing && url.includes('list-type=2') });
    await grow(['b'], 2);
    await mux.reload();
    expect(mux.provider.listRuns().map((r) => r.name).sort()).toEqual(['a', 'b']);
    expect(steps('b')).toEqual(range(3));
    expect(mux.status().problems.at(-1)?.message).toMatch(/^cannot list: LIST s3:\/\/.*\/logs\/: 403 AccessDenied/);
    failing = false;
    await mux.reload();
    expect(steps('b')).toEqual(range(5));
  });
});

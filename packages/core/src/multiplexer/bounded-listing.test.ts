/**
 * A bucket too big to list in one reload: with 2 keys a page and 2 pages a reload, a
 * pass over the root takes several reloads. New runs are found as the pass reaches
 * them, runs already known still show what they append at every reload (each lists its
 * own directory), and objects deleted are dropped when a pass completes. Against a real
 * S3-compatible server.
 */
import { connectS3TestServer, type S3TestServer } from '@tb/s3-test-server';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { encodeTestRecords, type TestEvent } from '../testing/event-files.js';
import { LogRootMultiplexer } from './multiplexer.js';

const ALL = { downsample: Number.MAX_SAFE_INTEGER };

function scalarEvents(steps: number[]): TestEvent[] {
  return steps.map((step) => ({ wallTime: 1_700_000_000 + step, step, scalars: { loss: step / 2 } }));
}
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('listing a large bucket over several reloads', () => {
  let s3: S3TestServer;
  let bucket: string;
  let mux: LogRootMultiplexer;
  const put = (key: string, steps: number[]) => s3.putObject(bucket, `root/${key}`, encodeTestRecords(scalarEvents(steps)));
  const steps = (run: string) => Array.from(mux.provider.readScalars('scalars', run, 'loss', ALL)?.step ?? []);
  const runs = () => mux.provider.listRuns().map((r) => r.name).sort();

  beforeAll(async () => {
    s3 = await connectS3TestServer();
  });
  afterAll(() => s3?.stop());
  beforeEach(async () => {
    bucket = await s3.createBucket();
    // Ten runs, each with an event file and a file that is not one (a checkpoint), so 20 keys: 5 reloads a pass.
    for (let i = 0; i < 10; i++) {
      await put(`run${i}/events.out.tfevents.1.h`, range(0, 3));
      await s3.putObject(bucket, `root/run${i}/model.ckpt`, 'not events');
    }
    mux = new LogRootMultiplexer({
      logdir: `s3://${bucket}/root`,
      reloadInterval: 0,
      maxListPages: 2,
      s3: { endpoint: s3.endpoint, forcePathStyle: true, region: s3.region, credentials: s3.credentials, pageSize: 2 },
    });
  });
  afterEach(() => mux.close());

  it('finds the runs as the pass reaches them, a few keys a reload', async () => {
    await mux.reload();
    expect(runs()).toEqual(['run0', 'run1']);
    await mux.reload();
    expect(runs()).toEqual(['run0', 'run1', 'run2', 'run3']);
    for (let i = 0; i < 3; i++) await mux.reload();
    expect(runs()).toEqual(range(0, 10).map((i) => `run${i}`));
    expect(steps('run9')).toEqual([0, 1, 2]);
  });

  it('shows what a known run appends at the next reload, wherever the pass is', async () => {
    await mux.reload();
    await mux.reload();
    const before = mux.status().storage.requests;
    await put('run0/events.out.tfevents.1.h', range(0, 6)); // re-uploaded, grown
    await put('run1/events.out.tfevents.2.h', range(6, 8)); // a new file
    await mux.reload();
    expect(steps('run0')).toEqual(range(0, 6));
    expect(steps('run1')).toEqual([0, 1, 2, 6, 7]);
    // Bounded: the pass's 2 pages (run4, run5), a listing of each run it did not list whole
    // (run0-run3, and run4 and run5 at its two ends; run1's 3 keys take 2 pages of 2), and
    // the reads: run0's first bytes and its new ones, run1's new file, run4's and run5's files.
    expect(mux.status().storage.requests - before).toBe(2 + 7 + 5);
  });

  it('drops a run whose objects were deleted once a pass completes', async () => {
    for (let i = 0; i < 5; i++) await mux.reload();
    expect(runs()).toHaveLength(10);
    await s3.deleteObject(bucket, 'root/run5/events.out.tfevents.1.h');
    for (let i = 0; i < 5; i++) await mux.reload();
    expect(runs()).not.toContain('run5');
    expect(runs()).toHaveLength(9);
  });
});

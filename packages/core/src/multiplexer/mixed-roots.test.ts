/**
 * `--logdir_spec` with a directory and a bucket side by side: runs named by their root's
 * name, side files read through the right store by their root-prefixed path, and nothing
 * outside either root reachable. Against a real S3-compatible server.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connectS3TestServer, type S3TestServer } from '@tb/s3-test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors.js';
import { encodeTestRecords } from '../testing/event-files.js';
import { LogRootMultiplexer } from './multiplexer.js';

const events = (steps: number[]) => encodeTestRecords(steps.map((step) => ({ wallTime: 1_700_000_000 + step, step, scalars: { loss: step } })));

describe('a log directory and a bucket in one --logdir_spec', () => {
  let s3: S3TestServer;
  let dir: string;
  let mux: LogRootMultiplexer;

  beforeAll(async () => {
    s3 = await connectS3TestServer();
    const bucket = await s3.createBucket();
    await s3.putObject(bucket, 'exp/b/events.out.tfevents.1.h', events([0, 1, 2]));
    await s3.putObject(bucket, 'exp/projector_config.pbtxt', 'embeddings {}');
    await s3.putObject(bucket, 'secret.txt', 'outside the prefix');
    dir = await mkdtemp(path.join(os.tmpdir(), 'tb-mixed-'));
    await mkdir(path.join(dir, 'a'));
    await writeFile(path.join(dir, 'a', 'events.out.tfevents.1.h'), events([0, 1]));
    mux = new LogRootMultiplexer({
      logdirSpec: `disk:${dir},cloud:s3://${bucket}/exp`,
      reloadInterval: 0,
      s3: { endpoint: s3.endpoint, forcePathStyle: true, region: s3.region, credentials: s3.credentials },
    });
    await mux.reload();
  });
  afterAll(async () => {
    await mux?.close();
    await s3?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('names each run by its root', () => {
    expect(mux.provider.listRuns().map((r) => r.name).sort()).toEqual(['cloud/b', 'disk/a']);
    expect(Array.from(mux.provider.readScalars('scalars', 'cloud/b', 'loss', { downsample: 10 })!.step)).toEqual([0, 1, 2]);
    expect(Array.from(mux.provider.readScalars('scalars', 'disk/a', 'loss', { downsample: 10 })!.step)).toEqual([0, 1]);
  });

  it('lists and reads side files through the root that holds them, and nothing outside', async () => {
    expect((await mux.provider.listFiles(/projector_config\.pbtxt$/)).map((f) => f.path)).toEqual(['cloud/projector_config.pbtxt']);
    expect(Buffer.from(await mux.provider.readFile('cloud/projector_config.pbtxt')).toString()).toBe('embeddings {}');
    for (const p of ['cloud/../secret.txt', 'secret.txt', 'cloud//secret.txt', 'disk/../../etc/passwd']) {
      await expect(mux.provider.readFile(p)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

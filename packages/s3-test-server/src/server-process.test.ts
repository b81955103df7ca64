import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestS3Client } from './client-handle.js';
import { connectS3TestServer } from './connect.js';
import { startS3ServerProcess } from './server-process.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('server process', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('stop() leaves no process', async () => {
    const { server, pid } = await startS3ServerProcess();
    expect(alive(pid)).toBe(true);
    expect(server.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await server.stop();
    expect(alive(pid)).toBe(false);
    await server.stop(); // idempotent
  });

  it('connectS3TestServer honours TB_TEST_S3_ENDPOINT and leaves that server running', async () => {
    const { server, pid } = await startS3ServerProcess();
    try {
      vi.stubEnv('TB_TEST_S3_ENDPOINT', server.endpoint);
      const shared = await connectS3TestServer();
      expect(shared.endpoint).toBe(server.endpoint);
      expect(shared.env()).toEqual({
        AWS_ENDPOINT_URL: server.endpoint,
        AWS_ACCESS_KEY_ID: 'S3RVER',
        AWS_SECRET_ACCESS_KEY: 'S3RVER',
        AWS_REGION: 'us-east-1',
      });
      const bucket = await shared.createBucket();
      await shared.stop();
      expect(alive(pid)).toBe(true);
      // Still serving, and the bucket made through the shared handle is there.
      const client = createTestS3Client(server.endpoint);
      await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      client.destroy();
    } finally {
      await server.stop();
    }
    expect(alive(pid)).toBe(false);
  });

  it('uploadDir uploads every regular file under a prefix; a given directory is kept', async () => {
    const local = await mkdtemp(path.join(os.tmpdir(), 'tb-s3-upload-'));
    const data = await mkdtemp(path.join(os.tmpdir(), 'tb-s3-data-'));
    const { server } = await startS3ServerProcess({ directory: data });
    try {
      await mkdir(path.join(local, 'run1', 'sub'), { recursive: true });
      await writeFile(path.join(local, 'top.txt'), 'abc');
      await writeFile(path.join(local, 'run1', 'a'), '12345');
      await writeFile(path.join(local, 'run1', 'sub', 'b'), '');
      const bucket = await server.createBucket('my-bucket');
      expect(bucket).toBe('my-bucket');
      expect(await server.uploadDir(local, bucket, 'logs/')).toEqual({ objects: 3, bytes: 8 });
      const client = createTestS3Client(server.endpoint);
      const list = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      client.destroy();
      expect(list.Contents?.map((c) => [c.Key, c.Size])).toEqual([
        ['logs/run1/a', 5],
        ['logs/run1/sub/b', 0],
        ['logs/top.txt', 3],
      ]);
      await server.deleteObject(bucket, 'logs/top.txt');
    } finally {
      await server.stop();
      await rm(local, { recursive: true, force: true });
    }
    // A directory the caller chose survives stop().
    await expect(rm(path.join(data, 'my-bucket'), { recursive: true })).resolves.toBeUndefined();
    await rm(data, { recursive: true, force: true });
  });

  it('unique bucket names are valid', async () => {
    const { uniqueBucketName } = await import('./client-handle.js');
    const name = uniqueBucketName();
    expect(name).toMatch(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/);
    expect(uniqueBucketName()).not.toBe(name);
  });
});

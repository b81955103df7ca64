import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestS3Client } from './client-handle.js';
import { startFaultProxy } from './fault-proxy.js';
import { startS3Server } from './server-process.js';
import type { FaultProxy, S3TestServer } from './types.js';

describe('fault proxy', () => {
  let server: S3TestServer;
  let bucket: string;
  let proxy: FaultProxy | undefined;

  beforeAll(async () => {
    server = await startS3Server();
    bucket = await server.createBucket();
    await server.putObject(bucket, 'k', 'hello world');
  });
  afterAll(async () => {
    await proxy?.stop();
    await server?.stop();
  });

  const withProxy = async (test: (p: FaultProxy, client: ReturnType<typeof createTestS3Client>) => Promise<void>) => {
    proxy = await startFaultProxy(server.endpoint);
    const client = createTestS3Client(proxy.endpoint, 1);
    try {
      await test(proxy, client);
    } finally {
      client.destroy();
      await proxy.stop();
      proxy = undefined;
    }
  };

  it('fails `count` requests with the S3 error, then forwards (signatures still verify)', () =>
    withProxy(async (p, client) => {
      p.inject({ count: 2, fault: { status: 503, code: 'SlowDown' } });
      const get = () => client.send(new GetObjectCommand({ Bucket: bucket, Key: 'k' }));
      for (let i = 0; i < 2; i++) {
        await expect(get()).rejects.toMatchObject({ name: 'SlowDown', Code: 'SlowDown', $metadata: { httpStatusCode: 503 } });
      }
      const r = await get();
      expect(await r.Body!.transformToString()).toBe('hello world');
      // A signed PUT with a body and a signed listing pass through unchanged.
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'via-proxy', Body: 'x'.repeat(100_000) }));
      const list = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      expect(list.Contents?.map((c) => c.Key)).toEqual(['k', 'via-proxy']);
      expect(p.stats).toEqual({ requests: 5, failed: 2 });
    }));

  it("'reset' gives a network error", () =>
    withProxy(async (p, client) => {
      p.inject({ count: 1, fault: 'reset' });
      const err = await client.send(new GetObjectCommand({ Bucket: bucket, Key: 'k' })).then(
        () => undefined,
        (e: unknown) => e as Error & { $metadata?: { httpStatusCode?: number } },
      );
      expect(err).toBeDefined();
      expect(err?.$metadata?.httpStatusCode).toBeUndefined();
      expect(`${err?.name} ${err?.message} ${(err as { code?: string }).code}`).toMatch(/ECONNRESET|socket hang up|aborted/i);
      expect(p.stats).toEqual({ requests: 1, failed: 1 });
    }));

  it('`match` restricts the fault to GETs with a Range header', () =>
    withProxy(async (p, client) => {
      p.inject({ count: 1, match: (method, _url, headers) => method === 'GET' && headers['range'] !== undefined, fault: { status: 500, code: 'InternalError' } });
      const whole = await client.send(new GetObjectCommand({ Bucket: bucket, Key: 'k' }));
      expect(await whole.Body!.transformToString()).toBe('hello world');
      await expect(client.send(new GetObjectCommand({ Bucket: bucket, Key: 'k', Range: 'bytes=0-4' }))).rejects.toMatchObject({
        name: 'InternalError',
        $metadata: { httpStatusCode: 500 },
      });
      const ranged = await client.send(new GetObjectCommand({ Bucket: bucket, Key: 'k', Range: 'bytes=0-4' }));
      expect(await ranged.Body!.transformToString()).toBe('hello');
      expect(p.stats).toEqual({ requests: 3, failed: 1 });
    }));
});

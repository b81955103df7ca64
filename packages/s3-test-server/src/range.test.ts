import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketFixture, patternBytes } from './test-helpers.js';

const CONTENT = patternBytes(10_000);

describe('Range GETs', () => {
  const fx = bucketFixture(async (server, bucket) => {
    await server.putObject(bucket, 'obj', CONTENT);
    await server.putObject(bucket, 'empty', new Uint8Array(0));
  });
  beforeAll(fx.start);
  afterAll(fx.stop);

  const get = async (key: string, range: string) => {
    const r = await fx.client.send(new GetObjectCommand({ Bucket: fx.bucket, Key: key, Range: range }));
    return { body: Buffer.from(await r.Body!.transformToByteArray()), r };
  };

  it('bytes=a-b returns exactly those bytes', async () => {
    const { body, r } = await get('obj', 'bytes=100-199');
    expect(body.equals(CONTENT.subarray(100, 200))).toBe(true);
    expect(r.ContentRange).toBe('bytes 100-199/10000');
    expect(r.$metadata.httpStatusCode).toBe(206);
  });

  it('bytes=0-0 returns one byte (stock s3rver returned the whole object)', async () => {
    const { body } = await get('obj', 'bytes=0-0');
    expect(body.equals(CONTENT.subarray(0, 1))).toBe(true);
  });

  it('open-ended bytes=a- runs to the end', async () => {
    const { body, r } = await get('obj', 'bytes=9000-');
    expect(body.equals(CONTENT.subarray(9000))).toBe(true);
    expect(r.ContentRange).toBe('bytes 9000-9999/10000');
  });

  it('an end beyond EOF is clamped to the last byte', async () => {
    const { body, r } = await get('obj', 'bytes=9990-20000');
    expect(body.equals(CONTENT.subarray(9990))).toBe(true);
    expect(r.ContentRange).toBe('bytes 9990-9999/10000');
  });

  it('a start at or beyond EOF answers 416 InvalidRange', async () => {
    await expect(get('obj', 'bytes=10000-')).rejects.toMatchObject({ name: 'InvalidRange', $metadata: { httpStatusCode: 416 } });
  });

  it('a range over an empty object is ignored: 200 with an empty body', async () => {
    const { body, r } = await get('empty', 'bytes=0-');
    expect(body.length).toBe(0);
    expect(r.$metadata.httpStatusCode).toBe(200);
  });
});

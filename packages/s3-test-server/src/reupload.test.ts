import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketFixture, patternBytes } from './test-helpers.js';

const FINAL = patternBytes(200_000);
const VERSIONS = 50;
const sizeOf = (version: number): number => Math.round(1_000 + ((FINAL.length - 1_000) * version) / (VERSIONS - 1));

describe('re-upload while reading', () => {
  const fx = bucketFixture();
  beforeAll(fx.start);
  afterAll(fx.stop);

  it('every GET answers one whole version: a prefix of the final content of the length it reports', async () => {
    await fx.server.putObject(fx.bucket, 'grow', FINAL.subarray(0, sizeOf(0)));
    let writing = true;
    const problems: string[] = [];
    let reads = 0;

    const writer = (async () => {
      try {
        for (let v = 1; v < VERSIONS; v++) {
          await fx.client.send(new PutObjectCommand({ Bucket: fx.bucket, Key: 'grow', Body: FINAL.subarray(0, sizeOf(v)) }));
        }
      } finally {
        writing = false;
      }
    })();

    const reader = async (id: number): Promise<void> => {
      for (let i = 0; writing || i < 2; i++) {
        // Alternate whole GETs with ranges starting inside the smallest version.
        const start = (id * 97 + i * 31) % 900;
        const range = i % 2 === 0 ? undefined : i % 4 === 1 ? `bytes=${start}-` : `bytes=${start}-${start + 150_000}`;
        try {
          const r = await fx.client.send(new GetObjectCommand({ Bucket: fx.bucket, Key: 'grow', Range: range }));
          const body = Buffer.from(await r.Body!.transformToByteArray());
          reads += 1;
          if (body.length !== r.ContentLength) problems.push(`length ${body.length} != Content-Length ${r.ContentLength}`);
          const offset = range === undefined ? 0 : start;
          if (range !== undefined) {
            const total = Number(/\/(\d+)$/.exec(r.ContentRange ?? '')?.[1]);
            const end = Math.min(total - 1, range.endsWith('-') ? Infinity : start + 150_000);
            if (body.length !== end - start + 1) problems.push(`range ${range} of ${total}: ${body.length} bytes`);
          }
          if (!body.equals(FINAL.subarray(offset, offset + body.length))) {
            problems.push(`${range ?? 'whole'}: ${body.length} bytes differ from the final content`);
          }
        } catch (err) {
          problems.push(`${range ?? 'whole'}: ${(err as Error).name}: ${(err as Error).message}`);
        }
      }
    };

    await Promise.all([writer, ...Array.from({ length: 4 }, (_, id) => reader(id))]);
    expect(problems.slice(0, 10)).toEqual([]);
    expect(reads).toBeGreaterThan(20);
    const last = await fx.client.send(new GetObjectCommand({ Bucket: fx.bucket, Key: 'grow' }));
    expect(Buffer.from(await last.Body!.transformToByteArray()).equals(FINAL)).toBe(true);
  });
});

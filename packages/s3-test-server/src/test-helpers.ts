// Helpers shared by this package's tests (not exported from the package).
import type { S3Client } from '@aws-sdk/client-s3';
import { createTestS3Client } from './client-handle.js';
import { startS3Server } from './server-process.js';
import type { S3TestServer } from './types.js';
export function byteOrder(keys: readonly string[]): string[] {
  return [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** Content of `length` bytes that never contains a zero byte, so zero-filled holes show. */
export function patternBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = 1 + ((i * 7 + (i >> 8)) % 251);
  return bytes;
}

/** A server with one bucket and a client, for a test file: `beforeAll(fx.start)`, `afterAll(fx.stop)`. */
export function bucketFixture(fill: (server: S3TestServer, bucket: string) => Promise<void> = async () => {}) {
  const fx = {
    server: undefined as unknown as S3TestServer,
    client: undefined as unknown as S3Client,
    bucket: '',
    async start(): Promise<void> {
      fx.server = await startS3Server();
      fx.client = createTestS3Client(fx.server.endpoint);
      fx.bucket = await fx.server.createBucket();
      await fill(fx.server, fx.bucket);
    },
    async stop(): Promise<void> {
      fx.client?.destroy();
      await fx.server?.stop();
    },
  };
  return fx;
}

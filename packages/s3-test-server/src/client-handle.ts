import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CreateBucketCommand, DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Credentials, S3TestServer } from './types.js';
import { forEachLimited, listFilesRecursive } from './upload-dir.js';

/** s3rver's only account. */
export const S3RVER_CREDENTIALS: S3Credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const REGION = 'us-east-1';

/** An S3 client set up the way these servers need (path-style; no optional checksums, which s3rver predates). */
export function createTestS3Client(endpoint: string, maxAttempts?: number): S3Client {
  // The SDK's notice that its releases from 2027 need Node 22 says nothing to act on here
  // (the version pinned runs on Node 20); it would only clutter every test's output.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  return new S3Client({
    endpoint,
    region: REGION,
    credentials: S3RVER_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
  });
}

/** A fresh bucket name: lowercase letters, digits and '-', well under 63 characters. */
export function uniqueBucketName(): string {
  return `tb-test-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/** The S3TestServer handle for a running server at `endpoint`; `stopServer` runs on stop() (once). */
export function createServerHandle(endpoint: string, stopServer: () => Promise<void>): S3TestServer {
  const client = createTestS3Client(endpoint);
  let stopped: Promise<void> | undefined;
  return {
    endpoint,
    region: REGION,
    credentials: S3RVER_CREDENTIALS,
    env: () => ({
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      AWS_REGION: REGION,
    }),
    async createBucket(name) {
      const bucket = name ?? uniqueBucketName();
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      return bucket;
    },
    async putObject(bucket, key, body) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    },
    async deleteObject(bucket, key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    async uploadDir(localDir, bucket, prefix) {
      const files = await listFilesRecursive(localDir);
      let bytes = 0;
      await forEachLimited(files, 8, async (relative) => {
        const file = path.join(localDir, ...relative.split('/'));
        const size = (await stat(file)).size;
        // Streamed, so large benchmark files are not held in memory 8 at a time.
        await client.send(
          new PutObjectCommand({ Bucket: bucket, Key: prefix + relative, Body: createReadStream(file), ContentLength: size }),
        );
        bytes += size;
      });
      return { objects: files.length, bytes };
    },
    stop() {
      stopped ??= (async () => {
        client.destroy();
        await stopServer();
      })();
      return stopped;
    },
  };
}

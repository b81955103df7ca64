import { createCipheriv, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as BucketControllerType from 's3rver/lib/controllers/bucket';
import { listingContext } from './listing-context.js';
import type { ListingRecord } from './listing-context.js';

const require = createRequire(import.meta.url);

/**
 * A continuation token that s3rver's listing controller accepts: DES over
 * "region/bucket/startAfter" with s3rver's fixed key, the IV in front. DES is
 * why the server must run with --openssl-legacy-provider.
 */
export function continuationToken(bucket: string, startAfter: string): string {
  const iv = randomBytes(8);
  const cipher = createCipheriv('des', Buffer.alloc(8, 'S3RVER', 'utf8'), iv);
  return Buffer.concat([iv, cipher.update(`us-east-1/${bucket}/${startAfter}`, 'utf8'), cipher.final()]).toString(
    'base64',
  );
}

let patched = false;

/**
 * Makes s3rver's GET Bucket (ListObjects v1/v2) page correctly when a page ends on
 * a common prefix: the stock controller takes the next marker from the last
 * object (wrong when a prefix comes after it) and crashes on a truncated page of
 * prefixes only. The store reports the page's true end via listingContext; this
 * sets IsTruncated, NextContinuationToken (v2) and NextMarker (v1 with a
 * delimiter, the only case where S3 sends one) from it. s3rver's router looks the
 * controller up on each request, so replacing the export takes effect.
 */
export function patchListingController(): void {
  if (patched) return;
  patched = true;
  const controller = require('s3rver/lib/controllers/bucket') as typeof BucketControllerType;
  const original = controller.getBucket;
  controller.getBucket = async (ctx) => {
    const record: ListingRecord = { isTruncated: false, lastEntry: undefined };
    await listingContext.run(record, () => original(ctx));
    const body = ctx.body as { ListBucketResult?: Record<string, unknown> } | undefined;
    const result = body?.ListBucketResult;
    if (!result || !record.isTruncated || record.lastEntry === undefined) return;
    result['IsTruncated'] = true;
    if (ctx.query['list-type'] === '2') {
      result['NextContinuationToken'] = continuationToken(ctx.params.bucket, record.lastEntry);
    } else if (ctx.query['delimiter']) {
      result['NextMarker'] = record.lastEntry;
    }
  };
}

import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type FilesystemStoreType from 's3rver/lib/stores/filesystem';
import type S3ObjectType from 's3rver/lib/models/object';
import { temporaryPathBeside, writeFileAtomic } from './atomic-write.js';
import { listPage, sortKeys } from './ordered-listing.js';
import { listingContext } from './listing-context.js';

// s3rver is CommonJS; require() shares its module cache with s3rver itself.
const require = createRequire(import.meta.url);
const FilesystemStore = require('s3rver/lib/stores/filesystem') as typeof FilesystemStoreType;
const S3Object = require('s3rver/lib/models/object') as typeof S3ObjectType;

const OBJECT_SUFFIX = '._S3rver_object';

type ListOptions = Parameters<FilesystemStoreType['listObjects']>[1];
type ListResult = Awaited<ReturnType<FilesystemStoreType['listObjects']>>;
type Metadata = Record<string, string>;

/**
 * s3rver's filesystem store with its faults fixed:
 * - listObjects returns keys in S3's byte order and pages without skipping keys;
 * - putObject and putMetadata replace files by rename, never in place;
 * - getObject takes the size from the very file it streams.
 *
 * What a GET is guaranteed: its body and Content-Length come from one complete
 * version of the object (the whole old or the whole new one). The ETag and
 * user metadata are read from separate files, so during a re-upload they can
 * belong to the neighbouring version for a moment.
 */
export class FixedFilesystemStore extends FilesystemStore {
  override async listObjects(bucket: string, options: ListOptions): Promise<ListResult> {
    const keys = sortKeys(await this.collectKeys(bucket, options.prefix ?? ''));
    const page = listPage(keys, options);
    const record = listingContext.getStore();
    if (record) {
      record.isTruncated = page.isTruncated;
      record.lastEntry = page.lastEntry;
    }
    const objects = await Promise.all(
      page.keys.map(async (key) => {
        try {
          return new S3Object(bucket, key, null, await this.getMetadata(bucket, key));
        } catch (err) {
          // Deleted between the directory walk and now: leave it out, as s3rver does.
          if (isNotFound(err)) return undefined;
          throw err;
        }
      }),
    );
    return {
      objects: objects.filter((object): object is S3ObjectType => object !== undefined),
      commonPrefixes: page.commonPrefixes,
      // Inside the patched controller, truncation is reported through the record
      // instead: the stock controller would crash on a page without objects.
      isTruncated: record ? false : page.isTruncated,
    };
  }

  /** Every object key under the directory that holds `prefix` (keys outside it cannot match). */
  private async collectKeys(bucket: string, prefix: string): Promise<string[]> {
    const bucketPath = this.getBucketPath(bucket);
    const prefixDir = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    const keys: string[] = [];
    const walk = async (relativeDir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(path.join(bucketPath, relativeDir), { withFileTypes: true });
      } catch (err) {
        if (isNotFound(err)) return;
        throw err;
      }
      for (const entry of entries) {
        const relative = relativeDir + entry.name;
        if (entry.isDirectory()) {
          await walk(`${relative}/`);
        } else if (entry.name.endsWith(OBJECT_SUFFIX)) {
          keys.push(FilesystemStore.decodeKeyPath(relative.slice(0, -OBJECT_SUFFIX.length)));
        }
      }
    };
    await walk(prefixDir);
    return keys;
  }

  override async putObject(object: S3ObjectType): Promise<{ size: number; md5: string }> {
    const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
    await mkdir(path.dirname(objectPath), { recursive: true });
    const temporary = temporaryPathBeside(objectPath);
    const md5 = createHash('md5');
    let size = 0;
    try {
      const content = object.content ?? Buffer.alloc(0);
      const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          md5.update(chunk);
          size += chunk.length;
          callback(null, chunk);
        },
      });
      await pipeline(source, measure, createWriteStream(temporary));
      await rename(temporary, objectPath);
    } catch (err) {
      await rm(temporary, { force: true });
      throw err;
    }
    const digest = md5.digest('hex');
    await this.putMetadata(object.bucket, object.key, object.metadata, digest);
    return { size, md5: digest };
  }

  override async putMetadata(bucket: string, key: string, metadata: Metadata, md5?: string): Promise<void> {
    // Same selection as s3rver, but each file is replaced whole so a concurrent
    // GET never parses half-written JSON (which would answer 500).
    const kept: Metadata = {};
    for (const [name, value] of Object.entries(metadata)) {
      if (S3Object.ALLOWED_METADATA.includes(name) || name.startsWith('x-amz-meta-')) kept[name] = value;
    }
    if (md5) await writeFileAtomic(this.getResourcePath(bucket, key, 'object.md5'), md5);
    await writeFileAtomic(this.getResourcePath(bucket, key, 'metadata.json'), JSON.stringify(kept, null, 2));
  }

  override async getObject(
    bucket: string,
    key: string,
    options?: { start?: number; end?: number },
  ): Promise<S3ObjectType | null> {
    let handle: FileHandle;
    try {
      // Open first: a later rename replaces the name, not this open file.
      handle = await open(this.getResourcePath(bucket, key, 'object'), 'r');
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
    try {
      const stat = await handle.stat();
      const metadata = {
        ...(await this.getMetadata(bucket, key)),
        'content-length': String(stat.size),
        'last-modified': stat.mtime.toUTCString(),
      };
      const ranged = options !== undefined && (options.start !== undefined || options.end !== undefined);
      if (!ranged || stat.size === 0) {
        // A range over an empty object is ignored (RFC 9110 allows it): the whole, empty body.
        return new S3Object(bucket, key, handle.createReadStream(), metadata);
      }
      const start = options.start ?? 0;
      // s3rver treats an end of 0 as "no end" (bytes=0-0 returned everything); 0 is a real end.
      const end = Math.min(options.end ?? Infinity, stat.size - 1);
      if (!(start >= 0) || end < start) {
        // Unsatisfiable: no content, so the controller answers 416 InvalidRange.
        await handle.close();
        const object = new S3Object(bucket, key, null, metadata);
        object.range = { start, end };
        return object;
      }
      const object = new S3Object(bucket, key, handle.createReadStream({ start, end }), metadata);
      object.range = { start, end };
      return object;
    } catch (err) {
      await handle.close();
      if (isNotFound(err)) return null;
      throw err;
    }
  }
}

function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/**
 * {@link LogStore} over S3-compatible object storage (AWS S3, MinIO, R2, GCS's XML API,
 * Ceph), through @aws-sdk/client-s3. Listings page with `StartAfter` = the last key seen
 * (no continuation tokens, so a listing can resume from any key, across reloads and
 * across servers); reads are ranged GETs, read ahead in parallel for sequential readers;
 * every request is retried with backoff when its failure may pass, and counted.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { DEFAULT_READ_AHEAD, ReadAhead, type ReadAheadOptions } from './read-ahead.js';
import { DEFAULT_RETRY, describeFailure, statusOf, withRetry, type RetryPolicy } from './retry.js';
import { parseS3Url, s3Url, type S3Location } from './s3-location.js';
import { endpointFromEnv, type S3Options } from './s3-options.js';
import { compareKeys, isSafeKey, StoreNotFoundError, type ListOptions, type ListPage, type LogStore, type OpenOptions, type StoreEntry, type StoreFile, type StoreStats } from './store.js';

type Sdk = typeof import('@aws-sdk/client-s3');

const DEFAULT_PAGE_SIZE = 1000;

export class S3Store implements LogStore {
  readonly kind = 's3';
  readonly localDir = null;
  readonly loc: S3Location;
  private readonly retryPolicy: RetryPolicy;
  private readonly readAhead: ReadAheadOptions;
  private readonly pageSize: number;
  private sdk: Promise<{ sdk: Sdk; client: S3Client }> | null = null;
  private counts = { requests: 0, bytesRead: 0, retries: 0, failures: 0, retrying: 0 };
  private failing = false;
  private lastError: StoreStats['lastError'] = null;

  constructor(
    url: string,
    private readonly options: S3Options = {},
  ) {
    this.loc = parseS3Url(url);
    this.retryPolicy = options.retry ?? DEFAULT_RETRY;
    this.readAhead = options.readAhead ?? DEFAULT_READ_AHEAD;
    this.pageSize = Math.max(1, Math.min(options.pageSize ?? DEFAULT_PAGE_SIZE, DEFAULT_PAGE_SIZE));
  }

  get location(): string {
    return s3Url(this.loc).replace(/\/$/, '');
  }

  describe(key: string): string {
    return s3Url(this.loc, key);
  }

  async list(o: ListOptions = {}): Promise<ListPage> {
    const prefix = o.prefix ?? '';
    if (prefix !== '' && !(prefix.endsWith('/') && isSafeKey(prefix.slice(0, -1)))) return { entries: [] };
    const root = this.loc.prefix;
    let startAfter = o.startAfter !== undefined && compareKeys(o.startAfter, prefix) > 0 ? root + o.startAfter : undefined;
    const want = Math.max(1, Math.min(o.maxKeys ?? this.pageSize, this.pageSize));
    const entries: StoreEntry[] = [];
    // A shallow listing skips each sub-directory's keys by asking again after the
    // highest key that directory could hold (no delimiter: some stores answer those out of order).
    for (;;) {
      const res = await this.request(`LIST ${this.describe(prefix)}`, ({ sdk, client }) =>
        client.send(new sdk.ListObjectsV2Command({ Bucket: this.loc.bucket, Prefix: root + prefix, StartAfter: startAfter, MaxKeys: want - entries.length })),
      );
      let last: string | undefined;
      let skipTo: string | undefined;
      for (const obj of res.Contents ?? []) {
        const full = obj.Key;
        if (full === undefined || !full.startsWith(root)) continue;
        last = full;
        const key = full.slice(root.length);
        const slash = key.indexOf('/', prefix.length);
        if (o.shallow && slash >= 0) {
          skipTo = `${root}${key.slice(0, slash + 1)}\u{10FFFF}`;
          break;
        }
        if (key === '' || key.endsWith('/')) continue; // "folder" markers
        if (!isSafeKey(key)) continue; // unreachable through a relative path: not listed
        if (o.filter && !o.filter(key)) continue;
        entries.push({
          key,
          size: obj.Size ?? 0,
          mtimeMs: obj.LastModified?.getTime() ?? 0,
          version: `${obj.ETag ?? ''}:${obj.Size ?? 0}`,
        });
      }
      if (skipTo !== undefined) {
        // Each request asks only for what the page still has room for, so a page never
        // holds more than `want`; when it is full, the next page resumes after its last entry.
        if (entries.length >= want) return { entries, next: entries[entries.length - 1]!.key };
        startAfter = skipTo;
        continue;
      }
      if (res.IsTruncated !== true || last === undefined) return { entries };
      return { entries, next: last.slice(root.length) };
    }
  }

  async stat(key: string): Promise<StoreEntry | null> {
    if (!isSafeKey(key)) return null;
    try {
      const res = await this.request(`HEAD ${this.describe(key)}`, ({ sdk, client }) => client.send(new sdk.HeadObjectCommand({ Bucket: this.loc.bucket, Key: this.loc.prefix + key })));
      return { key, size: res.ContentLength ?? 0, mtimeMs: res.LastModified?.getTime() ?? 0, version: `${res.ETag ?? ''}:${res.ContentLength ?? 0}` };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async open(key: string, o: OpenOptions = {}): Promise<StoreFile> {
    let size = o.size;
    if (size === undefined) {
      const entry = await this.stat(key);
      if (!entry) throw new StoreNotFoundError(`no object ${this.describe(key)}`);
      size = entry.size;
    } else if (!isSafeKey(key)) {
      throw new StoreNotFoundError(`no object ${this.describe(key)}`);
    }
    const fetch = (start: number, end: number) => this.getRange(key, start, end);
    const ahead = new ReadAhead(size, fetch, o.sequential ? this.readAhead : { ...this.readAhead, ahead: 0, minBlockRead: Infinity });
    return {
      size,
      read: (into, at, length, position) => ahead.read(into, at, length, position),
      close: async () => ahead.clear(),
    };
  }

  stats(): StoreStats {
    return { ...this.counts, failing: this.failing, lastError: this.lastError };
  }

  async close(): Promise<void> {
    const made = this.sdk;
    this.sdk = null;
    if (made) (await made.catch(() => null))?.client.destroy();
  }

  /** Bytes [start, end) of `key`: fewer at its end, none past it. */
  private async getRange(key: string, start: number, end: number): Promise<Uint8Array> {
    if (end <= start) return new Uint8Array(0);
    try {
      const bytes = await this.request(`GET ${this.describe(key)} (bytes ${start}-${end - 1})`, async ({ sdk, client }) => {
        const res = await client.send(new sdk.GetObjectCommand({ Bucket: this.loc.bucket, Key: this.loc.prefix + key, Range: `bytes=${start}-${end - 1}` }));
        const body = await res.Body!.transformToByteArray();
        // A store that ignores Range answers 200 with the whole object.
        return res.ContentRange === undefined && start > 0 && body.length > end - start ? body.subarray(start, end) : body;
      });
      this.counts.bytesRead += bytes.length;
      return bytes.length > end - start ? bytes.subarray(0, end - start) : bytes;
    } catch (err) {
      if (statusOf(err) === 416 || (err as { Code?: string; name?: string }).name === 'InvalidRange') return new Uint8Array(0);
      if (isNotFound(err)) throw new StoreNotFoundError(`no object ${this.describe(key)} (gone since it was listed)`);
      throw err;
    }
  }

  /** One SDK call (`what`: the request, for messages), counted, retried by the policy; a final failure is recorded and thrown with what it was doing. */
  private async request<T>(what: string, call: (c: { sdk: Sdk; client: S3Client }) => Promise<T>): Promise<T> {
    try {
      const result = await withRetry(
        async () => {
          this.counts.requests++;
          return call(await this.client());
        },
        this.retryPolicy,
        {
          onRetry: (err, kind, retry, delayMs) => {
            this.counts.retries++;
            this.counts.retrying++;
            this.lastError = { message: `${what}: ${describeFailure(err)} (${kind}); retry ${retry} in ${delayMs} ms`, at: Date.now() };
          },
          onExpiredCredentials: () => {
            // A fresh client asks the credential chain again (the old one caches what expired).
            const old = this.sdk;
            this.sdk = null;
            void old?.then(({ client }) => client.destroy()).catch(() => undefined);
          },
          onSettled: () => {
            this.counts.retrying--;
          },
        },
      );
      this.failing = false;
      return result;
    } catch (err) {
      if (isNotFound(err) || statusOf(err) === 416) {
        this.failing = false; // the store answered
        throw err;
      }
      this.counts.failures++;
      this.failing = true;
      const message = `${what}: ${describeFailure(err)}`;
      this.lastError = { message, at: Date.now() };
      // Said in full where it is reported (the loading status names the run, not the request).
      throw Object.assign(new Error(message, { cause: err }), { code: (err as { code?: string }).code });
    }
  }

  private client(): Promise<{ sdk: Sdk; client: S3Client }> {
    this.sdk ??= makeClient(this.options);
    return this.sdk;
  }
}

function isNotFound(err: unknown): boolean {
  const name = (err as { name?: string; Code?: string } | null)?.Code ?? (err as { name?: string } | null)?.name;
  return name === 'NoSuchKey' || name === 'NotFound' || statusOf(err) === 404 && name !== 'NoSuchBucket';
}

async function makeClient(o: S3Options): Promise<{ sdk: Sdk; client: S3Client }> {
  // The SDK warns on Node 20 that its releases after January 2027 will need Node 22; the
  // version this package pins supports Node 20, so the warning says nothing to act on.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // Loaded on first use: the SDK costs a few hundred milliseconds to import, and a log
  // root on disk never needs it.
  const sdk = await import('@aws-sdk/client-s3');
  const endpoint = o.endpoint ?? endpointFromEnv();
  const base = {
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    forcePathStyle: o.forcePathStyle ?? endpoint !== undefined,
    ...(o.credentials ? { credentials: o.credentials } : {}),
    // Our own retry loop counts and reports each retry; the SDK's would hide them.
    maxAttempts: 1,
    followRegionRedirects: true,
    requestChecksumCalculation: 'WHEN_REQUIRED' as const,
    responseChecksumValidation: 'WHEN_REQUIRED' as const,
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000, httpAgent: { keepAlive: true, maxSockets: o.maxSockets ?? 64 }, httpsAgent: { keepAlive: true, maxSockets: o.maxSockets ?? 64 } },
  };
  let region = o.region;
  if (region === undefined) {
    // The SDK's chain (AWS_REGION, the config file); stores that are not AWS rarely set one.
    const probe = new sdk.S3Client(base);
    region = await probe.config.region().catch(() => 'us-east-1');
    probe.destroy();
  }
  return { sdk, client: new sdk.S3Client({ ...base, region }) };
}

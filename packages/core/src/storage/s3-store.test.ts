import { connectS3TestServer, startFaultProxy, type FaultProxy, type S3TestServer } from '@tb/s3-test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Store } from './s3-store.js';
import type { S3Options } from './s3-options.js';
import { listAll, StoreNotFoundError } from './store.js';

let server: S3TestServer;
let proxy: FaultProxy;
let bucket: string;
const stores: S3Store[] = [];

/** Bytes where byte i is i % 251, so a misplaced range shows. */
function bytes(n: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => i % 251);
}

const BIG = bytes(300 * 1024 + 123); // five 64 KiB blocks and a bit

/** A store over `url`, with fast retries; closed after the file. */
function makeStore(url: string, extra: Partial<S3Options> = {}, endpoint = server.endpoint): S3Store {
  const s = new S3Store(url, {
    endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: server.credentials,
    retry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 },
    readAhead: { blockBytes: 64 * 1024, ahead: 3, minBlockRead: 1024 },
    ...extra,
  });
  stores.push(s);
  return s;
}

beforeAll(async () => {
  server = await connectS3TestServer();
  proxy = await startFaultProxy(server.endpoint);
  bucket = await server.createBucket();
  const put = (k: string, body: Uint8Array | string) => server.putObject(bucket, k, body);
  await put('logs/run/a.tfevents', 'aaaa');
  await put('logs/run/plugins/x', 'x');
  await put('logs/run/plugins/y/z', 'yz');
  await put('logs/run/z.tfevents', 'zz');
  await put('logs/run/folder/', ''); // a folder marker
  await put('logs/run2/e1', '1');
  await put('logs/run2/e2', '22');
  await put('logs/top.txt', '0123456789');
  await put('logs/big.bin', BIG);
  await put('logsx/outside', 'no'); // shares the root's text but not its directory
  await put('other/secret', 'no');
  for (const k of ['a1', 'd/x', 'f2', 'f3', 'g/y', 'h4']) await put(`sh/${k}`, k);
  await put('top-of-bucket', 'no');
}, 120_000);

afterAll(async () => {
  for (const s of stores) await s.close();
  await proxy?.stop();
  await server?.stop();
});

/** The SDK's error: the rejection itself, or its `cause` where the store wraps it. */
function sdkCause(err: unknown): unknown {
  const e = err as { cause?: unknown; $metadata?: unknown };
  return e.$metadata === undefined && e.cause !== undefined ? e.cause : err;
}

const keys = (entries: { key: string }[]) => entries.map((e) => e.key);
const ALL = ['big.bin', 'run/a.tfevents', 'run/plugins/x', 'run/plugins/y/z', 'run/z.tfevents', 'run2/e1', 'run2/e2', 'top.txt'];

describe('S3Store listing', () => {
  it('lists every key under the root once, in order, with sizes', async () => {
    const store = makeStore(`s3://${bucket}/logs`);
    const page = await store.list();
    expect(page.next).toBeUndefined();
    expect(keys(page.entries)).toEqual(ALL);
    const top = page.entries.find((e) => e.key === 'top.txt')!;
    expect(top.size).toBe(10);
    expect(top.mtimeMs).toBeGreaterThan(0);
    expect(top.version).toMatch(/:10$/);
  });

  it('pages by `next` with maxKeys, or pageSize, and matches a single listing', async () => {
    const store = makeStore(`s3://${bucket}/logs/`);
    const seen: string[] = [];
    let startAfter: string | undefined;
    let pages = 0;
    do {
      const page = await store.list({ maxKeys: 3, startAfter });
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...keys(page.entries));
      startAfter = page.next;
      pages++;
    } while (startAfter !== undefined);
    expect(seen).toEqual(ALL);
    expect(pages).toBeGreaterThanOrEqual(3);
    const small = makeStore(`s3://${bucket}/logs`, { pageSize: 2 });
    const first = await small.list();
    expect(first.entries).toHaveLength(2);
    expect(first.next).toBe('run/a.tfevents');
    expect(keys(await listAll(small))).toEqual(ALL);
  });

  it('lists under a prefix, deep and shallow, without missing files after a sub-directory', async () => {
    const store = makeStore(`s3://${bucket}/logs`);
    expect(keys(await listAll(store, { prefix: 'run/' }))).toEqual(['run/a.tfevents', 'run/plugins/x', 'run/plugins/y/z', 'run/z.tfevents']);
    expect(keys(await listAll(store, { prefix: 'run/', shallow: true }))).toEqual(['run/a.tfevents', 'run/z.tfevents']);
    expect(keys(await listAll(store, { shallow: true }))).toEqual(['big.bin', 'top.txt']);
    // Shallow, one key per page: still every direct child, once.
    const paged = makeStore(`s3://${bucket}/logs`, { pageSize: 1 });
    expect(keys(await listAll(paged, { prefix: 'run/', shallow: true }))).toEqual(['run/a.tfevents', 'run/z.tfevents']);
    expect(keys(await listAll(paged, { shallow: true }))).toEqual(['big.bin', 'top.txt']);
  });

  it('a shallow page holds at most maxKeys entries, even across skipped sub-directories', async () => {
    const store = makeStore(`s3://${bucket}/sh`);
    const seen: string[] = [];
    let startAfter: string | undefined;
    do {
      const page = await store.list({ shallow: true, maxKeys: 2, startAfter });
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...keys(page.entries));
      startAfter = page.next;
    } while (startAfter !== undefined);
    expect(seen).toEqual(['a1', 'f2', 'f3', 'h4']);
  });

  it('refuses unsafe prefixes', async () => {
    const store = makeStore(`s3://${bucket}/logs`);
    for (const prefix of ['run', '../', 'run//', './']) expect((await store.list({ prefix })).entries).toEqual([]);
  });

  it('keeps what `filter` accepts, and lists after `startAfter`', async () => {
    const store = makeStore(`s3://${bucket}/logs`);
    expect(keys(await listAll(store, { filter: (k) => k.endsWith('.tfevents') }))).toEqual(['run/a.tfevents', 'run/z.tfevents']);
    expect(keys((await store.list({ startAfter: 'run/z.tfevents' })).entries)).toEqual(['run2/e1', 'run2/e2', 'top.txt']);
  });

  it('a whole-bucket root lists everything but folder markers', async () => {
    const store = makeStore(`s3://${bucket}`);
    const all = keys(await listAll(store));
    expect(all).toContain('logs/top.txt');
    expect(all).toContain('top-of-bucket');
    expect(all.some((k) => k.endsWith('/'))).toBe(false);
  });

  it('a prefix root never lists or opens keys outside it', async () => {
    const store = makeStore(`s3://${bucket}/logs`);
    const all = keys(await listAll(store));
    expect(all.some((k) => k.includes('outside') || k.includes('secret'))).toBe(false);
    expect(await store.stat('../other/secret')).toBeNull();
    await expect(store.open('../other/secret', { size: 2 })).rejects.toBeInstanceOf(StoreNotFoundError);
    expect(await store.stat('x/outside')).toBeNull();
  });
});

describe('S3Store stat, open and read', () => {
  it('stat finds a key, and is null for a missing or unsafe one', async () => {
    const store = makeStore(`s3://${bucket}/logs`);
    expect(await store.stat('top.txt')).toMatchObject({ key: 'top.txt', size: 10 });
    expect(await store.stat('missing')).toBeNull();
    expect(await store.stat('run')).toBeNull();
    for (const key of ['../x', '', 'run//a.tfevents', './top.txt', '/top.txt']) expect(await store.stat(key), key).toBeNull();
    expect(store.stats().failures).toBe(0);
  });

  it('open refuses missing and unsafe keys, with and without a size', async () => {
    const store = makeStore(`s3://${bucket}/logs`);
    for (const key of ['../x', '', 'missing']) {
      await expect(store.open(key), key).rejects.toMatchObject({ name: 'StoreNotFoundError', code: 'ENOENT' });
    }
    await expect(store.open('../x', { size: 3 })).rejects.toBeInstanceOf(StoreNotFoundError);
    await expect(store.open('', { size: 3 })).rejects.toBeInstanceOf(StoreNotFoundError);
    // With a size hint there is no HEAD; the missing key shows at the first read.
    const f = await store.open('missing', { size: 3 });
    await expect(f.read(new Uint8Array(3), 0, 3, 0)).rejects.toBeInstanceOf(StoreNotFoundError);
  });

  it('open with and without a size hint reads ranges', async () => {
    const store = makeStore(`s3://${bucket}/logs`);
    const plain = await store.open('top.txt');
    expect(plain.size).toBe(10);
    const buf = new Uint8Array(6).fill(0x2e);
    expect(await plain.read(buf, 1, 4, 2)).toBe(4);
    expect(Buffer.from(buf).toString()).toBe('.2345.');
    expect(await plain.read(buf, 0, 6, 8)).toBe(2);
    expect(await plain.read(buf, 0, 6, 10)).toBe(0);
    await plain.close();
    const requests = store.stats().requests;
    const hinted = await store.open('top.txt', { size: 10 });
    expect(store.stats().requests).toBe(requests); // no HEAD
    expect(await hinted.read(buf, 0, 3, 0)).toBe(3);
    expect(Buffer.from(buf.subarray(0, 3)).toString()).toBe('012');
  });

  it('sequential reads of a multi-block object give the exact bytes, and the counts add up', async () => {
    const store = makeStore(`s3://${bucket}/logs`);
    const f = await store.open('big.bin', { size: BIG.length, sequential: true });
    const out = new Uint8Array(BIG.length);
    let pos = 0;
    let reads = 0;
    while (pos < BIG.length) {
      const n = await f.read(out, pos, 10_000, pos);
      expect(n).toBeGreaterThan(0);
      pos += n;
      reads++;
    }
    expect(await f.read(out, 0, 100, pos)).toBe(0);
    await f.close();
    expect(Buffer.compare(out, BIG)).toBe(0);
    const st = store.stats();
    // One GET per 64 KiB block, each block once; every byte read once.
    expect(st.requests).toBe(Math.ceil(BIG.length / (64 * 1024)));
    expect(st.bytesRead).toBe(BIG.length);
    expect(reads).toBeGreaterThan(st.requests);
    expect(st).toMatchObject({ retries: 0, failures: 0, retrying: 0, failing: false, lastError: null });
  });

  it('an object that shrank since its size was taken gives the bytes that exist', async () => {
    await server.putObject(bucket, 'logs/shrinks', bytes(200 * 1024));
    const store = makeStore(`s3://${bucket}/logs`);
    const seq = await store.open('shrinks', { size: 200 * 1024, sequential: true });
    const plain = await store.open('shrinks', { size: 200 * 1024 });
    await server.putObject(bucket, 'logs/shrinks', bytes(100 * 1024 + 7));
    const out = new Uint8Array(200 * 1024);
    expect(await seq.read(out, 0, out.length, 0)).toBe(100 * 1024 + 7);
    expect(Buffer.compare(out.subarray(0, 100 * 1024 + 7), bytes(100 * 1024 + 7))).toBe(0);
    expect(await seq.read(out, 0, 70 * 1024, 130 * 1024)).toBe(0);
    expect(await plain.read(out, 0, 1000, 100 * 1024)).toBe(7);
    expect(await plain.read(out, 0, 1000, 150 * 1024)).toBe(0);
    expect(store.stats().failures).toBe(0);
  });

  it('names its location and keys as s3:// URLs', () => {
    const store = makeStore(`s3://${bucket}/a/b/`);
    expect(store.kind).toBe('s3');
    expect(store.localDir).toBeNull();
    expect(store.location).toBe(`s3://${bucket}/a/b`);
    expect(store.describe('run/x')).toBe(`s3://${bucket}/a/b/run/x`);
    expect(makeStore(`s3://${bucket}`).location).toBe(`s3://${bucket}`);
  });
});

describe('S3Store retries (through a fault proxy)', () => {
  const isGet = (method: string) => method === 'GET';
  const isObjectGet = (method: string, url: string) => method === 'GET' && !url.includes('list-type');

  it('two 503 SlowDown on a GET: the read succeeds after two retries', async () => {
    const store = makeStore(`s3://${bucket}/logs`, {}, proxy.endpoint);
    const f = await store.open('top.txt', { size: 10 });
    proxy.inject({ count: 2, match: isObjectGet, fault: { status: 503, code: 'SlowDown' } });
    const buf = new Uint8Array(10);
    expect(await f.read(buf, 0, 10, 0)).toBe(10);
    expect(Buffer.from(buf).toString()).toBe('0123456789');
    const st = store.stats();
    expect(st).toMatchObject({ retries: 2, failures: 0, retrying: 0, requests: 3, bytesRead: 10 });
    expect(st.lastError?.message).toMatch(/503/);
    expect(st.lastError?.message).toMatch(/SlowDown/);
  });

  it('a reset connection is retried', async () => {
    const store = makeStore(`s3://${bucket}/logs`, {}, proxy.endpoint);
    proxy.inject({ count: 1, match: isGet, fault: 'reset' });
    expect(keys(await listAll(store, { prefix: 'run2/' }))).toEqual(['run2/e1', 'run2/e2']);
    expect(store.stats()).toMatchObject({ retries: 1, failures: 0, retrying: 0 });
  });

  it('403 AccessDenied is not retried', async () => {
    const store = makeStore(`s3://${bucket}/logs`, {}, proxy.endpoint);
    const f = await store.open('top.txt', { size: 10 });
    proxy.inject({ count: 1, match: isObjectGet, fault: { status: 403, code: 'AccessDenied' } });
    const err = await f.read(new Uint8Array(10), 0, 10, 0).catch((e: unknown) => e);
    expect(sdkCause(err)).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    const st = store.stats();
    expect(st).toMatchObject({ retries: 0, failures: 1, retrying: 0, requests: 1, failing: true });
    expect(st.lastError?.message).toMatch(/403 AccessDenied/);
    // The fault is spent: the next read succeeds, and the store is no longer failing.
    expect(await f.read(new Uint8Array(10), 0, 10, 0)).toBe(10);
    expect(store.stats()).toMatchObject({ failures: 1, failing: false });
  });

  it('403 ExpiredToken is retried with a fresh client, and succeeds', async () => {
    const store = makeStore(`s3://${bucket}/logs`, {}, proxy.endpoint);
    expect(await store.stat('top.txt')).not.toBeNull(); // makes the first client
    const first = await (store as unknown as { sdk: Promise<{ client: unknown }> }).sdk;
    proxy.inject({ count: 1, match: isObjectGet, fault: { status: 403, code: 'ExpiredToken' } });
    const f = await store.open('top.txt', { size: 10 });
    expect(await f.read(new Uint8Array(10), 0, 10, 0)).toBe(10);
    const second = await (store as unknown as { sdk: Promise<{ client: unknown }> }).sdk;
    expect(second.client).not.toBe(first.client);
    expect(store.stats()).toMatchObject({ retries: 1, failures: 0, retrying: 0 });
    expect(store.stats().lastError?.message).toMatch(/ExpiredToken/);
  });

  it('more failures than attempts: rejects with the error, one failure', async () => {
    const store = makeStore(`s3://${bucket}/logs`, {}, proxy.endpoint);
    const f = await store.open('top.txt', { size: 10 });
    proxy.inject({ count: 4, match: isObjectGet, fault: { status: 500, code: 'InternalError' } });
    const err = await f.read(new Uint8Array(10), 0, 10, 0).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(sdkCause(err)).toMatchObject({ name: 'InternalError', $metadata: { httpStatusCode: 500 } });
    const st = store.stats();
    expect(st).toMatchObject({ requests: 4, retries: 3, failures: 1, retrying: 0 });
    expect(st.lastError?.message).toMatch(/500/);
    expect(st.lastError?.message).not.toMatch(/retry/);
    // The rule is spent: the next read succeeds.
    expect(await f.read(new Uint8Array(10), 0, 10, 0)).toBe(10);
  });

  it('`retrying` counts requests waiting to be tried again', async () => {
    const store = makeStore(`s3://${bucket}/logs`, { retry: { attempts: 3, baseDelayMs: 200, maxDelayMs: 200 } }, proxy.endpoint);
    const f = await store.open('top.txt', { size: 10 });
    proxy.inject({ count: 1, match: isObjectGet, fault: { status: 503, code: 'SlowDown' } });
    const reading = f.read(new Uint8Array(10), 0, 10, 0);
    await expect.poll(() => store.stats().retrying, { timeout: 2000, interval: 5 }).toBe(1);
    expect(await reading).toBe(10);
    expect(store.stats().retrying).toBe(0);
  });
});

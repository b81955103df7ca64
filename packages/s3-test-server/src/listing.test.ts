import { ListObjectsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketFixture, byteOrder } from './test-helpers.js';

const KEYS = [
  'a.c', 'a/b', 'a/sub/y.tfevents.2', 'a/sub2/t', 'a/x.tfevents.1', 'a0', 'z/q',
  ...Array.from({ length: 12 }, (_, i) => `run${i % 4}/train/events.out.tfevents.${1000 + i}`),
  ...Array.from({ length: 10 }, (_, i) => `logs/${String.fromCharCode(122 - i)}/f`),
  'b', 'b/', 'b-c', 'b/c/d/e', 'B', '_x', 'a/sub/z', 'a/sub/yy', 'a/sub-', 'z', 'zz/q', 'a/a',
];
const SORTED = byteOrder(KEYS);

interface Page { keys: string[]; prefixes: string[] }
type Options = { prefix?: string; delimiter?: string; maxKeys: number };

async function pagesByToken(client: S3Client, bucket: string, o: Options): Promise<Page[]> {
  const pages: Page[] = [];
  let token: string | undefined;
  do {
    const r = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: o.prefix, Delimiter: o.delimiter, MaxKeys: o.maxKeys, ContinuationToken: token }),
    );
    pages.push({ keys: (r.Contents ?? []).map((c) => c.Key ?? ''), prefixes: (r.CommonPrefixes ?? []).map((p) => p.Prefix ?? '') });
    token = r.IsTruncated ? r.NextContinuationToken : undefined;
    if (r.IsTruncated) expect(token).toBeTruthy();
  } while (token && pages.length < 200);
  return pages;
}

/** StartAfter = the last entry (key or common prefix) of the previous page. */
async function pagesByStartAfter(client: S3Client, bucket: string, o: Options): Promise<Page[]> {
  const pages: Page[] = [];
  let startAfter: string | undefined;
  for (;;) {
    const r = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: o.prefix, Delimiter: o.delimiter, MaxKeys: o.maxKeys, StartAfter: startAfter }),
    );
    const page = { keys: (r.Contents ?? []).map((c) => c.Key ?? ''), prefixes: (r.CommonPrefixes ?? []).map((p) => p.Prefix ?? '') };
    pages.push(page);
    if (!r.IsTruncated || pages.length >= 200) return pages;
    startAfter = byteOrder([...page.keys, ...page.prefixes]).at(-1);
  }
}

async function pagesByMarker(client: S3Client, bucket: string, o: Options): Promise<Page[]> {
  const pages: Page[] = [];
  let marker: string | undefined;
  for (;;) {
    const r = await client.send(
      new ListObjectsCommand({ Bucket: bucket, Prefix: o.prefix, Delimiter: o.delimiter, MaxKeys: o.maxKeys, Marker: marker }),
    );
    const page = { keys: (r.Contents ?? []).map((c) => c.Key ?? ''), prefixes: (r.CommonPrefixes ?? []).map((p) => p.Prefix ?? '') };
    pages.push(page);
    if (!r.IsTruncated || pages.length >= 200) return pages;
    // S3 sends NextMarker only with a delimiter; otherwise the last key is the marker.
    marker = o.delimiter ? r.NextMarker : page.keys.at(-1);
    expect(marker).toBeTruthy();
  }
}

/** The expected (keys, common prefixes) of a whole listing, from first principles. */
function expected(o: Options): { keys: string[]; prefixes: string[] } {
  const keys: string[] = [];
  const prefixes = new Set<string>();
  for (const key of SORTED) {
    if (!key.startsWith(o.prefix ?? '')) continue;
    const rest = key.slice((o.prefix ?? '').length);
    const at = o.delimiter ? rest.indexOf(o.delimiter) : -1;
    if (at === -1) keys.push(key);
    else prefixes.add(key.slice(0, (o.prefix ?? '').length + at + 1));
  }
  return { keys, prefixes: [...prefixes] };
}

function checkPages(pages: Page[], o: Options): void {
  for (const page of pages) {
    expect(page.keys.length + page.prefixes.length).toBeLessThanOrEqual(o.maxKeys);
    expect(page.keys).toEqual(byteOrder(page.keys));
  }
  const all = { keys: pages.flatMap((p) => p.keys), prefixes: pages.flatMap((p) => p.prefixes) };
  // Flattened in page order, so this also checks order across pages and no repeats.
  expect(all).toEqual(expected(o));
}

describe('paged listing in key order', () => {
  // Upload in reverse so creation order cannot pass for key order.
  const fx = bucketFixture(async (server, bucket) => {
    for (const key of [...KEYS].reverse()) await server.putObject(bucket, key, `body of ${key}`);
  });
  beforeAll(fx.start);
  afterAll(fx.stop);

  const cases: Options[] = [
    { maxKeys: 2 },
    { maxKeys: 3 },
    { maxKeys: 3, prefix: 'a/' },
    { maxKeys: 2, prefix: 'a/sub' },
    { maxKeys: 2, delimiter: '/' },
    { maxKeys: 3, delimiter: '/' },
    { maxKeys: 1, delimiter: '/' },
    { maxKeys: 2, delimiter: '/', prefix: 'a/' },
    { maxKeys: 1000, delimiter: '/' },
  ];
  for (const o of cases) {
    const name = JSON.stringify(o);
    it(`ListObjectsV2 by ContinuationToken ${name}`, async () => checkPages(await pagesByToken(fx.client, fx.bucket, o), o));
    it(`ListObjectsV2 by StartAfter ${name}`, async () => checkPages(await pagesByStartAfter(fx.client, fx.bucket, o), o));
    it(`ListObjects v1 by Marker ${name}`, async () => checkPages(await pagesByMarker(fx.client, fx.bucket, o), o));
  }

  it('lists every key exactly once in one page', async () => {
    const r = await fx.client.send(new ListObjectsV2Command({ Bucket: fx.bucket }));
    expect((r.Contents ?? []).map((c) => c.Key)).toEqual(SORTED);
    expect(r.KeyCount).toBe(SORTED.length);
  });
});

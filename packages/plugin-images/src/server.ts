/**
 * The images plugin's routes under /data/plugin/images/ (see ../http-api.md):
 *
 * - GET tags                               -> {run: {tag: {displayName, description, samples}}}
 * - GET images?run=&tag=[&sample=0]        -> [{wall_time, step, width, height, query}, ...]
 * - GET individualImage?blob_key=KEY       -> the encoded bytes (PNG, JPEG, GIF...)
 */
import type { Hono } from 'hono';
import { InvalidArgumentError, type DataProvider } from '@tb/core';
import { imageContentType } from './content-type.js';
import { imageBlobKey, imagesImpl, tagsImpl } from './series.js';

export function imagesRoutes(app: Hono, data: DataProvider): void {
  app.get('/tags', (c) => c.json(tagsImpl(data)));
  app.get('/images', async (c) => {
    const q = new URL(c.req.url).searchParams;
    return c.json(await imagesImpl(data, required(q, 'run'), required(q, 'tag'), sampleOf(q)));
  });
  app.get('/individualImage', async (c) => {
    const blob = imageBlobKey(data, required(new URL(c.req.url).searchParams, 'blob_key'));
    // A step rewritten after a restart keeps its blob_key but not its blob: the browser
    // asks again each time, and an unchanged image costs a 304 and no file read.
    const etag = `"${blob}"`;
    const caching = { ETag: etag, 'Cache-Control': 'private, no-cache' };
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304, caching);
    const bytes = await data.readBlob(blob);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { ...caching, 'Content-Type': imageContentType(bytes), 'X-Content-Type-Options': 'nosniff' });
  });
}

function required(q: URLSearchParams, name: string): string {
  const values = q.getAll(name);
  if (values.length !== 1) {
    throw new InvalidArgumentError(values.length === 0 ? `${name} is required (e.g. ?${name}=...), found none` : `${name} should be given once, found ${values.length} values`);
  }
  return values[0]!;
}

/** `sample`: which image of a step (0 = the first), a whole number; 0 when absent. */
function sampleOf(q: URLSearchParams): number {
  const raw = q.get('sample');
  if (raw === null) return 0;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new InvalidArgumentError(`sample should be a whole number >= 0, found ${JSON.stringify(raw)}`);
  return Number(raw);
}

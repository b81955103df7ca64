/**
 * The images plugin's routes under /data/plugin/images/ (see ../http-api.md):
 *
 * - GET tags                               -> {run: {tag: {displayName, description, samples}}}
 * - GET images?run=&tag=[&sample=0]        -> [{wall_time, step, width, height, query}, ...]
 * - GET individualImage?blob_key=KEY       -> the encoded bytes (PNG, JPEG, GIF...)
 */
import { DataProviderToken, field, reply, routeFor, z } from '@tb/core/plugin';
import { imageContentType } from './content-type.js';
import { imageBlobKey, imagesImpl, tagsImpl } from './series.js';

export const needs = { data: DataProviderToken };
const route = routeFor(needs);

export const routes = [
  route({ method: 'GET', path: '/tags', handler: (_input, { data }) => tagsImpl(data) }),
  route({
    method: 'GET',
    path: '/images',
    query: z.object({ run: field.one, tag: field.one, sample: field.nonNegativeInt.optional() }),
    handler: ({ query }, { data }) => imagesImpl(data, query.run, query.tag, query.sample ?? 0),
  }),
  route({
    method: 'GET',
    path: '/individualImage',
    query: z.object({ blob_key: field.one }),
    handler: async ({ query, request }, { data }) => {
      const blob = imageBlobKey(data, query.blob_key);
      // A step rewritten after a restart keeps its blob_key but not its blob: the browser
      // asks again each time, and an unchanged image costs a 304 and no file read.
      const etag = `"${blob}"`;
      const caching = { ETag: etag, 'Cache-Control': 'private, no-cache' };
      if (request.headers.get('If-None-Match') === etag) return reply.notModified(caching);
      const bytes = await data.readBlob(blob);
      return reply.bytes(bytes, imageContentType(bytes), caching);
    },
  }),
];

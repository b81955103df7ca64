/**
 * The audio plugin's routes under /data/plugin/audio/ (see ../http-api.md):
 *
 * - GET tags                                         -> {run: {tag: {displayName, description, samples}}}
 * - GET audio?run=&tag=[&sample=0][&labels=true]     -> [{wall_time, label, step, contentType, query}, ...]
 * - GET individualAudio?blob_key=KEY[&content_type=] -> the encoded clip (WAV...)
 */
import { DataProviderToken, field, InvalidArgumentError, reply, routeFor, z } from '@tb/core/plugin';
import { ALLOWED_CONTENT_TYPES } from './metadata.js';
import { audioBlobKey, audioImpl, contentTypeOf, tagsImpl } from './series.js';

export const needs = { data: DataProviderToken };
const route = routeFor(needs);

export const routes = [
  route({ method: 'GET', path: '/tags', handler: (_input, { data }) => tagsImpl(data) }),
  route({
    method: 'GET',
    path: '/audio',
    query: z.object({ run: field.one, tag: field.one, sample: field.nonNegativeInt.optional(), labels: field.boolean.optional() }),
    handler: ({ query }, { data }) => audioImpl(data, query.run, query.tag, query.sample ?? 0, query.labels ?? false),
  }),
  route({
    method: 'GET',
    path: '/individualAudio',
    query: z.object({ blob_key: field.one, content_type: field.one.optional() }),
    handler: async ({ query, request }, { data }) => {
      const asked = query.content_type;
      if (asked !== undefined && !ALLOWED_CONTENT_TYPES.has(asked)) {
        throw new InvalidArgumentError(`content_type should be one of ${[...ALLOWED_CONTENT_TYPES].join(', ')}; found ${JSON.stringify(asked.slice(0, 80))}`);
      }
      const { blob, run, tag } = audioBlobKey(data, query.blob_key);
      const contentType = asked ?? contentTypeOf(data, run, tag);
      // A step rewritten after a restart keeps its blob_key but not its blob: the browser
      // asks again each time, and an unchanged clip costs a 304 and no file read.
      const etag = `"${blob}"`;
      const caching = { ETag: etag, 'Cache-Control': 'private, no-cache' };
      if (request.headers.get('If-None-Match') === etag) return reply.notModified(caching);
      return reply.bytes(await data.readBlob(blob), contentType, caching);
    },
  }),
];

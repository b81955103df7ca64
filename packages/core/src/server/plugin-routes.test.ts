/**
 * Routes as data, mounted by core: input read from the query, a form or JSON, checked by
 * the route's schemas; answers as JSON, text, bytes, 304 or a Response; every failure a
 * JSON error naming the plugin and the field.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError } from '../errors.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { field } from '../plugins/fields.js';
import { reply, routeFor } from '../plugins/route.js';
import { DataProviderToken, FlagsToken } from '../plugins/tokens.js';
import { hostPlugin } from '../testing/host-plugin.js';
import { MemoryProvider } from '../testing/memory-provider.js';

const needs = { data: DataProviderToken, flags: FlagsToken };
const route = routeFor(needs);
const plugin = definePlugin({
  id: 'demo_routes',
  title: 'Routes',
  pluginNames: ['scalars'],
  needs,
  routes: [
    route({
      method: 'GET',
      path: '/series',
      query: z.object({ run: field.one, tag: field.one, downsample: field.positiveInt.optional() }),
      handler: ({ query }, { data }) => {
        const s = data.readScalars('scalars', query.run, query.tag, { downsample: query.downsample ?? 1000 });
        return s ? Array.from(s.step) : null;
      },
    }),
    route({ method: 'POST', path: '/sum', body: z.object({ values: z.array(z.number()) }), bodyKind: 'json', handler: ({ body }) => body.values.reduce((a, b) => a + b, 0) }),
    route({ method: 'POST', path: '/echo', body: z.object({ runs: field.many }), handler: ({ body }) => body.runs }),
    route({ method: 'GET', path: '/csv', handler: () => reply.text('a,b\r\n1,2\r\n', 'text/csv; charset=utf-8') }),
    route({
      method: 'GET',
      path: '/blob',
      handler: ({ request }) => (request.headers.get('If-None-Match') === '"v1"' ? reply.notModified({ ETag: '"v1"' }) : reply.bytes(Uint8Array.of(1, 2, 3), 'application/octet-stream', { ETag: '"v1"' })),
    }),
    route({ method: 'GET', path: '/raw', handler: () => new Response('teapot', { status: 418 }) }),
    route({
      method: 'GET',
      path: '/busy',
      handler: () => {
        throw new HttpError(409, 'the sweep is still being written');
      },
    }),
    route({ method: 'GET', path: '/flags', handler: (_input, { flags }) => flags }),
  ],
});

const data = new MemoryProvider().addScalars('a', 'loss', [0, 1, 2, 3].map((step) => ({ step, wallTime: step, value: step })));
const app = hostPlugin(plugin, data, { flags: { logdir: '/runs', samplesPerPlugin: { images: 5 } } });
const BASE = '/data/plugin/demo_routes';
const error = async (res: Response) => ({ status: res.status, body: (await res.json()) as unknown });

describe('routes as data', () => {
  it('validates the query and gives the handler typed input and its services', async () => {
    expect(await app.json(`${BASE}/series?run=a&tag=loss`)).toEqual([0, 1, 2, 3]);
    expect(await app.json(`${BASE}/series?run=a&tag=loss&downsample=2`)).toHaveLength(2);
    expect(await error(await app.request(`${BASE}/series?run=a`))).toEqual({
      status: 400,
      body: { error: { status: 400, message: 'tag is required (e.g. ?tag=...), found none', plugin: 'demo_routes' } },
    });
    expect(await error(await app.request(`${BASE}/series?run=a&run=b&tag=x&downsample=0`))).toEqual({
      status: 400,
      body: {
        error: { status: 400, message: 'run should be given once, found 2 values: "a", "b"; downsample should be a positive integer, found "0"', plugin: 'demo_routes' },
      },
    });
  });

  it('reads JSON and form bodies, and says which it expected', async () => {
    const post = (path: string, body: string | URLSearchParams, type?: string) => app.request(`${BASE}${path}`, { method: 'POST', body, headers: type ? { 'Content-Type': type } : {} });
    expect(await (await post('/sum', JSON.stringify({ values: [1, 2, 3.5] }), 'application/json')).json()).toBe(6.5);
    expect((await error(await post('/sum', '{"values": [1,', 'application/json'))).status).toBe(400);
    expect(await error(await post('/sum', 'values=1', 'application/x-www-form-urlencoded'))).toMatchObject({
      status: 400,
      body: { error: { message: "expected a JSON body (application/json), found content type 'application/x-www-form-urlencoded'" } },
    });
    expect(await (await post('/echo', new URLSearchParams('runs=a&runs=b%2Fc'))).json()).toEqual(['a', 'b/c']);
    expect((await error(await post('/echo', '{}', 'application/json'))).body).toMatchObject({ error: { message: /^expected a form body/ } });
  });

  it('answers text, bytes, 304 and a Response as given', async () => {
    const csv = await app.request(`${BASE}/csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toBe('a,b\r\n1,2\r\n');
    const blob = await app.request(`${BASE}/blob`);
    expect(blob.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Array.from(new Uint8Array(await blob.arrayBuffer()))).toEqual([1, 2, 3]);
    const again = await app.request(`${BASE}/blob`, { headers: { 'If-None-Match': '"v1"' } });
    expect(again.status).toBe(304);
    expect((await app.request(`${BASE}/raw`)).status).toBe(418);
  });

  it('turns an HttpError into its status, and a wrong method into a 405 naming the right one', async () => {
    expect(await error(await app.request(`${BASE}/busy`))).toEqual({
      status: 409,
      body: { error: { status: 409, message: 'the sweep is still being written', plugin: 'demo_routes' } },
    });
    expect(await error(await app.request(`${BASE}/sum`))).toEqual({
      status: 405,
      body: { error: { status: 405, message: "sum expects a POST with a JSON body (see the plugin's http-api.md), found a GET", plugin: 'demo_routes' } },
    });
    expect((await error(await app.request(`${BASE}/nope`))).body).toMatchObject({ error: { status: 404, message: "plugin 'demo_routes' has no route GET /nope" } });
  });

  it('gives plugins the flags view, not the command line', async () => {
    expect(await app.json(`${BASE}/flags`)).toEqual({ logdir: '/runs', samplesPerPlugin: { images: 5 }, reloadInterval: 0, pathPrefix: '', windowTitle: '' });
  });

  it('lists the plugin with its version from the package, not from code', async () => {
    expect(await app.json('/data/plugins_listing')).toMatchObject({ demo_routes: { tab_name: 'Routes', version: '0.0.0', enabled: true, loading_mechanism: { type: 'NONE' } } });
  });
});

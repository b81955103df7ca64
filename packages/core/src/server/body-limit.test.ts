import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin } from '../plugins/define-plugin.js';
import { field } from '../plugins/fields.js';
import { routeFor } from '../plugins/route.js';
import { DataProviderToken } from '../plugins/tokens.js';
import { hostPlugin } from '../testing/host-plugin.js';
import { MemoryProvider } from '../testing/memory-provider.js';
import { MAX_BODY_BYTES } from './body-limit.js';

const needs = { data: DataProviderToken };
const route = routeFor(needs);
const plugin = definePlugin({
  id: 'bodies',
  title: 'Bodies',
  pluginNames: ['scalars'],
  needs,
  routes: [route({ method: 'POST', path: '/count', body: z.object({ runs: field.many }), handler: ({ body }) => body.runs.reduce((n, r) => n + r.length, 0) })],
});

const form = (bytes: number) => `runs=${'r'.repeat(bytes - 'runs='.length)}`;
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

describe('the body limit', () => {
  it('is 8 MB', () => {
    expect(MAX_BODY_BYTES).toBe(8 * 1024 * 1024);
  });

  it('reads a body up to the limit', async () => {
    const app = hostPlugin(plugin, new MemoryProvider());
    const res = await app.request('/data/plugin/bodies/count', { method: 'POST', headers: FORM, body: form(MAX_BODY_BYTES) });
    expect(res.status).toBe(200);
    expect(await res.json()).toBe(MAX_BODY_BYTES - 'runs='.length);
  });

  it('answers a JSON 413 past it, by Content-Length before reading anything', async () => {
    const app = hostPlugin(plugin, new MemoryProvider());
    const body = form(MAX_BODY_BYTES + 1);
    const res = await app.request('/data/plugin/bodies/count', { method: 'POST', headers: { ...FORM, 'Content-Length': String(body.length) }, body });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      error: { status: 413, message: 'request body too large: expected at most 8 MB (8,388,608 bytes), found 8,388,609 bytes' },
    });
  });

  it('stops reading a streamed body (no Content-Length) once past it, on every route', async () => {
    const app = hostPlugin(plugin, new MemoryProvider());
    let sent = 0;
    const chunk = new TextEncoder().encode('r'.repeat(1024 * 1024));
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += chunk.length;
          controller.enqueue(chunk);
        },
      });
    for (const path of ['/data/plugin/bodies/count', '/data/reload', '/data/nope']) {
      sent = 0;
      const res = await app.request(path, { method: 'POST', headers: FORM, body: endless(), duplex: 'half' } as RequestInit);
      expect(res.status, path).toBe(413);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
        'request body too large: expected at most 8 MB (8,388,608 bytes), found more than that',
      );
      expect(sent, path).toBeLessThan(MAX_BODY_BYTES + 4 * chunk.length);
    }
  });
});

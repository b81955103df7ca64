import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin } from '../plugins/define-plugin.js';
import { field } from '../plugins/fields.js';
import { reply, routeFor } from '../plugins/route.js';
import { DataProviderToken } from '../plugins/tokens.js';
import { hostPlugin } from '../testing/host-plugin.js';
import { MemoryProvider } from '../testing/memory-provider.js';

const needs = { data: DataProviderToken };
const route = routeFor(needs);
const plugin = definePlugin({
  id: 'kinds',
  title: 'Kinds',
  pluginNames: ['scalars'],
  needs,
  routes: [
    route({ method: 'GET', path: '/text', query: z.object({ tag: field.one }), handler: ({ query }) => reply.text(query.tag, 'text/plain; charset=utf-8') }),
    route({ method: 'GET', path: '/bytes', handler: () => reply.bytes(Uint8Array.of(1, 2), 'image/png') }),
    route({ method: 'GET', path: '/own', handler: () => new Response('<b>x</b>', { headers: { 'Content-Type': 'text/html' } }) }),
  ],
});

describe('X-Content-Type-Options: nosniff', () => {
  it('is on every answer: core, plugins, errors, the page and the event stream', async () => {
    const app = hostPlugin(plugin, new MemoryProvider());
    const paths = [
      '/data/runs',
      '/data/plugin/kinds/text?tag=%3Cscript%3E',
      '/data/plugin/kinds/bytes',
      '/data/plugin/kinds/own',
      '/data/plugin/kinds/text',
      '/data/plugin/kinds/nope',
      '/data/nope',
      '/',
    ];
    for (const path of paths) {
      const res = await app.request(path);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      await res.arrayBuffer();
    }
    const events = await app.request('/data/events');
    expect(events.headers.get('x-content-type-options')).toBe('nosniff');
    await events.body!.cancel();
  });
});

import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { definePlugin } from '../plugins/define-plugin.js';
import { reply, routeFor } from '../plugins/route.js';
import { DataProviderToken } from '../plugins/tokens.js';
import { hostPlugin } from '../testing/host-plugin.js';
import { MemoryProvider } from '../testing/memory-provider.js';

const needs = { data: DataProviderToken };
const route = routeFor(needs);
const series = Array.from({ length: 5000 }, (_, i) => [1_700_000_000 + i, i, Math.sin(i)]);
const png = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
const plugin = definePlugin({
  id: 'answers',
  title: 'Answers',
  pluginNames: ['scalars'],
  needs,
  routes: [
    route({ method: 'GET', path: '/json', handler: () => series }),
    route({ method: 'GET', path: '/csv', handler: () => reply.text(series.map((r) => r.join(',')).join('\r\n'), 'text/csv; charset=utf-8') }),
    route({ method: 'GET', path: '/png', handler: () => reply.bytes(png, 'image/png') }),
    route({ method: 'GET', path: '/audio', handler: () => reply.bytes(png, 'audio/wav') }),
  ],
});

/** The answer's bytes as sent (app.request does not decompress). */
async function raw(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

describe('compression', () => {
  const app = hostPlugin(plugin, new MemoryProvider());
  const get = (path: string, encoding?: string) => app.request(`/data/plugin/answers${path}`, encoding ? { headers: { 'Accept-Encoding': encoding } } : {});

  it('sends JSON and CSV gzipped when the client accepts it, identical once decompressed', async () => {
    for (const path of ['/json', '/csv']) {
      const plain = await raw(await get(path));
      const zipped = await get(path, 'gzip, deflate, br');
      expect(zipped.headers.get('content-encoding'), path).toBe('gzip');
      expect(zipped.headers.get('vary'), path).toMatch(/accept-encoding/i);
      const bytes = await raw(zipped);
      expect(bytes.length, path).toBeLessThan(plain.length / 2);
      expect(gunzipSync(bytes).equals(plain), path).toBe(true);
    }
  });

  it('sends as they are: answers the client cannot decompress, images and audio', async () => {
    expect((await get('/json')).headers.get('content-encoding')).toBeNull();
    expect((await get('/json', 'identity')).headers.get('content-encoding')).toBeNull();
    for (const path of ['/png', '/audio']) {
      const res = await get(path, 'gzip');
      expect(res.headers.get('content-encoding'), path).toBeNull();
      expect(new Uint8Array(await res.arrayBuffer()), path).toEqual(png);
    }
  });

  it('compresses the page and the 404s of core too', async () => {
    const page = await app.request('/', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await raw(page)).toString('utf8')).toContain('window.__TB_CONFIG__');
    const notFound = await app.request(`/data/${'x'.repeat(3000)}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(notFound.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(await raw(notFound)).toString('utf8')).error.status).toBe(404);
  });
});

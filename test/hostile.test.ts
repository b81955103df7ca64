/**
 * Hostile input against the real `tb-core serve`, on the edge corpus (its longest tag
 * is 300 characters): catastrophic regular expressions on every route that takes one,
 * huge bodies, foreign Host headers. Each must be answered (never hang the event loop)
 * while another client's `/data/runs` still answers within a second.
 */
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, startServer, type TestServer } from './support/server.js';

/** The routes that take a user-supplied regular expression (grep the plugins for regex/Regex params). */
const REGEX_ROUTES: readonly { readonly name: string; readonly send: (url: string, pattern: string) => Promise<Response> }[] = [
  {
    name: 'GET scalars/export?tagRegex=',
    send: (url, pattern) => fetch(`${url}data/plugin/scalars/export?tagRegex=${encodeURIComponent(pattern)}`, { signal: AbortSignal.timeout(10_000) }),
  },
  {
    name: 'POST scalars/export (form tagRegex)',
    send: (url, pattern) =>
      fetch(`${url}data/plugin/scalars/export`, { method: 'POST', body: new URLSearchParams({ tagRegex: pattern }), signal: AbortSignal.timeout(10_000) }),
  },
];

/** Backtracking engines take exponential (or huge polynomial) time on these against a long tag. */
const CATASTROPHIC = [
  '^(.|.)*X$',
  '(a+)+$',
  '(a|aa)+$',
  '(.*a){20}',
  '(x+)+y',
  '(x|xx)+y',
  '(.*x){20}y',
  '((x*)*)*y',
  '(x+x+)+y',
  '^(([a-z_/])+)+$Z',
  '(?:x*)*(?:x*)*(?:x*)*y',
  'x{1000000}',
  '((x{100}){100}){100}',
  '(x{0,1000}){0,1000}y',
  '(x)\\1+y',
  '(?=x)(x+)+y',
  'x'.repeat(12_000),
];

/** How long `/data/runs` takes to answer, in ms (it fails rather than wait past 5 s). */
async function runsLatency(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${url}data/runs`, { signal: AbortSignal.timeout(5_000) });
  await res.arrayBuffer();
  expect(res.status).toBe(200);
  return performance.now() - t0;
}

/** A raw HTTP/1.1 GET with the given Host header (fetch does not let a script set it). */
function getWithHost(url: string, host: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the real server under hostile input', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(['--logdir', path.join(CORPUS, 'edge'), '--reload_interval', '0', '--plugins', 'scalars']);
    await server.whenLoaded();
    const tags = (await (await fetch(`${server.url}data/plugin/scalars/tags`)).json()) as Record<string, Record<string, unknown>>;
    expect(Object.values(tags).flatMap((t) => Object.keys(t)).some((tag) => tag.length >= 300)).toBe(true);
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
  });

  for (const route of REGEX_ROUTES) {
    for (const pattern of CATASTROPHIC) {
      it(`${route.name} answers ${JSON.stringify(pattern.length > 40 ? `${pattern.slice(0, 20)}…` : pattern)} and keeps the server responsive`, async () => {
        const answer = route.send(server.url, pattern);
        await new Promise((r) => setTimeout(r, 50));
        expect(await runsLatency(server.url)).toBeLessThan(1_000);
        const res = await answer;
        const body = await res.text();
        expect([200, 400], body).toContain(res.status);
        if (res.status === 400) expect(JSON.parse(body).error.message).toMatch(/^tagRegex /);
      });
    }
  }

  it('refuses a backreference with a 400 naming the construct', async () => {
    const res = await REGEX_ROUTES[0]!.send(server.url, '(x)\\1');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'tagRegex uses a backreference (\\1), which linear-time matching does not support',
    );
  });

  it('refuses a 20 MB form body with a JSON 413, and keeps answering others', async () => {
    const big = `runs=${'r'.repeat(20 * 1024 * 1024)}`;
    const answer = fetch(`${server.url}data/plugin/scalars/scalars_multirun`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: big,
      signal: AbortSignal.timeout(20_000),
    });
    expect(await runsLatency(server.url)).toBeLessThan(1_000);
    const res = await answer;
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { status: number; message: string } }).error).toMatchObject({ status: 413, message: expect.stringMatching(/8 MB/) });
  }, 30_000);

  it('answers only loopback Host names, with nosniff on every answer', async () => {
    const ok = await getWithHost(`${server.url}data/runs`, new URL(server.url).host);
    expect(ok.status).toBe(200);
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    const port = new URL(server.url).port;
    for (const host of ['localhost', `localhost:${port}`, `[::1]:${port}`, `tb.localhost:${port}`]) {
      expect((await getWithHost(`${server.url}data/runs`, host)).status, host).toBe(200);
    }
    const evil = await getWithHost(`${server.url}data/runs`, 'evil.test');
    expect(evil.status).toBe(403);
    expect(evil.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.parse(evil.body).error).toMatchObject({ status: 403, message: expect.stringContaining("'evil.test'") });
  });

  it('sends a scalars answer gzipped when asked, identical once decompressed', async () => {
    const url = `${server.url}data/plugin/scalars/export`;
    const plain = await fetch(url, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(1024);
    const zipped = await getRaw(url, { 'Accept-Encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(Buffer.byteLength(text));
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(text);
  });
});

/** A raw GET whose body comes back as sent (fetch would decompress it). */
function getRaw(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

import { describe, expect, it } from 'vitest';
import { FlagError, parseServeFlags } from '../cli/flags.js';
import { CpuComputeRunner } from '../compute/runner.js';
import { memoryLogger } from '../logger.js';
import { MemoryProvider } from '../testing/memory-provider.js';
import { createApp } from './app.js';
import { hostPolicy, isLoopbackAddress, parseAllowedHosts, type AllowedHosts } from './host-check.js';

/** An app over an empty log root, answering the Host names `allowedHosts` says. */
function appFor(allowedHosts?: AllowedHosts, pathPrefix = '') {
  const provider = new MemoryProvider();
  const mux = {
    provider,
    roots: [{ name: null, location: '/logs' }],
    status: () => ({ state: 'idle' as const, bytesRead: 0, bytesTotal: 0, runsLoaded: 0, runsTotal: 0, eventsRead: 0, recordsSkipped: 0, problems: [], problemCount: 0, storage: { requests: 0, bytesRead: 0, retries: 0, failures: 0, retrying: 0, failing: false, lastError: null }, loadingRuns: [] }),
    reload: async () => undefined,
    onChange: () => () => undefined,
  };
  return createApp({
    mux,
    plugins: [],
    compute: new CpuComputeRunner(),
    logger: memoryLogger(),
    version: '0.0.0',
    pathPrefix,
    windowTitle: '',
    shellDir: null,
    ...(allowedHosts === undefined ? {} : { allowedHosts }),
  });
}

const statusFor = async (app: ReturnType<typeof appFor>, host: string, path = '/data/runs') => (await app.request(path, { headers: { Host: host } })).status;

describe('the Host check', () => {
  it('answers loopback names by default, with or without the port', async () => {
    const app = appFor();
    for (const host of ['localhost', 'localhost:6006', 'LOCALHOST:6006', '127.0.0.1', '127.0.0.1:6006', '[::1]', '[::1]:6006', 'tb.localhost:6006', 'localhost.']) {
      expect(await statusFor(app, host), host).toBe(200);
    }
    expect((await app.request('/data/runs')).status).toBe(200);
  });

  it('refuses any other name with a JSON 403 that says why and what to do', async () => {
    const app = appFor();
    for (const host of ['evil.test', 'evil.test:6006', 'localhost.evil.test', '127.0.0.1.evil.test', 'localhost:6006@evil.test', '192.168.1.5:6006', '']) {
      expect(await statusFor(app, host), host).toBe(403);
    }
    const res = await app.request('/data/runs', { headers: { Host: 'evil.test:6006' } });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.json()).toEqual({
      error: {
        status: 403,
        message:
          "Host 'evil.test:6006' is not allowed: this tb-core listens on loopback and answers only localhost, *.localhost, 127.0.0.1 and [::1] " +
          '(a guard against DNS rebinding); to reach it by another name, start it with --allowed_hosts evil.test',
      },
    });
    expect(await statusFor(appFor(undefined, '/tb'), 'evil.test', '/tb/')).toBe(403);
    const long = (await (await app.request('/data/runs', { headers: { Host: `${'e'.repeat(5000)}.test` } })).json()) as { error: { message: string } };
    expect(long.error.message.length).toBeLessThan(700);
  });

  it('answers the names --allowed_hosts lists, and any name for *', async () => {
    const app = appFor(['tb.example.com', '*.corp.example', '10.0.0.7', '[fe80::1]']);
    for (const host of ['tb.example.com', 'TB.example.com:6006', 'a.corp.example', 'a.b.corp.example:80', '10.0.0.7:6006', '[fe80::1]:6006', 'localhost:6006']) {
      expect(await statusFor(app, host), host).toBe(200);
    }
    for (const host of ['corp.example', 'example.com', 'evil.test', 'xcorp.example']) expect(await statusFor(app, host), host).toBe(403);
    expect(await statusFor(appFor('*'), 'evil.test')).toBe(200);
  });
});

describe('the Host policy of `tb-core serve`', () => {
  it('checks Host names when bound to loopback, not when bound to every interface, unless --allowed_hosts says', () => {
    expect(hostPolicy('127.0.0.1', undefined)).toEqual([]);
    expect(hostPolicy('localhost', undefined)).toEqual([]);
    expect(hostPolicy('::1', undefined)).toEqual([]);
    expect(hostPolicy('::', undefined)).toBe('*');
    expect(hostPolicy('0.0.0.0', undefined)).toBe('*');
    expect(hostPolicy('192.168.1.5', undefined)).toBe('*');
    expect(hostPolicy('::', ['tb.example.com'])).toEqual(['tb.example.com']);
    expect(isLoopbackAddress('127.0.0.2')).toBe(true);
    expect(isLoopbackAddress('[::1]')).toBe(true);
    expect(isLoopbackAddress('10.0.0.1')).toBe(false);
  });

  it('reads --allowed_hosts', () => {
    expect(parseAllowedHosts('tb.example.com, *.corp.example,,10.0.0.7,::1')).toEqual(['tb.example.com', '*.corp.example', '10.0.0.7', '[::1]']);
    expect(parseAllowedHosts('a,*')).toBe('*');
    expect(parseServeFlags(['--logdir', 'l', '--allowed_hosts', 'TB.example.com']).allowedHosts).toEqual(['tb.example.com']);
    expect(parseServeFlags(['--logdir', 'l']).allowedHosts).toBeUndefined();
    expect(() => parseServeFlags(['--logdir', 'l', '--allowed_hosts', 'http://x.test/'])).toThrow(
      new FlagError("--allowed_hosts: expected host names separated by commas (e.g. tb.example.com,*.corp.example), found 'http://x.test/'"),
    );
    expect(() => parseServeFlags(['--logdir', 'l', '--allowed_hosts', ','])).toThrow(FlagError);
  });
});

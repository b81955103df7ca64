import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CpuComputeRunner } from '../compute/runner.js';
import { InvalidArgumentError, NotFoundError } from '../errors.js';
import { memoryLogger } from '../logger.js';
import { LogRootMultiplexer } from '../multiplexer/multiplexer.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { hostPlugins, ServiceRegistry } from '../plugins/host.js';
import { routeFor } from '../plugins/route.js';
import { DataProviderToken } from '../plugins/tokens.js';
import { writeTestEvents } from '../testing/event-files.js';
import { createApp } from './app.js';

const echoNeeds = { data: DataProviderToken };
const route = routeFor(echoNeeds);
const echo = definePlugin({
  id: 'echo',
  title: 'Echo',
  pluginNames: ['scalars'],
  needs: echoNeeds,
  aliases: ['echo_too'],
  routes: [
    route({ method: 'GET', path: '/runs', handler: (_input, { data }) => data.listRuns().map((r) => r.name) }),
    route({
      method: 'GET',
      path: '/missing',
      handler: () => {
        throw new NotFoundError('no such tag');
      },
    }),
    route({
      method: 'GET',
      path: '/bad',
      handler: () => {
        throw new InvalidArgumentError('downsample should be a positive integer, found -1');
      },
    }),
    route({
      method: 'GET',
      path: '/crash',
      handler: () => {
        throw new TypeError('undefined is not a function');
      },
    }),
  ],
});

describe('createApp', () => {
  let base: string;
  let mux: LogRootMultiplexer;
  const logger = memoryLogger();
  let app: Hono;
  let frontendDir: string;

  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'tb-app-'));
    await mkdir(path.join(base, 'logs', 'run1'), { recursive: true });
    await writeTestEvents(path.join(base, 'logs', 'run1', 'events.out.tfevents.1.h'), [
      { wallTime: 1, step: 0, scalars: { loss: 1 } },
    ]);
    frontendDir = path.join(base, 'frontend');
    await mkdir(frontendDir);
    await writeFile(path.join(frontendDir, 'mf-manifest.json'), '{"name":"tb_plugin_echo"}');
    await writeFile(path.join(base, 'secret.txt'), 'outside');
    mux = new LogRootMultiplexer({ logdir: path.join(base, 'logs'), reloadInterval: 0 });
    await mux.reload();
    const idle = definePlugin({ ...echo, id: 'idle', title: 'Idle', pluginNames: ['nothing'], aliases: [] });
    const plugins = hostPlugins(
      [
        { plugin: echo, packageName: 'tb-plugin-echo', version: '1.0.0', frontend: { dir: frontendDir, remoteName: 'tb_plugin_echo', manifest: 'mf-manifest.json' } },
        { plugin: idle, packageName: 'tb-plugin-idle', version: '1.0.0' },
      ],
      [],
      new ServiceRegistry().provide(DataProviderToken, mux.provider),
    );
    app = createApp({ mux, plugins, compute: new CpuComputeRunner(), logger, version: '0.1.0', pathPrefix: '', windowTitle: 'T', shellDir: null });
  });
  afterAll(async () => {
    await mux.close();
    await rm(base, { recursive: true, force: true });
  });

  const json = async (url: string, init?: RequestInit) => {
    const res = await app.request(url, init);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('serves the core routes in TensorBoard shapes', async () => {
    expect((await json('/data/runs')).body).toEqual(['run1']);
    expect((await json('/data/logdir')).body).toEqual({ logdir: path.join(base, 'logs') });
    expect((await json('/data/environment')).body).toMatchObject({ version: '0.1.0', window_title: 'T', compute_backend: 'cpu' });
    expect((await json('/data/status')).body).toMatchObject({ state: 'idle', runsLoaded: 1, runsTotal: 1 });
    expect((await json('/data/reload', { method: 'POST' })).body).toMatchObject({ runsTotal: 1 });
  });

  it('lists plugins in order with version, activity and their remote manifest', async () => {
    const { body } = await json('/data/plugins_listing');
    expect(Object.keys(body)).toEqual(['echo', 'idle']);
    expect(body['echo']).toEqual({
      disable_reload: false,
      enabled: true,
      uses_run_selector: true,
      remove_dom: false,
      tab_name: 'Echo',
      version: '1.0.0',
      plugin_names: ['scalars'],
      loading_mechanism: {
        type: 'MODULE_FEDERATION',
        manifest_url: '/plugin/echo/mf-manifest.json',
        remote_name: 'tb_plugin_echo',
        expose: './Dashboard',
      },
    });
    expect(body['idle']).toMatchObject({ enabled: false, loading_mechanism: { type: 'NONE' } });
  });

  it('mounts plugin routes under /data/plugin/<id>/ and each alias, with their services', async () => {
    expect((await json('/data/plugin/echo/runs')).body).toEqual(['run1']);
    expect((await json('/data/plugin/echo_too/runs')).body).toEqual(['run1']);
  });

  it('turns plugin errors into JSON errors naming the plugin; the server keeps serving', async () => {
    expect(await json('/data/plugin/echo/missing')).toEqual({
      status: 404,
      body: { error: { status: 404, message: 'no such tag', plugin: 'echo' } },
    });
    expect((await json('/data/plugin/echo/bad')).status).toBe(400);
    const crash = await json('/data/plugin/echo/crash');
    expect(crash).toEqual({
      status: 500,
      body: { error: { status: 500, message: "plugin 'echo' failed: undefined is not a function", plugin: 'echo' } },
    });
    expect(logger.lines.some((l) => l.level === 'error' && l.message.includes("plugin 'echo': GET /data/plugin/echo/crash failed"))).toBe(true);
    expect((await json('/data/plugin/echo/nope')).body).toMatchObject({ error: { status: 404, plugin: 'echo' } });
    expect((await json('/data/runs')).status).toBe(200);
  });

  it("serves a plugin's built frontend and nothing outside it", async () => {
    const res = await app.request('/plugin/echo/mf-manifest.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.text()).toBe('{"name":"tb_plugin_echo"}');
    for (const evil of ['/plugin/echo/../../secret.txt', '/plugin/echo/%2e%2e/secret.txt', '/plugin/echo/..%2f..%2fsecret.txt']) {
      const r = await app.request(evil);
      expect(r.status, evil).toBe(404);
      expect(await r.text()).not.toContain('outside');
    }
    expect((await app.request('/plugin/idle/mf-manifest.json')).status).toBe(404);
  });

  it('serves the page with its config, even before the shell is built', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('window.__TB_CONFIG__ = {"pathPrefix":"","windowTitle":"T"}');
  });

  it('streams loading status and changed runs as server-sent events, never compressed', async () => {
    const res = await app.request('/data/events', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(res.headers.get('content-encoding')).toBeNull();
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const first = decoder.decode((await reader.read()).value);
    expect(first).toMatch(/^event: status\ndata: \{"state":"idle"/);
    await writeTestEvents(path.join(base, 'logs', 'run1', 'events.out.tfevents.1.h'), [{ wallTime: 2, step: 1, scalars: { loss: 0.5 } }], true);
    await mux.reload();
    let text = '';
    while (!text.includes('event: runs')) text += decoder.decode((await reader.read()).value);
    expect(text).toContain('event: runs\ndata: {"changed":["run1"]}');
    await reader.cancel();
  });
});

describe('createApp with --path_prefix', () => {
  it('serves everything under the prefix, and nothing at the root', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'tb-prefix-'));
    const mux = new LogRootMultiplexer({ logdir: base, reloadInterval: 0 });
    const app = createApp({
      mux, plugins: [], compute: new CpuComputeRunner(), logger: memoryLogger(), version: '0.1.0', pathPrefix: '/tb', windowTitle: '', shellDir: null,
    });
    expect((await app.request('/tb/data/runs')).status).toBe(200);
    expect((await app.request('/data/runs')).status).toBe(404);
    expect(await (await app.request('/tb/')).text()).toContain('"pathPrefix":"/tb"');
    const bare = await app.request('/tb');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/tb/');
    await mux.close();
    await rm(base, { recursive: true, force: true });
  });
});

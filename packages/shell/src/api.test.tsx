import { PluginHttpError } from '@tb/ui';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPluginFetch, fetchPluginNames, fetchRuns, parseListing, parseStatus } from './api.js';
import { readConfig, serverUrl } from './config.js';

afterEach(() => vi.unstubAllGlobals());

describe('parseListing', () => {
  it('keeps the listing order and reads the federation entry', () => {
    const plugins = parseListing({
      scalars: {
        enabled: true,
        tab_name: 'Scalars',
        version: '0.1.0',
        loading_mechanism: {
          type: 'MODULE_FEDERATION',
          manifest_url: '/plugin/scalars/mf-manifest.json',
          remote_name: 'tb_plugin_scalars',
          expose: './Dashboard',
        },
      },
      text: { enabled: false, tab_name: 'Text', disable_reload: true, loading_mechanism: { type: 'NONE' } },
    });
    expect(plugins.map((p) => p.id)).toEqual(['scalars', 'text']);
    expect(plugins[0]!.frontend).toEqual({
      manifestUrl: '/plugin/scalars/mf-manifest.json',
      remoteName: 'tb_plugin_scalars',
      expose: './Dashboard',
    });
    expect(plugins[1]).toMatchObject({ enabled: false, disableReload: true, frontend: null, mechanism: 'NONE', usesRunSelector: true });
    expect(parseListing({ profile: { uses_run_selector: false } })[0]!.usesRunSelector).toBe(false);
  });

  it('reads the plugin names each plugin reads; null when the listing does not say', () => {
    const plugins = parseListing({ a: { plugin_names: ['scalars', 7] }, b: {} });
    expect(plugins.map((p) => p.pluginNames)).toEqual([['scalars'], null]);
  });

  it('rejects a listing that is not an object, saying what it found', () => {
    expect(() => parseListing([1])).toThrow(/expected an object keyed by plugin id, found \[1\]/);
  });
});

describe('config and URLs', () => {
  it('reads defaults and normalizes the prefix', () => {
    expect(readConfig(undefined)).toEqual({ pathPrefix: '', windowTitle: '' });
    expect(readConfig({ pathPrefix: 'tb/', windowTitle: 'exp' })).toEqual({ pathPrefix: '/tb', windowTitle: 'exp' });
  });

  it('prefixes server paths once', () => {
    const config = readConfig({ pathPrefix: '/tb' });
    expect(serverUrl(config, '/data/runs')).toBe('/tb/data/runs');
    expect(serverUrl(config, '/tb/plugin/x/mf-manifest.json')).toBe('/tb/plugin/x/mf-manifest.json');
    expect(serverUrl(config, 'http://h/x')).toBe('http://h/x');
  });
});

describe('createPluginFetch', () => {
  it('fetches under /data/plugin/<id>/ and turns an error answer into PluginHttpError', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      calls.push(url);
      if (url.includes('missing')) {
        return new Response(JSON.stringify({ error: { status: 404, message: 'no tag "missing"', plugin: 'scalars' } }), {
          status: 404,
        });
      }
      return new Response('[[1, 0, 0.5]]', { status: 200 });
    });
    const f = createPluginFetch(readConfig({ pathPrefix: '/tb' }), 'scalars');
    expect(f.url('scalars?run=a&tag=loss')).toBe('/tb/data/plugin/scalars/scalars?run=a&tag=loss');
    expect(await f.json('scalars?run=a&tag=loss')).toEqual([[1, 0, 0.5]]);
    const err = await f.json('scalars?tag=missing').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PluginHttpError);
    expect(err).toMatchObject({ status: 404, message: 'no tag "missing"' });
    expect((await f.raw('/missing')).status).toBe(404);
    expect(calls[0]).toBe('/tb/data/plugin/scalars/scalars?run=a&tag=loss');
  });
});

describe('parseStatus', () => {
  it('fills in missing numbers', () => {
    expect(parseStatus({ state: 'loading', bytesRead: 5 })).toMatchObject({ state: 'loading', bytesRead: 5, bytesTotal: 0 });
    expect(parseStatus(null).state).toBe('idle');
    expect(parseStatus({ storage: { retrying: 2, failing: false, lastError: { message: 'GET s3://b/k: 503 SlowDown', at: 1 } } })).toMatchObject({
      storageRetrying: 2,
      storageFailing: false,
      storageError: 'GET s3://b/k: 503 SlowDown',
    });
    expect(parseStatus({ storage: { retrying: 0, failing: true } }).storageFailing).toBe(true);
    expect(parseStatus({ storage: { failing: 'yes' } }).storageFailing).toBe(false);
    expect(parseStatus({ storage: { retrying: 'x', lastError: 3 } })).toMatchObject({ storageRetrying: 0, storageError: null });
    expect(parseStatus({ loadingRuns: [{ run: 'a', bytesRead: 1, bytesTotal: 4 }, { run: 2 }, null] }).loadingRuns).toEqual([{ run: 'a', bytesRead: 1, bytesTotal: 4 }]);
  });
});

describe('what the log root holds', () => {
  it('asks /data/runs for the runs of some plugin names, and reads /data/plugin_names', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      calls.push(url);
      return new Response(url.includes('plugin_names') ? '{"graphs": 2, "odd": "x"}' : '["a"]', { status: 200 });
    });
    const config = readConfig({ pathPrefix: '/tb' });
    expect(await fetchRuns(config, ['scalars', 'a b'])).toEqual(['a']);
    expect(await fetchPluginNames(config)).toEqual({ graphs: 2 });
    expect(calls).toEqual(['/tb/data/runs?plugin_name=scalars&plugin_name=a%20b', '/tb/data/plugin_names']);
  });

  it('rejects a /data/plugin_names answer that is not an object, saying what it found', async () => {
    vi.stubGlobal('fetch', async () => new Response('[1]', { status: 200 }));
    await expect(fetchPluginNames(readConfig({}))).rejects.toThrow(/expected an object of plugin name -> run count, found \[1\]/);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { readConfig } from './config.js';
import { dashboardFrom, manifestProblem, manifestUrl, remoteModuleId } from './federation.js';

const frontend = { manifestUrl: '/plugin/scalars/mf-manifest.json', remoteName: 'tb_plugin_scalars', expose: './Dashboard' };

afterEach(() => vi.unstubAllGlobals());

describe('federation helpers', () => {
  it('puts the manifest under the path prefix, as an absolute URL', () => {
    expect(manifestUrl(readConfig({ pathPrefix: '/tb' }), frontend, 'http://h:6006/tb/')).toBe('http://h:6006/tb/plugin/scalars/mf-manifest.json');
    expect(manifestUrl(readConfig({}), frontend, 'http://h:6006/')).toBe('http://h:6006/plugin/scalars/mf-manifest.json');
  });

  it('names the exposed module for loadRemote', () => {
    expect(remoteModuleId(frontend)).toBe('tb_plugin_scalars/Dashboard');
  });

  it('takes the default export, and says what it found otherwise', () => {
    const C = () => null;
    expect(dashboardFrom({ default: C }, 'x/Dashboard')).toBe(C);
    expect(dashboardFrom(C, 'x/Dashboard')).toBe(C);
    expect(() => dashboardFrom({ chart: 1 }, 'x/Dashboard')).toThrow(
      'x/Dashboard should export a Preact component as its default export; found a module with exports [chart]',
    );
  });

  it('explains a manifest that is missing or not JSON, and stays quiet when it is fine', async () => {
    vi.stubGlobal('fetch', async (url: string) =>
      url.endsWith('gone.json')
        ? new Response('{"error":{"status":404,"message":"no plugin frontend"}}', { status: 404, statusText: 'Not Found' })
        : url.endsWith('html.json')
          ? new Response('<!doctype html>', { status: 200 })
          : new Response('{"id":"x"}', { status: 200 }),
    );
    expect((await manifestProblem('http://h/gone.json'))?.message).toBe(
      "its manifest http://h/gone.json answered 404 Not Found: no plugin frontend. Was the plugin's frontend built?",
    );
    expect((await manifestProblem('http://h/html.json'))?.message).toMatch(/is not JSON/);
    expect(await manifestProblem('http://h/ok.json')).toBeNull();
  });
});

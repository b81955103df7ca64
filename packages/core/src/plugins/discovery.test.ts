import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverPlugins, nodeModulesDirs } from './discovery.js';

const CORE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A fake installed package: package.json plus one module. */
async function fakePackage(nm: string, name: string, pkg: Record<string, unknown>, file: string, code: string): Promise<void> {
  const dir = path.join(nm, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.2.3', type: 'module', ...pkg }));
  await writeFile(path.join(dir, file), code);
}

const pluginCode = (id: string) => `
import { definePlugin, DataProviderToken } from '@tb/core/plugin';
export default definePlugin({
  id: '${id}', title: '${id} tab', pluginNames: ['${id}'],
  needs: { data: DataProviderToken },
  routes: [{ method: 'GET', path: '/count', handler: (_input, { data }) => data.listRuns().length }],
});`;

describe('discoverPlugins', () => {
  let base: string;
  let nm: string;
  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'tb-discovery-'));
    nm = path.join(base, 'app', 'node_modules');
    await mkdir(path.join(nm, '@tb'), { recursive: true });
    // The plugins import @tb/core as an installed peer: link this package (built by `pnpm test`).
    await symlink(CORE_DIR, path.join(nm, '@tb', 'core'));
    const peer = { peerDependencies: { '@tb/core': '>=0.1.0 <1' } };
    await fakePackage(nm, 'tb-plugin-hello', { main: 'index.mjs', ...peer }, 'index.mjs', pluginCode('hello'));
    await fakePackage(nm, '@acme/tb-plugin-world', { exports: { '.': { import: './main.mjs' } }, ...peer }, 'main.mjs', pluginCode('world'));
    await fakePackage(nm, 'some-dashboard', { tbPlugin: './plugin.mjs', ...peer }, 'plugin.mjs', pluginCode('marked'));
    await fakePackage(nm, 'tb-plugin-future', { main: 'index.mjs', peerDependencies: { '@tb/core': '^2.0.0' } }, 'index.mjs', pluginCode('future'));
    await fakePackage(nm, 'tb-plugin-empty', { main: 'index.mjs' }, 'index.mjs', 'export const nothing = 1;');
    await fakePackage(nm, 'tb-plugin-throws', { main: 'index.mjs' }, 'index.mjs', 'throw new Error("boom at import");');
    await fakePackage(nm, 'lodash-like', { main: 'index.mjs' }, 'index.mjs', 'throw new Error("must not be imported");');
    await fakePackage(nm, 'tb-plugin-pair', { main: 'index.mjs', ...peer }, 'index.mjs', `${pluginCode('left').replace('export default', 'const left =')}
${pluginCode('right').replace(/^import .*$/m, '').replace('export default', 'const right =')}
export default [left, right];`);
    await fakePackage(nm, '@tb/plugin-kit', { tbPlugin: false, main: 'index.mjs' }, 'index.mjs', 'throw new Error("a tool, not a plugin");');
    // A built frontend: its manifest names the remote.
    await mkdir(path.join(nm, 'tb-plugin-hello', 'dist', 'frontend'), { recursive: true });
    await writeFile(path.join(nm, 'tb-plugin-hello', 'dist', 'frontend', 'mf-manifest.json'), JSON.stringify({ name: 'tb_plugin_hello', metaData: {} }));
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('finds node_modules directories from a start directory up', async () => {
    await mkdir(path.join(base, 'app', 'sub'), { recursive: true });
    expect(nodeModulesDirs([path.join(base, 'app', 'sub')])).toContain(nm);
  });

  it('loads packages named tb-plugin-*, @scope/tb-plugin-* or with a tbPlugin field, and nothing else', async () => {
    const { found } = await discoverPlugins([nm], '0.1.0');
    expect(found.map((f) => `${f.packageName}:${f.plugin.id}`).sort()).toEqual([
      '@acme/tb-plugin-world:world',
      'some-dashboard:marked',
      'tb-plugin-hello:hello',
      'tb-plugin-pair:left',
      'tb-plugin-pair:right',
    ]);
    const hello = found.find((f) => f.plugin.id === 'hello')!;
    expect(hello.plugin.title).toBe('hello tab');
    // Version and remote name come from the package, not from the plugin's code.
    expect(hello.version).toBe('1.2.3');
    expect(hello.frontend).toEqual({ dir: path.join(nm, 'tb-plugin-hello', 'dist', 'frontend'), remoteName: 'tb_plugin_hello', manifest: 'mf-manifest.json' });
    expect(found.find((f) => f.plugin.id === 'world')!.frontend).toBeUndefined();
  });

  it('skips, with a reason naming both versions, a plugin made for another @tb/core', async () => {
    const { skipped } = await discoverPlugins([nm], '0.1.0');
    const reasons = Object.fromEntries(skipped.map((s) => [s.packageName, s.reason]));
    expect(reasons['tb-plugin-future']).toBe(
      'tb-plugin-future@1.2.3 needs @tb/core ^2.0.0, but this is @tb/core 0.1.0; skipped',
    );
    expect(reasons['tb-plugin-empty']).toMatch(/does not export a plugin made by definePlugin/);
    expect(reasons['tb-plugin-throws']).toMatch(/failed to load: boom at import/);
    expect(reasons['lodash-like']).toBeUndefined();
    expect(reasons['@tb/plugin-kit']).toBeUndefined();
  });
});

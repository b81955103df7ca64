import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FRONTEND, frontendOf, hasPluginFrontend, readPackageJson, readPluginPackage } from '../lib/plugin-package.mjs';

const PACKAGES = fileURLToPath(new URL('../../', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tb-plugin-kit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `files` (path -> content; objects as JSON) under the temporary package. */
function write(files: Record<string, string | object>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  }
}

describe('readPluginPackage', () => {
  it('takes the dashboard from the default path and the remote name from the package name', () => {
    write({ 'package.json': { name: '@acme/tb-plugin-foo' }, 'src/frontend/Dashboard.tsx': 'export default () => null;' });
    expect(readPluginPackage(dir)).toEqual({
      root: dir,
      name: '@acme/tb-plugin-foo',
      remoteName: 'acme_tb_plugin_foo',
      expose: DEFAULT_FRONTEND,
      frontend: path.join(dir, 'src/frontend/Dashboard.tsx'),
      outDir: path.join(dir, 'dist/frontend'),
    });
  });

  it('takes the dashboard from tbPlugin.frontend, with or without a leading ./', () => {
    write({ 'package.json': { name: 'tb-plugin-e2e-runs-echo', tbPlugin: { frontend: 'src/Dashboard.tsx' } }, 'src/Dashboard.tsx': '' });
    const plugin = readPluginPackage(dir);
    expect(plugin.expose).toBe('./src/Dashboard.tsx');
    expect(plugin.frontend).toBe(path.join(dir, 'src/Dashboard.tsx'));
    expect(plugin.remoteName).toBe('tb_plugin_e2e_runs_echo');
  });

  it('says which package.json is missing', () => {
    expect(() => readPluginPackage(dir)).toThrow(`expected a package.json in ${dir}`);
  });

  it('refuses package.json that is not a JSON object', () => {
    write({ 'package.json': '{ "name": ' });
    expect(() => readPluginPackage(dir)).toThrow(/package\.json is not valid JSON/);
    write({ 'package.json': '[1]' });
    expect(() => readPackageJson(dir)).toThrow(/should hold a JSON object, found an array/);
  });

  it('needs a name', () => {
    write({ 'package.json': { version: '1.0.0' }, 'src/frontend/Dashboard.tsx': '' });
    expect(() => readPluginPackage(dir)).toThrow(/has no "name": expected the plugin's package name/);
  });

  it('says where it looked for a missing dashboard, and why there', () => {
    write({ 'package.json': { name: 'tb-plugin-x' } });
    expect(() => readPluginPackage(dir)).toThrow(
      `expected the dashboard module at ${path.join(dir, 'src/frontend/Dashboard.tsx')} (the default, as package.json has no "tbPlugin"`,
    );
    write({ 'package.json': { name: 'tb-plugin-x', tbPlugin: { frontend: './web/Main.tsx' } } });
    expect(() => readPluginPackage(dir)).toThrow(`at ${path.join(dir, 'web/Main.tsx')} (the file package.json "tbPlugin.frontend" names)`);
  });

  it('refuses a frontend that is not a path inside the package, and a package that is not a plugin', () => {
    write({ 'package.json': { name: 'tb-plugin-x', tbPlugin: { frontend: 42 } } });
    expect(() => readPluginPackage(dir)).toThrow('expected package.json "tbPlugin.frontend" to be a path relative to the package, such as "./src/Dashboard.tsx", found 42');
    write({ 'package.json': { name: 'tb-plugin-x', tbPlugin: { frontend: '../elsewhere/Dashboard.tsx' } } });
    expect(() => readPluginPackage(dir)).toThrow(/lies outside it/);
    write({ 'package.json': { name: '@tb/plugin-kit', tbPlugin: false } });
    expect(() => readPluginPackage(dir)).toThrow(/"tbPlugin": false, so @tb\/plugin-kit is not a plugin/);
  });

  it("reads this workspace's plugins", () => {
    for (const [dirName, remote] of [
      ['plugin-scalars', 'tb_plugin_scalars'],
      ['plugin-histograms', 'tb_plugin_histograms'],
      ['plugin-images', 'tb_plugin_images'],
    ] as const) {
      const plugin = readPluginPackage(path.join(PACKAGES, dirName));
      expect(plugin.remoteName).toBe(remote);
      expect(plugin.expose).toBe(DEFAULT_FRONTEND);
    }
  });
});

describe('frontendOf', () => {
  it('is the default unless tbPlugin names one, and null for tbPlugin: false', () => {
    expect(frontendOf({ name: 'a' })).toEqual({ expose: DEFAULT_FRONTEND, declared: false });
    expect(frontendOf({ tbPlugin: './plugin.mjs' })).toEqual({ expose: DEFAULT_FRONTEND, declared: false });
    expect(frontendOf({ tbPlugin: { entry: './plugin.mjs' } })).toEqual({ expose: DEFAULT_FRONTEND, declared: false });
    expect(frontendOf({ tbPlugin: { frontend: './ui/D.tsx' } })).toEqual({ expose: './ui/D.tsx', declared: true });
    expect(frontendOf({ tbPlugin: false })).toBeNull();
  });
});

describe('hasPluginFrontend', () => {
  it('is true for a declared frontend or a file at the default path, false otherwise', () => {
    expect(hasPluginFrontend(dir)).toBe(false);
    write({ 'package.json': { name: 'tb-plugin-x' } });
    expect(hasPluginFrontend(dir)).toBe(false);
    write({ 'src/frontend/Dashboard.tsx': '' });
    expect(hasPluginFrontend(dir)).toBe(true);
    write({ 'package.json': { name: 'tb-plugin-x', tbPlugin: false } });
    expect(hasPluginFrontend(dir)).toBe(false);
    write({ 'package.json': { name: 'tb-plugin-x', tbPlugin: { frontend: './not-yet.tsx' } } });
    expect(hasPluginFrontend(dir)).toBe(true);
  });

  it('knows which workspace packages have a dashboard', () => {
    expect(hasPluginFrontend(path.join(PACKAGES, 'plugin-scalars'))).toBe(true);
    expect(hasPluginFrontend(path.join(PACKAGES, 'plugin-kit'))).toBe(false);
    expect(hasPluginFrontend(path.join(PACKAGES, 'core'))).toBe(false);
  });
});

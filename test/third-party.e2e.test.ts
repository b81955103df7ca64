/**
 * A third-party plugin, built as its author would build it: in a folder outside the
 * workspace, depending only on the packed tarballs of @tb/core, @tb/ui, @tb/plugin-kit
 * and @tb/shell (`pnpm pack`, as npm would deliver them). Its frontend is built with the
 * published `tb-plugin-build`, its route is checked with `@tb/core/testing`, and the
 * installed `tb-core` serves it as a tab with data, in Chromium.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { serveInstalled, type InstalledCore } from './support/installed-core.js';
import { installOutsideWorkspace, packWorkspace, pnpm, run } from './support/pack.js';
import { CORPUS, ROOT } from './support/server.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/third-party');
const SHOTS = path.join(ROOT, 'test-results');

describe('a third-party plugin outside the workspace', () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'tb-third-party-'));
  const plugin = path.join(base, 'tb-plugin-run-summary');
  let core: InstalledCore | undefined;
  let url = '';
  let browser: { context: BrowserContext; close: () => Promise<void> } | undefined;
  let page: Page;

  beforeAll(async () => {
    // The packages as npm would deliver them.
    const packed = packWorkspace(['core', 'ui', 'plugin-kit', 'shell'], path.join(base, 'tarballs'));
    // The author's folder: the fixture, with its dependencies pointing at the tarballs.
    cpSync(FIXTURE, plugin, { recursive: true });
    const preact = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/preact/package.json'), 'utf8')).version as string;
    const template = readFileSync(path.join(plugin, 'package.json.template'), 'utf8');
    writeFileSync(
      path.join(plugin, 'package.json'),
      template.replace(/"TARBALL:(@tb\/[a-z-]+)"/g, (_, name: string) => JSON.stringify(packed[name])).replace('PREACT_VERSION', preact),
    );
    installOutsideWorkspace(plugin);
    pnpm(['run', 'build'], plugin);
    // Installed next to @tb/core, as `npm i tb-plugin-run-summary` would put it.
    symlinkSync(plugin, path.join(plugin, 'node_modules', 'tb-plugin-run-summary'));

    core = await serveInstalled(plugin, plugin, ['--logdir', path.join(CORPUS, 'mnist-like'), '--reload_interval', '0']);
    url = core.url;
    browser = await launchBrowser();
    page = await browser.context.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    core?.close();
    rmSync(base, { recursive: true, force: true });
  });

  it('built its frontend with the published command, named after its package', () => {
    const manifest = JSON.parse(readFileSync(path.join(plugin, 'dist/frontend/mf-manifest.json'), 'utf8')) as { name: string };
    expect(manifest.name).toBe('tb_plugin_run_summary');
  });

  it('tests its route with @tb/core/testing from the tarball', () => {
    const script = `
      import { hostPlugin, MemoryProvider } from '@tb/core/testing';
      import plugin from './index.mjs';
      const data = new MemoryProvider().addScalars('a', 'epoch_loss', [{ step: 0, wallTime: 1, value: 0.5 }, { step: 1, wallTime: 2, value: 0.25 }]);
      const app = hostPlugin(plugin, data);
      const ok = await app.json('/data/plugin/run_summary/summary?tag=epoch_loss');
      const missing = await (await app.request('/data/plugin/run_summary/summary')).json();
      console.log(JSON.stringify({ ok, missing }));`;
    const out = JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], plugin)) as { ok: unknown; missing: unknown };
    expect(out.ok).toEqual([{ run: 'a', tags: 1, last: 0.25 }]);
    expect(out.missing).toEqual({ error: { status: 400, message: 'tag is required (e.g. ?tag=...), found none', plugin: 'run_summary' } });
  });

  it('is listed with the version and remote name its package gives', async () => {
    const listing = (await (await fetch(`${url}data/plugins_listing`)).json()) as Record<string, Record<string, unknown>>;
    expect(listing['run_summary']).toMatchObject({
      tab_name: 'Run summary',
      version: '2.3.4',
      enabled: true,
      loading_mechanism: { type: 'MODULE_FEDERATION', remote_name: 'tb_plugin_run_summary', manifest_url: '/plugin/run_summary/mf-manifest.json' },
    });
    expect(core!.output()).toContain('plugins: run_summary@2.3.4');
  });

  it('shows as a tab with its data in Chromium', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.getByTestId('tab-run_summary').click();
    const table = page.getByTestId('run-summary');
    await table.waitFor({ timeout: 30_000 });
    const rows = await page.locator('[data-run-row]').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    // mnist-like's validation runs hold epoch_loss; the last value as TensorBoard stores it.
    const byRun = Object.fromEntries(rows.map((r) => [r[0], r]));
    expect(Object.keys(byRun)).toEqual(expect.arrayContaining(['adam/validation', 'sgd/validation']));
    expect(byRun['adam/validation']![2]).toMatch(/^\d+\.\d{4}$/);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'third-party-plugin.png') });
    expect(errors).toEqual([]);
  });
});

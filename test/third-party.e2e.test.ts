/**
 * A third-party plugin, built as its author would build it: in a folder outside the
 * workspace, depending only on the packed tarballs of @tb/core, @tb/ui, @tb/plugin-kit
 * and @tb/shell (`pnpm pack`, as npm would deliver them). Its frontend is built with the
 * published `tb-plugin-build`, its route is checked with `@tb/core/testing`, and the
 * installed `tb-core` serves it as a tab with data, in Chromium.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { CORPUS, ROOT } from './support/server.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/third-party');
const SHOTS = path.join(ROOT, 'test-results');
const PNPM = ['-y', 'pnpm@9'];

function run(cmd: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, npm_config_loglevel: 'error' } });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

describe('a third-party plugin outside the workspace', () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'tb-third-party-'));
  const plugin = path.join(base, 'tb-plugin-run-summary');
  let server: ChildProcess | undefined;
  let output = '';
  let url = '';
  let browser: { context: BrowserContext; close: () => Promise<void> } | undefined;
  let page: Page;

  beforeAll(async () => {
    // The packages as npm would deliver them.
    const tarballs = path.join(base, 'tarballs');
    mkdirSync(tarballs);
    const packed: Record<string, string> = {};
    for (const dir of ['core', 'ui', 'plugin-kit', 'shell']) {
      run('npx', [...PNPM, 'pack', '--pack-destination', tarballs], path.join(ROOT, 'packages', dir));
      const name = JSON.parse(readFileSync(path.join(ROOT, 'packages', dir, 'package.json'), 'utf8')).name as string;
      const file = readdirSync(tarballs).find((f) => f.startsWith(name.replace('@', '').replace('/', '-') + '-'))!;
      packed[name] = `file:${path.join(tarballs, file)}`;
    }
    // The author's folder: the fixture, with its dependencies pointing at the tarballs.
    cpSync(FIXTURE, plugin, { recursive: true });
    const preact = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/preact/package.json'), 'utf8')).version as string;
    const template = readFileSync(path.join(plugin, 'package.json.template'), 'utf8');
    writeFileSync(
      path.join(plugin, 'package.json'),
      template.replace(/"TARBALL:(@tb\/[a-z-]+)"/g, (_, name: string) => JSON.stringify(packed[name])).replace('PREACT_VERSION', preact),
    );
    run('npx', [...PNPM, 'install', '--prefer-offline', '--ignore-workspace', '--config.auto-install-peers=false'], plugin);
    run('npx', [...PNPM, 'run', 'build'], plugin);
    // Installed next to @tb/core, as `npm i tb-plugin-run-summary` would put it.
    symlinkSync(plugin, path.join(plugin, 'node_modules', 'tb-plugin-run-summary'));

    server = spawn(process.execPath, ['node_modules/@tb/core/bin/tb-core.js', 'serve', '--logdir', path.join(CORPUS, 'mnist-like'), '--port', '0', '--reload_interval', '0'], {
      cwd: plugin,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`tb-core did not start:\n${output}`)), 60_000);
      server!.stdout!.on('data', () => {
        const m = /at (http:\/\/\S+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      server!.once('exit', (code) => reject(new Error(`tb-core exited with ${code}:\n${output}`)));
    });
    browser = await launchBrowser();
    page = await browser.context.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGINT');
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
    expect(output).toContain('plugins: run_summary@2.3.4');
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

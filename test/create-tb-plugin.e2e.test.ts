/**
 * `create-tb-plugin` as an author would use it: the create command scaffolds a plugin in a
 * folder outside the workspace, its @tb/* dependencies come from packed tarballs (as npm
 * would deliver them), and out of the box it installs, builds and passes its own tests (the
 * route, and the tab in Chromium). Then the installed `tb-core` serves it beside it, with no
 * rebuild of core, and the tab shows its data in Chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { serveInstalled, type InstalledCore } from './support/installed-core.js';
import { installOutsideWorkspace, packWorkspace, pnpm, useTarballs } from './support/pack.js';
import { ROOT } from './support/server.js';

const CREATE = path.join(ROOT, 'packages/create-tb-plugin/bin/create-tb-plugin.mjs');
const SHOTS = path.join(ROOT, 'test-results');

/** Runs the create command; its exit code and output, failing or not. */
function create(args: readonly string[], cwd: string): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, [CREATE, ...args], { cwd, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, stdout, stderr: '' };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Every file under `dir`, relative, skipping node_modules and dist. */
function filesUnder(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, rel))) {
    if (name === 'node_modules' || name === 'dist') continue;
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, r)).isDirectory()) out.push(...filesUnder(dir, r));
    else out.push(r);
  }
  return out.sort();
}

describe('create-tb-plugin, end to end', () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'tb-create-plugin-'));
  const plugin = path.join(base, 'hello-world');
  let created: { code: number; stdout: string; stderr: string };
  let testOutput = '';
  let core: InstalledCore | undefined;
  let url = '';
  let browser: { context: BrowserContext; close: () => Promise<void> } | undefined;
  let page: Page;

  beforeAll(async () => {
    const packed = packWorkspace(['core', 'ui', 'plugin-kit', 'shell', 'writer'], path.join(base, 'tarballs'));
    created = create(['hello-world', '--title', 'Hello world'], base);
    if (created.code !== 0) throw new Error(`create-tb-plugin failed (${created.code}):\n${created.stdout}\n${created.stderr}`);
    useTarballs(plugin, packed);
    installOutsideWorkspace(plugin);
    pnpm(['run', 'build'], plugin);
    // The summary lines, without colours.
    testOutput = pnpm(['test'], plugin, { CI: '1', NO_COLOR: '1' }).replace(/\u001b\[[0-9;]*m/g, '');

    // Installed next to tb-core, as `npm i tb-plugin-hello-world` would put it.
    const app = path.join(base, 'app');
    mkdirSync(path.join(app, 'node_modules'), { recursive: true });
    symlinkSync(plugin, path.join(app, 'node_modules', 'tb-plugin-hello-world'));
    const logs = path.join(base, 'logs');
    const write = `
      import { SummaryWriter } from '@tb/writer';
      for (const run of ['adam', 'sgd']) {
        const w = new SummaryWriter(${JSON.stringify(logs)} + '/' + run);
        for (let step = 0; step < 10; step++) w.addScalar('loss', (run === 'adam' ? 1 : 2) / (step + 1), step);
        w.addScalar('accuracy', run === 'adam' ? 0.75 : 0.5, 9);
        await w.close();
      }`;
    execFileSync(process.execPath, ['--input-type=module', '-e', write], { cwd: plugin, stdio: 'pipe' });
    core = await serveInstalled(plugin, app, ['--logdir', logs, '--reload_interval', '0']);
    url = core.url;
    browser = await launchBrowser();
    page = await browser.context.newPage();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    core?.close();
    rmSync(base, { recursive: true, force: true });
  });

  it('scaffolds the package from the template, every placeholder replaced, and says what to do next', () => {
    expect(filesUnder(plugin)).toEqual([
      '.gitignore',
      'README.md',
      'package.json',
      'pnpm-lock.yaml',
      'src/frontend/Dashboard.tsx',
      'src/frontend/tsconfig.json',
      'src/index.ts',
      'src/metadata.ts',
      'src/server.test.ts',
      'src/server.ts',
      'test/browser.test.ts',
      'tsconfig.json',
      'tsconfig.test.json',
      'vitest.config.ts',
    ]);
    for (const f of filesUnder(plugin)) expect(readFileSync(path.join(plugin, f), 'utf8'), f).not.toMatch(/__[A-Z_]+__/);
    expect(readFileSync(path.join(plugin, 'src/metadata.ts'), 'utf8')).toContain(`PLUGIN_ID = 'hello_world'`);
    const pkg = JSON.parse(readFileSync(path.join(plugin, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(pkg['name']).toBe('tb-plugin-hello-world');
    expect(pkg['scripts']).toEqual({ build: 'tsc -p tsconfig.json && tsc -p src/frontend/tsconfig.json && tb-plugin-build', test: 'tsc -p tsconfig.test.json && vitest run' });
    expect(pkg['peerDependencies']).toEqual({ '@tb/core': '^0.1.0', '@tb/ui': '^0.1.0', preact: '^10.29.0' });
    expect(created.stdout).toContain('Next steps:');
    expect(created.stdout).toContain('cd hello-world');
  });

  it('refuses a folder that is not empty, and names it', () => {
    const r = create(['hello-world'], base);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`expected a new or empty folder at ${plugin}, found one with`);
  });

  it('refuses bad names with a message saying what is allowed', () => {
    const bad = create(['Bad Name'], base);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`should be lower-case letters, digits, '.', '_' or '-' (starting with a letter or digit), found "Bad Name"`);
    const id = create(['fine', '--id', '9lives'], base);
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('the plugin id should start with a lower-case letter');
    expect(existsSync(path.join(base, 'fine'))).toBe(false);
  });

  it('passes its own tests out of the box: the route, and the tab in Chromium', () => {
    expect(testOutput).toMatch(/Test Files\s+2 passed \(2\)/);
    expect(testOutput).toMatch(/Tests\s+6 passed \(6\)/);
    expect(testOutput).not.toMatch(/skipped|failed/);
  });

  it('is served by the installed tb-core with its version and remote', async () => {
    const listing = (await (await fetch(`${url}data/plugins_listing`)).json()) as Record<string, Record<string, unknown>>;
    expect(listing['hello_world']).toMatchObject({
      tab_name: 'Hello world',
      version: '0.1.0',
      enabled: true,
      loading_mechanism: { type: 'MODULE_FEDERATION', remote_name: 'tb_plugin_hello_world' },
    });
    const rows = (await (await fetch(`${url}data/plugin/hello_world/summary?tag=loss`)).json()) as unknown;
    expect(rows).toEqual([
      { run: 'adam', tag: 'loss', points: 10, lastStep: 9, last: expect.closeTo(0.1, 6), min: expect.closeTo(0.1, 6), max: 1 },
      { run: 'sgd', tag: 'loss', points: 10, lastStep: 9, last: expect.closeTo(0.2, 6), min: expect.closeTo(0.2, 6), max: 2 },
    ]);
  });

  it('shows its tab with the data in Chromium', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.getByTestId('tab-hello_world').click();
    await page.getByTestId('hello_world-summary').waitFor({ timeout: 30_000 });
    const rows = await page.locator('[data-row]').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    expect(rows.map((r) => `${r[0]}/${r[1]}`)).toEqual(['adam/accuracy', 'adam/loss', 'sgd/accuracy', 'sgd/loss']);
    expect(rows[1]!.slice(2, 4)).toEqual(['10', '9']);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'create-tb-plugin.png') });
    expect(errors).toEqual([]);
  });
});

/**
 * The plugin in real Chromium: the installed `tb-core serve` on a tiny log root this test
 * writes, with this package installed beside it (as `npm i` would put it), and the tab
 * with its data. Needs `pnpm run build` first (dist/ and dist/frontend/), and Chromium at
 * $TB_CHROMIUM or /usr/bin/chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SummaryWriter } from '@tb/writer';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLUGIN_ID, PLUGIN_NAME } from '../src/metadata.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKAGE_NAME = 'tb-plugin-__NAME__';
const CHROMIUM = process.env['TB_CHROMIUM'] ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('the tab in Chromium', () => {
  const base = mkdtempSync(path.join(os.tmpdir(), `${PACKAGE_NAME}-`));
  let server: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  let url = '';
  let output = '';

  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'dist/frontend/mf-manifest.json'))) throw new Error('dist/frontend/ is missing: run `pnpm run build` before the tests');
    // A tiny log root: two runs of one scalar.
    for (const [run, scale] of [['adam', 1], ['sgd', 2]] as const) {
      const writer = new SummaryWriter(path.join(base, 'logs', run));
      for (let step = 0; step < 5; step++) writer.addScalar('loss', scale / (step + 1), step);
      await writer.close();
    }
    // This package installed beside the app, where tb-core looks for plugins.
    mkdirSync(path.join(base, 'app/node_modules'), { recursive: true });
    symlinkSync(ROOT, path.join(base, 'app/node_modules', PACKAGE_NAME));
    const bin = path.join(ROOT, 'node_modules/@tb/core/bin/tb-core.js');
    server = spawn(process.execPath, [bin, 'serve', '--logdir', path.join(base, 'logs'), '--port', '0', '--reload_interval', '0'], {
      cwd: path.join(base, 'app'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`tb-core did not start in 60 s:\n${output}`)), 60_000);
      const read = (d: Buffer) => {
        output += d.toString();
        const m = /at (http:\/\/\S+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      server!.stdout!.on('data', read);
      server!.stderr!.on('data', read);
      server!.once('exit', (code) => reject(new Error(`tb-core exited with ${code}:\n${output}`)));
    });
    context = await chromium.launchPersistentContext(path.join(base, 'profile'), { executablePath: CHROMIUM, headless: true, args: FLAGS });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    server?.kill('SIGINT');
    rmSync(base, { recursive: true, force: true });
  });

  it('shows the tab with a row per run', async () => {
    if (PLUGIN_NAME !== 'scalars') {
      // The log root holds scalars only, so a plugin that reads other summaries has no data
      // here and its tab stays hidden: it is listed, inactive. Write summaries of that plugin
      // name into the log root above to see the tab.
      const listing = (await (await fetch(`${url}data/plugins_listing`)).json()) as Record<string, { enabled: boolean }>;
      expect(listing[PLUGIN_ID]).toMatchObject({ enabled: false });
      return;
    }
    const page = await context!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.getByTestId(`tab-${PLUGIN_ID}`).click();
    await page.getByTestId(`${PLUGIN_ID}-summary`).waitFor({ timeout: 30_000 });
    const rows = await page.locator('[data-row]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row')));
    expect(rows).toEqual(['adam/loss', 'sgd/loss']);
    expect(errors).toEqual([]);
  }, 60_000);
});

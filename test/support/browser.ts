/**
 * Real Chromium for UI tests: Debian's /usr/bin/chromium driven by playwright-core,
 * with the flags these machines need (see ../shared/TOOLCHAIN.md).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env['TB_CHROMIUM'] ?? '/usr/bin/chromium';

/**
 * A fresh browser context with its own profile; `close` removes the profile. `webgl` turns
 * on WebGL on SwiftShader (software), which `--disable-gpu` leaves off.
 */
export async function launchBrowser(o: { webgl?: boolean; viewport?: { width: number; height: number } } = {}): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'tb-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: o.viewport ?? { width: 1280, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      ...(o.webgl ? ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] : []),
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

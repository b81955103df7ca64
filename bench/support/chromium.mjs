// The benchmarks' browser: headless Debian Chromium with the flags TOOLCHAIN.md lists, a
// fresh profile (removed when the context closes), a 1440 x 900 window unless told otherwise.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

/**
 * @param {{ viewport?: { width: number, height: number } }} [o]
 * @returns {Promise<import('playwright-core').BrowserContext>}
 */
export async function launchChromium(o = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.TB_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: o.viewport ?? { width: 1440, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Removed once Chromium has really exited (a 'close' handler runs while it still writes there).
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await close(...args);
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  };
  return context;
}

/** Percentile `p` (0..100) of `xs` (the value at index floor(p% of n) once sorted); NaN when empty. */
export const pct = (xs, p) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN);

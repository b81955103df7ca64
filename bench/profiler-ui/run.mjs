#!/usr/bin/env node
// The Profile tab's trace viewer in headless Chromium on a generated Kineto trace (the
// corpus ResNet-50 event mix, ~100 MB by default: about 250,000 slices on 4 tracks, plus
// flows and counters). Prints
//   - the load: file size, slices, the server's load time (worker thread), and the time
//     from opening the Trace view to the timeline drawn (fetch + decode + first frame);
//   - frame times while zooming in with W and panning with A/D, as a person reading the
//     trace does: the interval between animation frames with a key held down (a
//     requestAnimationFrame clock), at the full view (every slice below a pixel, merged)
//     and zoomed in to a few steps;
//   - the time from typing a search to its matches highlighted.
//
//   node bench/profiler-ui/run.mjs [--mb 100]
//
// Needs a build (`npx -y pnpm@9 run build`) and /usr/bin/chromium.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateTrace } from '../../packages/plugin-profiler/bench/generate-trace.mjs';
import { decodeTimeline } from '../../packages/plugin-profiler/dist/timeline/codec.js';
import { positiveFlag } from '../support/args.mjs';
import { launchChromium, pct } from '../support/chromium.mjs';
import { startFrameClock, stopFrameClock } from '../support/frames.mjs';
import { startServer } from '../support/server.mjs';

const TARGET_FRAME_MS = 1000 / 60;
const mb = positiveFlag('mb', 100, { fraction: true });

/** The log root: one run with the generated trace (kept between runs of the bench). */
async function logRoot() {
  const root = path.join(os.tmpdir(), 'tb-profiler-ui-bench', `${mb}mb`);
  const file = path.join(root, 'synthetic', 'worker0.1700000000000.pt.trace.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await generateTrace(`${file}.tmp`, mb * 1e6);
    fs.renameSync(`${file}.tmp`, file);
  }
  return { root, file };
}

/** In the page: resolves once the trace canvas has drawn, with the time and the window it shows. */
function whenDrawn() {
  return new Promise((resolve) => {
    const check = () => {
      const c = document.querySelector('canvas.tb-trace-canvas');
      if (c?.dataset.viewEnd) resolve({ at: performance.now() });
      else requestAnimationFrame(check);
    };
    check();
  });
}


/** Holds `key` down for `ms` (key repeat, as a person holding W), measuring frames. */
async function holdKey(page, key, ms) {
  await page.evaluate(startFrameClock);
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await page.keyboard.down(key);
    await page.waitForTimeout(16);
  }
  await page.keyboard.up(key);
  return page.evaluate(stopFrameClock);
}

const row = (frames) =>
  `p50 ${pct(frames, 50).toFixed(1)} ms, p95 ${pct(frames, 95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms over ${frames.length} frames`;

async function main() {
  const { root, file } = await logRoot();
  const server = await startServer(root, { plugins: 'profile' });
  const context = await launchChromium();
  const results = [];
  try {
    const id = 'run=synthetic&worker=worker0&span=1';
    const t0 = Date.now();
    const progress = async () => (await fetch(`${server.url}data/plugin/profile/progress?${id}`)).json();
    while ((await progress()).state === 'loading') await new Promise((r) => setTimeout(r, 100));
    const loadMs = Date.now() - t0;
    const bytes = await (await fetch(`${server.url}data/plugin/profile/timeline?${id}`)).arrayBuffer();
    const t = decodeTimeline(bytes);

    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}#tab=profile`);
    await page.getByTestId('view-tabs').getByRole('tab', { name: 'Trace', exact: true }).waitFor();
    const opened = await page.evaluate(() => performance.now());
    await page.getByTestId('view-tabs').getByRole('tab', { name: 'Trace', exact: true }).click();
    const drawn = await page.evaluate(whenDrawn);
    await page.locator('.tb-trace-area').focus();
    await page.mouse.move(900, 400);
    const fullPan = await holdKey(page, 'd', 1500);
    const zoomIn = await holdKey(page, 'w', 2500);
    const zoomedPan = await holdKey(page, 'a', 1500);
    const zoomOut = await holdKey(page, 's', 2500);
    const search = page.getByRole('searchbox', { name: 'Find slices by name' });
    const s0 = await page.evaluate(() => performance.now());
    await search.fill('aten::conv2d');
    await page.waitForFunction(() => /\d+ (of \d|matches)/.test(document.querySelector('.tb-trace-count')?.textContent ?? ''));
    const s1 = await page.evaluate(() => performance.now());
    const matches = await page.locator('.tb-trace-count').textContent();
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

    results.push(
      ['trace', `${(fs.statSync(file).size / 1e6).toFixed(1)} MB: ${t.slices.start.length.toLocaleString('en-US')} slices on ${t.tracks.length} tracks, ${t.flows.from.length.toLocaleString('en-US')} flows; timeline ${(bytes.byteLength / 1e6).toFixed(1)} MB`],
      ['server load (parse + analysis in a worker)', `${(loadMs / 1000).toFixed(1)} s`],
      ['Trace view opened -> timeline drawn', `${(drawn.at - opened).toFixed(0)} ms`],
      ['pan (D held), full view', `${row(fullPan)} (target p95 ${TARGET_FRAME_MS.toFixed(1)} ms)`],
      ['zoom in (W held)', row(zoomIn)],
      ['pan (A held), zoomed in', row(zoomedPan)],
      ['zoom out (S held)', row(zoomOut)],
      ['search "aten::conv2d" -> matches shown', `${(s1 - s0).toFixed(0)} ms (${matches})`],
    );
  } finally {
    await context.close();
    server.stop();
  }
  console.log(`\nProfile trace viewer, ${os.cpus().length} cores, node ${process.version}, headless Chromium 1440 x 900`);
  for (const [k, v] of results) console.log(`  ${k.padEnd(44)} ${v}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

#!/usr/bin/env node
// The browser half of the hparams benchmark: the HParams dashboard in headless Chromium on
// the sweep of generate.mjs (1,000 sessions x 6 hyperparameters x 3 metrics: 9 columns).
// Prints, for a few page loads against one warm server,
//   - the time from navigation to the page drawn: the table's first rows and all 1,000
//     parallel-coordinates lines on screen (and when the session_groups answer arrived);
// and on the last page:
//   - re-sorting the 1,000 rows by a metric (click to rows re-drawn);
//   - hover latency over the plot (mousemove to the highlighted line and row);
//   - a brush dragged along the learning-rate axis, the table and plots following it on
//     every frame (frame times during the drag, mouse-up to settled);
//   - the DOM it costs (table rows rendered, SVG paths).
//
//   node bench/hparams/browser.mjs [--out DIR] [--loads 3] [--screenshot FILE.png]
//
// Needs a build (`npx -y pnpm@9 run build`), the sweep (`node bench/hparams/generate.mjs`)
// and /usr/bin/chromium.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flag, positiveFlag } from '../support/args.mjs';
import { launchChromium, pct } from '../support/chromium.mjs';
import { startFrameClock, stopFrameClock } from '../support/frames.mjs';
import { startServer } from '../support/server.mjs';
import { DEFAULT_OUT } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const TARGET_DRAWN_MS = 1500;
const TARGET_HOVER_MS = 16;

const out = path.resolve(flag('out', DEFAULT_OUT));
const loads = positiveFlag('loads', 3);
const screenshot = flag('screenshot', '');
const manifestPath = path.join(out, 'MANIFEST.json');
if (!fs.existsSync(manifestPath)) {
  console.error(`no benchmark log root at ${out}: run node bench/hparams/generate.mjs first`);
  process.exit(2);
}
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));


/** In the page: resolves once the table has rows and the plot has `lines` lines (performance.now(), since navigation). */
function whenDrawn(lines) {
  return new Promise((resolve) => {
    const check = () => {
      const rows = document.querySelectorAll('[data-testid^="hparams-row-"]').length;
      const drawn = document.querySelectorAll('.tb-hparams__lines-in path').length;
      if (rows > 0 && drawn >= lines) {
        const answer = performance.getEntriesByType('resource').find((e) => e.name.includes('/session_groups'));
        resolve({ at: performance.now(), dataAt: answer ? answer.responseEnd : NaN, rows, lines: drawn });
      } else requestAnimationFrame(check);
    };
    check();
  });
}

/** In the page: what the page holds in the DOM. */
function counts() {
  return {
    rows: document.querySelectorAll('[data-testid^="hparams-row-"]').length,
    paths: document.querySelectorAll('[data-testid="hparams-parallel"] path').length,
    canvases: document.querySelectorAll('[data-testid="hparams-scatter"] canvas').length,
    nodes: document.getElementsByTagName('*').length,
  };
}

/** In the page: clicks a header `times` times; ms from each click to the first row changing. */
async function sortTimes({ testId, times }) {
  const button = document.querySelector(`[data-testid="${testId}"]`);
  const out = [];
  for (let i = 0; i < times; i++) {
    const before = document.querySelector('[data-testid^="hparams-row-"]')?.getAttribute('data-session');
    const t0 = performance.now();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((resolve) => {
      const check = () => {
        const first = document.querySelector('[data-testid^="hparams-row-"]')?.getAttribute('data-session');
        if (first !== before || performance.now() - t0 > 2000) resolve(undefined);
        else requestAnimationFrame(check);
      };
      check();
    });
    out.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  return out;
}

/**
 * In the page: moves the mouse over the plot between its first two axes; per move, ms
 * from the mousemove to the DOM changing (the highlighted line and row), taken by a
 * MutationObserver.
 */
async function hoverTimes(moves) {
  const svg = document.querySelector('.tb-hparams__pc-svg');
  const lines = [...document.querySelectorAll('[data-testid^="hparams-axis-"] .tb-hparams__axis-line')].slice(0, 2).map((l) => l.getBoundingClientRect());
  const x = (lines[0].left + lines[1].left) / 2;
  const times = [];
  for (let i = 0; i < moves; i++) {
    const y = lines[0].top + ((lines[0].height - 4) * ((i * 37) % moves)) / moves + 2;
    const t0 = performance.now();
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'd'] });
      setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, 200);
    });
    svg.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
    const at = await changed;
    if (at !== null) times.push(at - t0);
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  }
  return times;
}


/**
 * Drags a brush down the lr axis in 40 steps (the table follows on every frame); the
 * frame intervals meanwhile, the session groups left, and mouse-up to the next frame.
 */
async function brush(page) {
  await page.getByTestId('main').evaluate((main) => main.scrollTo(0, 0));
  const line = await page.locator('[data-testid="hparams-axis-hparam:lr"] .tb-hparams__axis-line').boundingBox();
  const x = line.x + line.width / 2;
  await page.mouse.move(x, line.y + 2);
  await page.evaluate(startFrameClock);
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) await page.mouse.move(x, line.y + 2 + (line.height * 0.5 * i) / 40);
  const t0 = Date.now();
  await page.mouse.up();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(undefined)))));
  const upMs = Date.now() - t0;
  const frames = await page.evaluate(stopFrameClock);
  return { frames, upMs, count: await page.getByTestId('hparams-count').textContent() };
}

const ms = (v) => `${Math.round(v)} ms`;
const frameRow = (frames) =>
  `p50 ${pct(frames, 50).toFixed(1)} ms, p95 ${pct(frames, 95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms over ${frames.length} frames`;

async function main() {
  const server = await startServer(out, { plugins: 'hparams,scalars' });
  const context = await launchChromium();
  const drawn = [];
  const dataAt = [];
  let dom = null;
  let sorts = [];
  let hovers = [];
  let brushed = null;
  const errors = [];
  try {
    for (let i = 0; i < loads; i++) {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}#tab=hparams`, { waitUntil: 'commit' });
      const r = await page.evaluate(whenDrawn, manifest.sessions);
      drawn.push(r.at);
      dataAt.push(r.dataAt);
      if (i < loads - 1) {
        await page.close();
        continue;
      }
      await page.evaluate(() => new Promise((res) => setTimeout(res, 300)));
      dom = await page.evaluate(counts);
      if (screenshot) await page.screenshot({ path: path.resolve(screenshot) });
      sorts = await page.evaluate(sortTimes, { testId: 'hparams-sort-metric:hparam/accuracy', times: 6 });
      hovers = await page.evaluate(hoverTimes, 120);
      brushed = await brush(page);
      await page.close();
    }
  } finally {
    await context.close();
    server.stop();
  }
  const rows = [
    ['sweep', `${manifest.sessions.toLocaleString('en-US')} sessions x ${manifest.hparams} hparams x ${manifest.metrics} metrics (${manifest.hparams + manifest.metrics} columns)`],
    ['server load (log root)', ms(server.loadMs)],
    ['page drawn (navigation -> rows + all lines)', `median ${ms(pct(drawn, 50))} of ${drawn.map(ms).join(', ')} (target ${TARGET_DRAWN_MS} ms)`],
    ['  session_groups answered at', `median ${ms(pct(dataAt, 50))}`],
    ['  drawn after the answer (in the page)', `median ${ms(pct(drawn.map((d, i) => d - dataAt[i]), 50))}`],
    ['DOM', `${dom.rows} table rows rendered of ${manifest.sessions}, ${dom.paths} plot paths, ${dom.canvases} scatter plots on canvas, ${dom.nodes.toLocaleString('en-US')} elements`],
    ['sort 1,000 rows (click -> rows re-drawn)', `median ${ms(pct(sorts, 50))}, max ${ms(Math.max(...sorts))} of ${sorts.length}`],
    ['hover over the plot (move -> highlight)', `p50 ${pct(hovers, 50).toFixed(1)} ms, p95 ${pct(hovers, 95).toFixed(1)} ms of ${hovers.length} moves (target ${TARGET_HOVER_MS} ms)`],
    ['brush lr axis, frames while dragging', frameRow(brushed.frames)],
    ['brush lr axis, mouse-up -> settled', `${ms(brushed.upMs)} (two frames); ${brushed.count} shown`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('HParams dashboard in headless Chromium (1440x900, software rendering)');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  if (errors.length) {
    console.log(`page errors:\n  ${errors.join('\n  ')}`);
    process.exitCode = 1;
  }
}

await main();

#!/usr/bin/env node
// The browser half of the graphs benchmark: the Graphs dashboard in headless Chromium on
// the log root of generate.mjs (one run, a GraphDef of ~50,000 nodes with run metadata).
// Prints
//   - time from navigation to the first view drawn (graph_json fetched, scope tree built,
//     laid out, drawn), for a few page loads against one warm server;
//   - opening scopes level by level (double-click on every closed box of a level) until a
//     few thousand boxes are on screen: boxes, edges and layout time per level;
//   - frame times while panning with the mouse, at the first view and with thousands of
//     boxes on screen (a requestAnimationFrame clock during a 60-step drag);
//   - with those thousands of boxes, the time from a click on a box to its trace drawn.
//
//   node bench/graphs/browser.mjs [--out DIR] [--nodes 50000] [--boxes 3000] [--loads 3]
//
// Needs a build (`npx -y pnpm@9 run build`) and /usr/bin/chromium.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flag, positiveFlag } from '../support/args.mjs';
import { launchChromium, pct } from '../support/chromium.mjs';
import { startFrameClock, stopFrameClock } from '../support/frames.mjs';
import { startServer } from '../support/server.mjs';
import { DEFAULT_OUT, generate, PROFILE_TAG, RUN } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const TARGET_FIRST_VIEW_MS = 3000;
const TARGET_FRAME_MS = 33;

const out = String(flag('out', DEFAULT_OUT));
const nodes = positiveFlag('nodes', 50_000);
const targetBoxes = positiveFlag('boxes', 3000);
const loads = positiveFlag('loads', 3);

if (!fs.existsSync(path.join(ROOT, 'packages', 'plugin-graphs', 'dist', 'frontend', 'mf-manifest.json'))) {
  console.error('the Graphs dashboard is not built (packages/plugin-graphs/dist/frontend): run npx -y pnpm@9 run build first');
  process.exit(2);
}


/** In the page: resolves with performance.now() once the explorer has drawn and is idle. */
function whenDrawn() {
  return new Promise((resolve) => {
    const check = () => {
      const explorer = document.querySelector('[data-testid="graph-explorer"]');
      const svg = document.querySelector('[data-testid="graph-svg"]');
      if (explorer?.getAttribute('data-state') === 'ready' && explorer.getAttribute('data-layout-busy') === 'false' && svg?.querySelector('[data-box]')) {
        resolve({ at: performance.now(), layoutMs: Number(explorer.getAttribute('data-layout-ms')), mode: explorer.getAttribute('data-layout-mode') });
      } else requestAnimationFrame(check);
    };
    check();
  });
}

/** In the page: what is on screen. */
function counts() {
  const svg = document.querySelector('[data-testid="graph-svg"]');
  return { boxes: Number(svg.getAttribute('data-boxes')), frames: Number(svg.getAttribute('data-frames')), edges: Number(svg.getAttribute('data-edges')) };
}

/**
 * In the page: double-clicks every closed scope and series box (at most `limit`), as a
 * person opening a level would, and returns how many it opened.
 */
function openLevel(limit) {
  const closed = [...document.querySelectorAll('[data-box][data-expanded="false"]')].slice(0, limit);
  for (const el of closed) el.querySelector('.tb-graph__shape').dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
  return closed.length;
}

/** In the page: resolves once the explorer has drawn one more layout than it had. */
function whenRelaidOut() {
  return new Promise((resolve) => {
    const started = performance.now();
    const explorer = document.querySelector('[data-testid="graph-explorer"]');
    const done = Number(explorer.getAttribute('data-layouts'));
    const check = () => {
      if (Number(explorer.getAttribute('data-layouts')) > done) requestAnimationFrame(() => resolve({ ms: performance.now() - started, layoutMs: Number(explorer.getAttribute('data-layout-ms')) }));
      else requestAnimationFrame(check);
    };
    check();
  });
}

/**
 * In the page: clicks `count` boxes one after another and returns, for each, the time from
 * the click to the next frame after the panel names it (trace computed, drawing updated).
 */
async function selectTimes(count) {
  const boxes = [...document.querySelectorAll('[data-box][data-kind="op"], [data-box][data-expanded="false"]')];
  const times = [];
  for (let i = 0; i < count && boxes.length > 0; i++) {
    const el = boxes[Math.floor((i * 7919) % boxes.length)];
    const id = el.getAttribute('data-box');
    const t0 = performance.now();
    el.querySelector('.tb-graph__shape').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((resolve) => {
      const check = () => (document.querySelector('[data-testid="node-panel"]')?.getAttribute('data-node') === id ? requestAnimationFrame(() => resolve()) : requestAnimationFrame(check));
      check();
    });
    times.push(performance.now() - t0);
  }
  return times;
}


/** Drags the mouse across the drawing in 60 steps; returns the frame intervals meanwhile. */
async function panFrames(page) {
  const box = await page.getByTestId('graph-svg').boundingBox();
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.evaluate(startFrameClock);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(x - 3 * i, y - 2 * i);
  await page.mouse.up();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  return page.evaluate(stopFrameClock);
}

const ms = (v) => `${Math.round(v)} ms`;
const frameRow = (frames) =>
  `p50 ${pct(frames, 50).toFixed(1)} ms, p95 ${pct(frames, 95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms; ` +
  `${Math.round((100 * frames.filter((f) => f > 20).length) / frames.length)}% of ${frames.length} frames over 20 ms`;

async function main() {
  const manifest = generate({ out, nodes });
  const server = await startServer(out, { plugins: 'graphs' });
  const context = await launchChromium();
  const firstViews = [];
  const levels = [];
  let first = null;
  let firstPan = [];
  let bigPan = [];
  let selects = [];
  let jsonBytes = 0;
  let jsonText = 0;
  const errors = [];
  try {
    for (let i = 0; i < loads; i++) {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('requestfinished', (r) => {
        if (r.url().includes('graph_json')) r.sizes().then((s) => (jsonBytes = s.responseBodySize), () => {});
      });
      await page.goto(`${server.url}#tab=graphs`, { waitUntil: 'commit' });
      const drawn = await page.evaluate(whenDrawn);
      firstViews.push(drawn.at);
      first = { ...drawn, ...(await page.evaluate(counts)) };
      if (i < loads - 1) {
        await page.close();
        continue;
      }
      firstPan = await panFrames(page);
      for (let level = 1; level <= 8; level++) {
        const before = await page.evaluate(counts);
        if (before.boxes >= targetBoxes) break;
        const relaid = page.evaluate(whenRelaidOut);
        const opened = await page.evaluate(openLevel, 400);
        if (opened === 0) break;
        const r = await relaid;
        await page.evaluate(() => new Promise((res) => setTimeout(res, 200)));
        levels.push({ level, opened, ...r, ...(await page.evaluate(counts)) });
      }
      await page.getByTestId('graph-fit').click();
      bigPan = await panFrames(page);
      selects = await page.evaluate(selectTimes, 10);
      await page.close();
    }
    const body = await (await fetch(`${server.url}data/plugin/graphs/graph_json?run=${encodeURIComponent(RUN)}&tag=${encodeURIComponent(PROFILE_TAG)}`)).text();
    jsonText = body.length;
  } finally {
    await context.close();
    server.stop();
  }
  const median = pct(firstViews, 50);
  const rows = [
    ['graph', `${manifest.nodes.toLocaleString('en-US')} ops, graph_json ${(jsonText / 1e6).toFixed(1)} MB (${(jsonBytes / 1e6).toFixed(1)} MB over the wire)`],
    ['layout runs in', first.mode],
    ['first view drawn (navigation ->)', `median ${ms(median)} of ${firstViews.map(ms).join(', ')} (target ${TARGET_FIRST_VIEW_MS} ms)`],
    ['first view', `${first.boxes} boxes, ${first.frames} open containers, ${first.edges} edges, layout ${ms(first.layoutMs)}`],
    ['pan, first view', frameRow(firstPan)],
    ...levels.map((l) => [
      `open level ${l.level} (${l.opened} boxes)`,
      `-> ${l.boxes.toLocaleString('en-US')} boxes, ${l.frames} open, ${l.edges.toLocaleString('en-US')} edges; layout ${ms(l.layoutMs)}, drawn after ${ms(l.ms)}`,
    ]),
    [`pan, ${levels.at(-1)?.boxes.toLocaleString('en-US') ?? first.boxes} boxes`, `${frameRow(bigPan)} (target p95 ${TARGET_FRAME_MS} ms)`],
    ['select a box there (trace, panel, redraw)', `median ${ms(pct(selects, 50))}, max ${ms(Math.max(...selects))} of ${selects.length} clicks`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('Graphs dashboard in headless Chromium (1440x900, software rendering)');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  if (errors.length) {
    console.log(`page errors:\n  ${errors.join('\n  ')}`);
    process.exitCode = 1;
  }
}

await main();

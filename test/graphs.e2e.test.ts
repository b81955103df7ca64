/// <reference lib="dom" />
/**
 * The Graphs dashboard in real Chromium on test/corpus/mnist-like (PyTorch's add_graph of
 * a Sequential of Flatten, Linear, ReLU, Linear): the top level drawn as scope boxes with
 * the tensor shapes TensorBoard recorded on its edges, laid out in a Web Worker; a
 * double-click opens a scope and shows its ops; the node panel shows an op's shapes and
 * its inputs and consumers, and the trace highlights them; search opens the scopes above a
 * match, selects it and centres it; keyboard zoom and fit; PNG and SVG downloads.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decode } from 'fast-png';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { CORPUS, ROOT, startServer, type TestServer } from './support/server.js';

const SHOTS = path.join(ROOT, 'test-results');
const RUN = 'adam/train';

/**
 * Each node's `_output_shapes` in TensorBoard's recorded answer of the `graph` route
 * (protobuf text), as the dashboard writes shapes: `1×784`.
 */
function referenceShapes(): Map<string, string[]> {
  const file = path.join(CORPUS, 'reference/mnist-like/graphs/graph', `run=${encodeURIComponent(RUN)}.pbtxt`);
  const shapes = new Map<string, string[]>();
  for (const block of readFileSync(file, 'utf8').split(/^node \{$/m).slice(1)) {
    const name = /^ {2}name: "(.*)"$/m.exec(block)?.[1];
    const list = block.split('key: "_output_shapes"')[1]?.split(/^ {2}attr \{$/m)[0];
    if (!name || !list) continue;
    shapes.set(
      name,
      list
        .split('shape {')
        .slice(1)
        .map((s) => [...s.matchAll(/size: (-?\d+)/g)].map((m) => (m[1] === '-1' ? '?' : m[1])).join('×')),
    );
  }
  return shapes;
}

describe('Graphs in Chromium', () => {
  let server: TestServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const shapes = referenceShapes();
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(['--logdir', path.join(CORPUS, 'mnist-like'), '--reload_interval', '0', '--plugins', 'graphs']);
    await server.whenLoaded();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}#tab=graphs`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const box = (id: string) => page.locator(`[data-box="${id}"]`);
  const explorer = () => page.getByTestId('graph-explorer');
  const settled = () => expect.poll(() => explorer().getAttribute('data-layout-busy')).toBe('false');
  /** The box's centre relative to the stage's centre, in px on screen. */
  async function offCentre(el: Locator): Promise<{ dx: number; dy: number }> {
    const stage = (await page.getByTestId('graph-svg').boundingBox())!;
    const b = (await el.locator('.tb-graph__shape').boundingBox())!;
    return { dx: b.x + b.width / 2 - (stage.x + stage.width / 2), dy: b.y + b.height / 2 - (stage.y + stage.height / 2) };
  }

  it('draws the top level as scope boxes joined by edges with the shapes TensorBoard recorded, laid out in a worker', async () => {
    await expect.poll(() => explorer().getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
    await settled();
    expect(await page.getByTestId('graph-tag').locator('option:checked').textContent()).toBe('Op graph with run metadata: step1');
    expect(await explorer().getAttribute('data-ops')).toBe('12');
    // The layout ran in the Worker the federated remote starts, not on the main thread.
    expect(await explorer().getAttribute('data-layout-mode')).toBe('worker');
    for (const [id, ops] of [['input', '1 op'], ['Sequential', '10 ops'], ['output', '1 op']] as const) {
      await expect.poll(() => box(id).getAttribute('data-kind')).toBe('scope');
      expect(await box(id).getAttribute('data-expanded')).toBe('false');
      expect(await box(id).locator('.tb-graph__sublabel').textContent()).toBe(ops);
      expect(await box(id).isVisible()).toBe(true);
    }
    const labels = await page.locator('.tb-graph__edge-label').allTextContents();
    expect(labels.sort()).toEqual([shapes.get('input/input.1')![0], shapes.get('Sequential/Linear[3]/55')![0]].sort());
    expect(labels).toContain('1×1×28×28');
    // Hovering an edge tells its tensor, dtype-less as PyTorch records it.
    const line = (await page.locator('[data-from="input"][data-to="Sequential"] .tb-graph__edge-line').boundingBox())!;
    await page.mouse.move(line.x + line.width / 2, line.y + line.height / 2);
    const hover = page.getByTestId('graph-hover');
    await expect.poll(() => hover.textContent()).toBe(`input → Sequential1 tensorinput/input.1:0: ${shapes.get('input/input.1')![0]}`);
    await page.mouse.move(0, 0);
    // Inputs flow down: input above Sequential above output.
    const y = async (id: string) => (await box(id).boundingBox())!.y;
    expect(await y('input')).toBeLessThan(await y('Sequential'));
    expect(await y('Sequential')).toBeLessThan(await y('output'));
    await page.screenshot({ path: path.join(SHOTS, 'graphs-overview.png') });
  });

  it('a double-click opens a scope and shows what it holds; the - button closes it again', async () => {
    await box('Sequential').dblclick();
    await expect.poll(() => box('Sequential').getAttribute('data-expanded')).toBe('true');
    for (const id of ['Flatten[0]', 'Linear[1]', 'ReLU[2]', 'Linear[3]']) await box(`Sequential/${id}`).waitFor();
    await settled();
    await box('Sequential/Linear[1]').dblclick();
    const op = box('Sequential/Linear[1]/input.5');
    await op.waitFor();
    await settled();
    expect(await op.getAttribute('data-kind')).toBe('op');
    expect(await op.textContent()).toBe('input.5');
    expect(await op.isVisible()).toBe(true);
    // Its weight and bias are scopes of their own, drawn inside Linear[1].
    const frame = (await box('Sequential/Linear[1]').locator('.tb-graph__frame-body').boundingBox())!;
    const inner = (await op.boundingBox())!;
    expect(inner.x).toBeGreaterThan(frame.x);
    expect(inner.y + inner.height).toBeLessThan(frame.y + frame.height);
    expect(await box('Sequential/Linear[1]/weight').getAttribute('data-kind')).toBe('scope');
    // The Linear[1] -> ReLU[2] edge carries the linear's output shape.
    const relu = page.locator('[data-from="Sequential/Linear[1]"][data-to="Sequential/ReLU[2]"]');
    expect(await relu.locator('.tb-graph__edge-label').textContent()).toBe(shapes.get('Sequential/Linear[1]/input.5')![0]);
    await page.screenshot({ path: path.join(SHOTS, 'graphs-expanded.png') });

    await page.locator('[data-toggle="Sequential/Linear[1]"]').click();
    await expect.poll(() => box('Sequential/Linear[1]').getAttribute('data-expanded')).toBe('false');
    expect(await op.count()).toBe(0);
    await settled();
    await page.locator('[data-toggle="Sequential/Linear[1]"]').click();
    await op.waitFor();
    await settled();
  });

  it('the node panel shows an op\'s type and shapes, its inputs and consumers, and the trace lights them up', async () => {
    await box('Sequential/Linear[1]/input.5').click();
    const panel = page.getByTestId('node-panel');
    await expect.poll(() => panel.getAttribute('data-node')).toBe('Sequential/Linear[1]/input.5');
    expect(await panel.getByTestId('panel-title').textContent()).toBe('input.5');
    expect(await panel.textContent()).toContain('aten::linear');
    expect(await panel.getByTestId('panel-output-shape').allTextContents()).toEqual([`:0${shapes.get('Sequential/Linear[1]/input.5')![0]}`]);
    const inputs = await panel.getByTestId('panel-inputs').locator('li').allTextContents();
    expect(inputs[0]).toBe(`Sequential/Flatten[0]/input.3${shapes.get('Sequential/Flatten[0]/input.3')![0]}`);
    expect(inputs.slice(1).map((t) => t.replace(/\?$/, ''))).toEqual(['Sequential/Linear[1]/weight/weight.1', 'Sequential/Linear[1]/bias/bias.1']);
    expect(await panel.getByTestId('panel-consumers').locator('li').allTextContents()).toEqual([`Sequential/ReLU[2]/input:0 ${shapes.get('Sequential/Linear[1]/input.5')![0]}`]);
    expect(await page.getByTestId('graph-breadcrumb').textContent()).toBe('Graph›Sequential›Linear[1]›input.5');
    // The trace: what feeds it (the collapsed Flatten[0], its weight and bias) and what it feeds.
    const classes = async (id: string) => (await box(id).getAttribute('class')) ?? '';
    expect(await classes('Sequential/Linear[1]/input.5')).toContain('tb-graph__node--selected');
    for (const id of ['Sequential/Flatten[0]', 'Sequential/Linear[1]/weight', 'Sequential/Linear[1]/bias']) expect(await classes(id)).toContain('tb-graph__node--input');
    expect(await classes('Sequential/ReLU[2]')).toContain('tb-graph__node--output');
    expect(await classes('input')).toContain('tb-graph__node--dim');
    expect(await page.locator('.tb-graph__edge--traced').count()).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: path.join(SHOTS, 'graphs-node-panel.png') });

    // A link in the panel selects that op and reveals it.
    await panel.getByTestId('panel-inputs').getByRole('button', { name: 'Sequential/Flatten[0]/input.3' }).click();
    await box('Sequential/Flatten[0]/input.3').waitFor();
    await expect.poll(() => panel.getAttribute('data-node')).toBe('Sequential/Flatten[0]/input.3');
    expect(await box('Sequential/Flatten[0]').getAttribute('data-expanded')).toBe('true');
  });

  it('search opens the scopes above a match, selects it and centres it', async () => {
    await page.getByTestId('graph-collapse-all').click();
    await expect.poll(() => box('Sequential').getAttribute('data-expanded')).toBe('false');
    await settled();
    const search = page.getByTestId('graph-search');
    await search.fill('relu\\[2\\]/inp');
    const hits = page.getByTestId('graph-search-hit');
    await expect.poll(() => hits.count()).toBe(1);
    expect(await hits.first().textContent()).toBe('Sequential/ReLU[2]/inputaten::relu');
    await search.press('Enter');
    const found = box('Sequential/ReLU[2]/input');
    await found.waitFor();
    await settled();
    await expect.poll(async () => (await found.getAttribute('class')) ?? '').toContain('tb-graph__node--selected');
    expect(await box('Sequential').getAttribute('data-expanded')).toBe('true');
    expect(await box('Sequential/ReLU[2]').getAttribute('data-expanded')).toBe('true');
    // Only the path to the match opened.
    expect(await box('Sequential/Linear[1]').getAttribute('data-expanded')).toBe('false');
    await expect.poll(async () => Math.hypot(...Object.values(await offCentre(found)))).toBeLessThan(3);
    expect(await page.getByTestId('node-panel').getAttribute('data-node')).toBe('Sequential/ReLU[2]/input');
    await page.screenshot({ path: path.join(SHOTS, 'graphs-search.png') });

    // An invalid pattern says why instead of failing.
    await search.fill('relu[');
    await expect.poll(() => page.getByTestId('graph-search-error').textContent()).toMatch(/Invalid regular expression/);
    await search.fill('');
  });

  it('zooms and pans with the keyboard, and 0 fits the graph to the screen', async () => {
    const svg = page.getByTestId('graph-svg');
    await page.getByTestId('graph-canvas').focus();
    const scale = async () => Number(await svg.getAttribute('data-scale'));
    const before = await scale();
    await page.keyboard.press('+');
    await expect.poll(scale).toBeCloseTo(before * 1.25, 2);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(scale).toBeCloseTo(before * 0.8, 2);
    const at = (await box('Sequential').boundingBox())!;
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await box('Sequential').boundingBox())!.x).toBeCloseTo(at.x + 80, 0);
    await page.keyboard.press('0');
    // Fitted: every box inside the view.
    const view = (await svg.boundingBox())!;
    for (const id of ['input', 'output', 'Sequential']) {
      const b = (await box(id).boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(view.x);
      expect(b.y).toBeGreaterThanOrEqual(view.y);
      expect(b.x + b.width).toBeLessThanOrEqual(view.x + view.width);
      expect(b.y + b.height).toBeLessThanOrEqual(view.y + view.height);
    }
  });

  it('downloads the view as a PNG and as an SVG that stands alone', async () => {
    const take = async (label: string) => {
      await page.getByTestId('graph-download').getByRole('button', { name: 'Download the view' }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: label }).click()]);
      return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
    };
    const png = await take('PNG image of the view');
    expect(png.name).toBe('adam_train-graph.png');
    const image = decode(png.bytes);
    const view = (await page.getByTestId('graph-svg').boundingBox())!;
    expect(image.width).toBe(Math.round(view.width * 2));
    // Not blank: the boxes' colours are in it.
    const colours = new Set<number>();
    for (let i = 0; i < image.data.length; i += image.channels * 97) colours.add((image.data[i]! << 16) | (image.data[i + 1]! << 8) | image.data[i + 2]!);
    expect(colours.size).toBeGreaterThan(5);
    const svg = await take('SVG image of the view');
    expect(svg.name).toBe('adam_train-graph.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain('>Sequential<');
    // Styles are written on the elements, with no var(--…) left for a viewer to resolve.
    expect(text).not.toContain('var(--');
    expect(errors).toEqual([]);
  });
});

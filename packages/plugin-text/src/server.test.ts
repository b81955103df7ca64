/**
 * The routes over a log root written here by @tb/writer and over series put in memory:
 * tags in the order written, each step's text, markdown off, sampling, TensorBoard's
 * answers to an unknown run or tag and to plugin data too new to read, and what a bad
 * request gets.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { memoryLogger } from '@tb/core/events';
import type { TensorValue } from '@tb/core/plugin';
import { hostPlugin, loadLogRoot, MemoryProvider, type LoadedLogRoot, type TestApp } from '@tb/core/testing';
import { SummaryWriter } from '@tb/writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from './index.js';

interface Entry {
  readonly wall_time: number;
  readonly step: number;
  readonly text: string;
}

/** A root note, and per-run notes at three steps, as a training script writes them. */
async function writeRoot(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-text-'));
  const root = new SummaryWriter(dir);
  root.addText('demo/about', '# About\n\n| run | what |\n| --- | --- |\n| `adam` | the *fast* one |', 0, 1_700_000_000);
  await root.close();
  const adam = new SummaryWriter(path.join(dir, 'adam'));
  for (const step of [0, 10, 20]) adam.addText('notes', `### Epoch ${step}\nloss **${(1 / (step + 1)).toFixed(3)}** <script>alert(${step})</script>`, step, 1_700_000_000 + step);
  adam.addText('about', 'plain', 0, 1_700_000_000);
  await adam.close();
  return dir;
}

describe('text routes on a written log root', () => {
  let mux: LoadedLogRoot;
  let app: TestApp;
  beforeAll(async () => {
    mux = await loadLogRoot(await writeRoot());
    app = hostPlugin(plugin, mux.provider);
  });
  afterAll(() => mux.close());
  const get = (u: string) => app.request(`/data/plugin/text/${u}`);

  it('lists every run with text and its tags, in the order written', async () => {
    expect(await (await get('tags')).json()).toEqual({ '.': ['demo/about'], adam: ['notes', 'about'] });
  });

  it('answers each step with its wall time and the markdown as safe HTML', async () => {
    const entries = (await (await get('text?run=adam&tag=notes')).json()) as Entry[];
    expect(entries.map((e) => [e.step, e.wall_time])).toEqual([[0, 1_700_000_000], [10, 1_700_000_010], [20, 1_700_000_020]]);
    expect(entries[1]!.text).toBe('<h3>Epoch 10</h3>\n<p>loss <strong>0.091</strong> &lt;script&gt;alert(10)&lt;/script&gt;</p>');
    const about = (await (await get('text?run=.&tag=demo%2Fabout')).json()) as Entry[];
    expect(about[0]!.text).toBe(
      '<h1>About</h1>\n<table>\n<thead>\n<tr>\n<th>run</th>\n<th>what</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><code>adam</code></td>\n<td>the <em>fast</em> one</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  it('markdown=false shows the text as written, only sanitized; any other value keeps markdown on', async () => {
    const plain = (await (await get('text?run=adam&tag=notes&markdown=false')).json()) as Entry[];
    expect(plain[0]!.text).toBe('### Epoch 0\nloss **1.000** &lt;script&gt;alert(0)&lt;/script&gt;');
    const on = (await (await get('text?run=adam&tag=notes&markdown=no')).json()) as Entry[];
    expect(on[0]!.text).toMatch(/^<h3>/);
  });

  it('answers [] for a run or tag it does not have, as TensorBoard does', async () => {
    for (const q of ['run=nope&tag=notes', 'run=adam&tag=nope', 'run=adam&tag=']) {
      const res = await get(`text?${q}`);
      expect(res.status, q).toBe(200);
      expect(await res.json(), q).toEqual([]);
    }
  });

  it('refuses a missing or repeated run or tag with a 400 naming it', async () => {
    for (const [q, name] of [['tag=notes', 'run'], ['run=adam', 'tag'], ['run=adam&run=b&tag=notes', 'run'], ['run=adam&tag=notes&markdown=false&markdown=true', 'markdown']] as const) {
      const res = await get(`text?${q}`);
      expect(res.status, q).toBe(400);
      expect(JSON.stringify(await res.json()), q).toContain(name);
    }
  });
});

/** `TextPluginData { version }` as bytes (field 1, a varint). */
const textPluginData = (version: number) => Uint8Array.of(0x08, version);

const strings = (shape: number[], values: string[]): TensorValue => ({ dtype: 'string', shape, strings: values.map((v) => new TextEncoder().encode(v)), numbers: new Float64Array(0) });

describe('text routes over series put in memory', () => {
  it('shows tables of vectors and matrices and warns above a slice of rank 3', async () => {
    const data = new MemoryProvider()
      .addTensors('r', 'vector', [{ step: 1, wallTime: 5, value: strings([2], ['*a*', 'b']) }], { pluginName: 'text' })
      .addTensors('r', 'cube', [{ step: 2, wallTime: 6, value: strings([2, 1, 2], ['a', 'b', 'c', 'd']) }], { pluginName: 'text' });
    const app = hostPlugin(plugin, data);
    const [vector] = await app.json<Entry[]>('/data/plugin/text/text?run=r&tag=vector');
    expect(vector).toEqual({ wall_time: 5, step: 1, text: '<table>\n<tbody>\n<tr>\n<td><p><em>a</em></p></td>\n</tr>\n<tr>\n<td><p>b</p></td>\n</tr>\n</tbody>\n</table>' });
    const [cube] = await app.json<Entry[]>('/data/plugin/text/text?run=r&tag=cube');
    expect(cube!.text).toMatch(/^<p><strong>Warning:<\/strong> This text summary contained data of dimensionality 3, .*<\/p><table>\n<tbody>\n<tr>\n<td><p>a<\/p><\/td>\n<td><p>b<\/p><\/td>\n<\/tr>\n<\/tbody>\n<\/table>$/);
  });

  it('leaves out tags of a plugin data version it does not know, keeping the run, and warns once', async () => {
    const logger = memoryLogger();
    const data = new MemoryProvider()
      .addTensors('r', 'old', [{ step: 0, wallTime: 1, value: strings([], ['x']) }], { pluginName: 'text', pluginContent: new TextEncoder().encode('{}') })
      .addTensors('r', 'v0', [{ step: 0, wallTime: 1, value: strings([], ['x']) }], { pluginName: 'text', pluginContent: textPluginData(0) })
      .addTensors('r', 'future', [{ step: 0, wallTime: 1, value: strings([], ['x']) }], { pluginName: 'text', pluginContent: textPluginData(1) })
      .addTensors('s', 'future', [{ step: 0, wallTime: 1, value: strings([], ['x']) }], { pluginName: 'text', pluginContent: textPluginData(7) });
    const app = hostPlugin(plugin, data, { logger });
    expect(await app.json('/data/plugin/text/tags')).toEqual({ r: ['old', 'v0'], s: [] });
    await app.json('/data/plugin/text/tags');
    const warnings = logger.lines.filter((l) => l.level === 'warn' && l.message.includes('left out')).map((l) => l.message);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('run "r", tag "future" is left out: data version 1');
  });

  it('keeps the last 100 steps by default, as TensorBoard; --samples_per_plugin text=N or all changes it', async () => {
    const points = Array.from({ length: 150 }, (_, step) => ({ step, wallTime: step, value: strings([], [`s${step}`]) }));
    const data = new MemoryProvider().addTensors('r', 't', points, { pluginName: 'text' });
    const steps = async (flags: Record<string, number>) =>
      (await hostPlugin(plugin, data, { flags: { samplesPerPlugin: flags } }).json<Entry[]>('/data/plugin/text/text?run=r&tag=t')).map((e) => e.step);
    const byDefault = await steps({});
    expect(byDefault).toHaveLength(100);
    expect(byDefault.at(-1)).toBe(149);
    expect(await steps({ text: 5 })).toHaveLength(5);
    expect(await steps({ text: 0 })).toHaveLength(150);
  });
});

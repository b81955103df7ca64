/**
 * Runs every example of docs/plugins.md: the plugins through hostPlugin on a
 * MemoryProvider, a DataProvider of our own through the conformance suite, the
 * dashboard's type-check (its own test is frontend/Dashboard.test.tsx), and discovery's
 * version check.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostPlugin, MemoryProvider } from '@tb/core/testing';
import { describeDataProvider, type ConformanceFixture } from '@tb/core/testing/conformance';
import type { TensorValue } from '@tb/core/plugin';
import { describe, expect, it } from 'vitest';
import { discoverPlugins } from '../../packages/core/src/plugins/discovery.js';
import contract, { noteCount, notes } from './contract.js';
import { overview } from './data-provider.js';
import { countingProvider } from './provider.js';
import status, { ClockToken } from './tokens.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

const text = (s: string): TensorValue => ({ dtype: 'string', shape: [], numbers: new Float64Array(), strings: [new TextEncoder().encode(s)] });

function notesData(): MemoryProvider {
  return new MemoryProvider()
    .addTensors('a', 'readme', [{ step: 0, wallTime: 1, value: text('first') }, { step: 3, wallTime: 2, value: text('# Hello') }], { pluginName: 'text' })
    .addTensors('b', 'readme', [{ step: 0, wallTime: 1, value: text('b') }], { pluginName: 'text' })
    .addTensors('b', 'about', [{ step: 0, wallTime: 1, value: text('about b') }], { pluginName: 'text' })
    .addFile('b/notes.txt', 'plain notes');
}

describe('contract.ts: routes as data, schemas, replies, errors, aliases, two plugins', () => {
  const app = hostPlugin(contract, notesData());

  it('answers JSON, under its id and its alias', async () => {
    expect(await app.json('/data/plugin/notes/tags')).toEqual({ a: ['readme'], b: ['about', 'readme'] });
    expect(await app.json('/data/plugin/notes_v1/tags')).toEqual({ a: ['readme'], b: ['about', 'readme'] });
    expect(await app.json('/data/plugin/notes/note?run=a&tag=readme')).toEqual({ step: 3, text: '# Hello' });
  });

  it('answers text and bytes with their content types', async () => {
    const t = await app.request('/data/plugin/notes/note?run=a&tag=readme&format=text');
    expect(t.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await t.text()).toBe('# Hello');
    const b = await app.request('/data/plugin/notes/file?path=b/notes.txt');
    expect(b.headers.get('cache-control')).toBe('max-age=60');
    expect(await b.text()).toBe('plain notes');
  });

  it('reads a form body through its schema', async () => {
    const res = await app.request('/data/plugin/notes/search', { method: 'POST', body: new URLSearchParams({ pattern: '^ab' }) });
    expect(await res.json()).toEqual([{ run: 'b', tag: 'about' }]);
  });

  it('turns bad input and thrown errors into answers that name the plugin', async () => {
    const missing = await app.request('/data/plugin/notes/note?tag=readme');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: { status: 400, message: 'run is required (e.g. ?run=...), found none', plugin: 'notes' } });
    const format = await app.request('/data/plugin/notes/note?run=a&tag=readme&format=xml');
    expect(format.status).toBe(400);
    const absent = await app.request('/data/plugin/notes/note?run=a&tag=nope');
    expect(await absent.json()).toEqual({ error: { status: 404, message: 'no note "nope" in run "a"', plugin: 'notes' } });
    const bad = await app.request('/data/plugin/notes/file?path=b/x.bin');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('path should end in .txt, found \\"b/x.bin\\"');
  });

  it('makes each plugin of the package a tab', async () => {
    expect(contract).toEqual([notes, noteCount]);
    expect(await app.json('/data/plugin/note_count/count')).toEqual({ count: 3 });
    const listing = await app.json<Record<string, { tab_name: string }>>('/data/plugins_listing');
    expect(Object.fromEntries(Object.entries(listing).map(([id, p]) => [id, p.tab_name]))).toEqual({ notes: 'Notes', note_count: 'Note count' });
  });
});

describe('tokens.ts: core tokens and a custom one', () => {
  it('gets exactly the services it names, the custom one from the host', async () => {
    const app = hostPlugin(status, new MemoryProvider().addScalars('a', 'loss', [{ step: 0, wallTime: 1, value: 1 }]), {
      services: [[ClockToken, { now: () => 42 }]],
      flags: { logdir: '/runs', pathPrefix: '/tb' },
    });
    expect(await app.json('/data/plugin/status/status')).toEqual({ logdir: '/runs', pathPrefix: '/tb', runs: 1, computed: 11, at: 42 });
  });

  it('refuses to start without a service it needs, naming the token', () => {
    expect(() => hostPlugin(status, new MemoryProvider())).toThrow(/@acme\/tb-plugin-status:Clock/);
  });
});

describe('data-provider.ts: every method, and downsampling', () => {
  const points = Array.from({ length: 1000 }, (_, step) => ({ step, wallTime: step, value: step }));
  const data = new MemoryProvider()
    .addScalars('a', 'loss', points)
    .addScalars('b', 'loss', points.slice(0, 10))
    .addTensors('a', 'readme', [{ step: 0, wallTime: 1, value: text('hi') }], { pluginName: 'text' })
    .addBlobSequences('a', 'digits', [{ step: 0, wallTime: 1, blobs: ['2', '1', Uint8Array.of(1, 2, 3)] }], { pluginName: 'images' })
    .addFile('a/meta.tsv', 'x\ty\n');

  it('reads a little of everything', async () => {
    expect(await overview(data, 100)).toEqual({
      runs: ['a', 'b'],
      pluginNames: ['images', 'scalars', 'text'],
      scalars: { a: { loss: { points: 100, lastStep: 999 } }, b: { loss: { points: 10, lastStep: 9 } } },
      tensors: 1,
      firstImageBytes: 1,
      files: ['a/meta.tsv'],
      firstFile: 'x\ty\n',
    });
  });

  it('downsamples deterministically, in order, keeping the last point', () => {
    const one = data.readScalars('scalars', 'a', 'loss', { downsample: 50 })!;
    const two = data.readScalars('scalars', 'a', 'loss', { downsample: 50 })!;
    expect([...one.step]).toEqual([...two.step]);
    expect(one.step.length).toBe(50);
    expect([...one.step]).toEqual([...one.step].sort((x, y) => x - y));
    expect(one.step[49]).toBe(999);
  });

  it('keys by (run, tag, plugin): a scalars tag is not a text tag', () => {
    expect(data.readScalars('text', 'a', 'loss', { downsample: 10 })).toBeUndefined();
    expect(data.readTensors('text', 'a', 'readme', { downsample: 10 })).toHaveLength(1);
  });
});

// provider.ts: a DataProvider of our own, held to the contract.
describeDataProvider('countingProvider over a MemoryProvider', async (fixture: ConformanceFixture) => {
  const data = new MemoryProvider();
  for (const [run, tags] of Object.entries(fixture.scalars)) for (const [tag, pts] of Object.entries(tags)) data.addScalars(run, tag, pts);
  for (const [run, tags] of Object.entries(fixture.images)) {
    for (const [tag, images] of Object.entries(tags)) {
      data.addBlobSequences(run, tag, images.map((im) => ({ step: im.step, wallTime: im.wallTime, blobs: [String(im.width), String(im.height), im.encoded] })), { pluginName: 'images' });
    }
  }
  for (const [file, contents] of Object.entries(fixture.files)) data.addFile(file, contents);
  return { provider: countingProvider(data) };
});

describe('frontend/: the dashboard example (its test: frontend/Dashboard.test.tsx)', () => {
  it('type-checks against @tb/ui (its own tsconfig: DOM, Preact JSX)', () => {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(HERE, 'frontend/tsconfig.json')], { cwd: ROOT, stdio: 'pipe' });
  }, 60_000);
});

describe('plugin-package.json: versioning against @tb/core', () => {
  it('is skipped, with a message naming both versions, by a core outside its range', async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'tb-docs-versions-'));
    try {
      const pkgDir = path.join(base, 'node_modules/@acme/tb-plugin-notes');
      mkdirSync(path.join(pkgDir, 'dist'), { recursive: true });
      cpSync(path.join(HERE, 'plugin-package.json'), path.join(pkgDir, 'package.json'));
      writeFileSync(path.join(pkgDir, 'dist/index.js'), `export { default } from ${JSON.stringify(path.join(HERE, 'contract.ts'))};\n`);
      const old = await discoverPlugins([path.join(base, 'node_modules')], '0.2.0');
      expect(old.found).toEqual([]);
      expect(old.skipped).toEqual([{ packageName: '@acme/tb-plugin-notes', reason: '@acme/tb-plugin-notes@1.2.0 needs @tb/core ^0.1.0, but this is @tb/core 0.2.0; skipped' }]);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});

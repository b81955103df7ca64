import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isDemoComplete } from './demo-cache.js';
import type { DemoModule } from './demo-module.js';
import { demoCommand, demoHelp, parseDemoFlags } from './demo.js';
import { FlagError } from './flag-error.js';

/** A stand-in for @tb/demo that writes one file and reports, so no training runs. */
function fakeDemo(calls: { logdir: string; backend: string }[]): (specifier: string) => Promise<DemoModule> {
  return async (specifier) => {
    expect(specifier).toBe('@tb/demo');
    return {
      async writeDemo(logdir, o) {
        calls.push({ logdir, backend: o.backend });
        o.log('training with tfjs on cpu');
        mkdirSync(logdir, { recursive: true });
        writeFileSync(path.join(logdir, 'events.out.tfevents.1'), 'x');
        return { seconds: 1.25, runs: ['adam/train', '.'], validationAccuracy: { adam: 0.9, sgd: 0.875 } };
      },
    };
  };
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'tb-demo-cmd-'));

describe('parseDemoFlags', () => {
  it('defaults to the cache folder and the best backend', () => {
    expect(parseDemoFlags([])).toEqual({ logdir: undefined, computeBackend: 'auto' });
  });

  it('reads both flags in either form; the last of a repeated one wins', () => {
    expect(parseDemoFlags(['--logdir=out', '--compute_backend', 'wasm'])).toEqual({ logdir: 'out', computeBackend: 'wasm' });
    expect(parseDemoFlags(['--logdir', 'a', '--logdir', 'b', '--compute_backend=cpu'])).toEqual({ logdir: 'b', computeBackend: 'cpu' });
  });

  it.each([
    [['--port', '1'], /^unknown flag --port; see tb-core demo --help$/],
    [['--logdir'], /^--logdir needs a value \(DIR\)$/],
    [['--logdir', '--compute_backend', 'cpu'], /^--logdir needs a value \(DIR\), found the flag --compute_backend/],
    [['--compute_backend=webgl'], /^--compute_backend: compute backend should be auto, tfjs-node-gpu, tfjs-node, wasm, cpu; found 'webgl'$/],
    [['out'], /^unexpected argument 'out' for tb-core demo/],
    [['--help=yes'], /^--help takes no value, found 'yes'$/],
  ])('refuses %j saying why', (args, message) => {
    expect(() => parseDemoFlags(args)).toThrow(FlagError);
    expect(() => parseDemoFlags(args)).toThrow(message);
  });
});

describe('demoHelp', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('lists the flags, the package it needs and the cache folder', () => {
    vi.stubEnv('TB_CORE_DEMO_DIR', '/somewhere/demo');
    const help = demoHelp();
    for (const flag of ['--logdir DIR', '--compute_backend NAME', '--help']) expect(help).toContain(flag);
    expect(help).toContain('npm i @tb/demo');
    expect(help).toContain('The cache folder: /somewhere/demo');
  });
});

describe('demoCommand', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('writes into --logdir with the backend asked for, then says how to serve it', async () => {
    const logdir = path.join(tmp(), 'new');
    const calls: { logdir: string; backend: string }[] = [];
    const lines: string[] = [];
    expect(await demoCommand(['--logdir', logdir, '--compute_backend', 'cpu'], (l) => lines.push(l), fakeDemo(calls))).toBe(0);
    expect(calls).toEqual([{ logdir, backend: 'cpu' }]);
    expect(lines).toEqual([
      'demo: training with tfjs on cpu',
      'demo: wrote 2 runs in 1.3 s (validation accuracy: adam 90.0%, sgd 87.5%)',
      `serve them with: tb-core serve --logdir ${logdir}`,
    ]);
  });

  it('without --logdir, rewrites the cache folder and swaps it in complete', async () => {
    const dir = path.join(tmp(), 'cache');
    vi.stubEnv('TB_CORE_DEMO_DIR', dir);
    const calls: { logdir: string; backend: string }[] = [];
    const lines: string[] = [];
    expect(await demoCommand([], (l) => lines.push(l), fakeDemo(calls))).toBe(0);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.logdir).not.toBe(dir);
    expect(isDemoComplete(dir)).toBe(true);
    expect(readdirSync(dir)).toContain('events.out.tfevents.1');
    expect(lines.at(-1)).toBe(`serve them with: tb-core serve --logdir ${dir}`);
  });

  it('refuses a --logdir that holds files before loading anything', async () => {
    const full = tmp();
    writeFileSync(path.join(full, 'keep.txt'), 'mine');
    const importer = vi.fn();
    await expect(demoCommand(['--logdir', full], () => {}, importer)).rejects.toThrow(
      new FlagError(`--logdir ${full} already holds files; give a new or empty directory`),
    );
    expect(importer).not.toHaveBeenCalled();
  });

  it('says what to install when @tb/demo is missing', async () => {
    const missing = async (specifier: string) => {
      throw Object.assign(new Error(`Cannot find package '${specifier}' imported from /x.js`), { code: 'ERR_MODULE_NOT_FOUND' });
    };
    await expect(demoCommand(['--logdir', path.join(tmp(), 'new')], () => {}, missing)).rejects.toThrow(
      /^the demo command needs the @tb\/demo package, which is not installed: install it beside @tb\/core with `npm i @tb\/demo`\. Your own logs need no demo: tb-core serve --logdir DIR$/,
    );
  });
});

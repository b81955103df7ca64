import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseBackend, parseBackend, reasonOf } from './backend.js';
import { hasCudaGpu } from './gpu.js';

/** An importer where the named specifiers fail as a missing native addon does, and the rest load for real. */
function failing(...specifiers: string[]) {
  const seen: string[] = [];
  const importer = async (s: string) => {
    seen.push(s);
    if (specifiers.includes(s)) throw new Error(`The Node.js native addon module (tfjs_binding.node) can not be found (${s})\nstack...`);
    return import(s);
  };
  return { importer, seen };
}

describe('chooseBackend', () => {
  it('passes over tfjs-node-gpu without a CUDA GPU and tfjs-node when its addon is missing, and runs on wasm', async () => {
    const { importer, seen } = failing('@tensorflow/tfjs-node');
    const { tf, info } = await chooseBackend({ importer, cudaGpu: () => false });
    expect(info.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(info.skipped).toEqual([
      { backend: 'tfjs-node-gpu', reason: 'no CUDA GPU found' },
      {
        backend: 'tfjs-node',
        reason: 'installed without its native addon (its installer could not download libtensorflow); reinstall @tensorflow/tfjs-node where that host is reachable',
      },
    ]);
    expect(seen).not.toContain('@tensorflow/tfjs-node-gpu');
  });

  it('tries tfjs-node-gpu first where a GPU is present', async () => {
    const { importer, seen } = failing('@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node');
    const { info } = await chooseBackend({ importer, cudaGpu: () => true });
    expect(seen.slice(0, 2)).toEqual(['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']);
    expect(info.skipped.map((s) => s.backend)).toEqual(['tfjs-node-gpu', 'tfjs-node']);
  });

  it('falls back to the CPU backend when wasm cannot load', async () => {
    const { importer } = failing('@tensorflow/tfjs-node', '@tensorflow/tfjs-backend-wasm');
    const { tf, info } = await chooseBackend({ importer, cudaGpu: () => false });
    expect(info.backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(info.skipped.map((s) => s.backend)).toEqual(['tfjs-node-gpu', 'tfjs-node', 'wasm']);
  });

  it('starts the order at a preferred backend', async () => {
    const { info } = await chooseBackend({ prefer: 'cpu' });
    expect(info).toEqual({ backend: 'cpu', skipped: [] });
  });

  it('says what failed when nothing loads', async () => {
    const { importer } = failing('@tensorflow/tfjs');
    await expect(chooseBackend({ importer, prefer: 'wasm' })).rejects.toThrow(/no tfjs backend could be loaded: wasm: .*; cpu: /);
  });
});

describe('reasonOf', () => {
  it('says a missing tfjs-node package is not installed, with the command that adds it, in one line', async () => {
    const missing = await import('@tensorflow/tfjs-node-gpu-not-here' as string).catch((e: unknown) => e);
    expect(reasonOf('tfjs-node-gpu', missing)).toBe('not installed (on a CUDA machine: pnpm add @tensorflow/tfjs-node-gpu)');
    const err = Object.assign(new Error("Cannot find package '@tensorflow/tfjs-node' imported from /x/worker.js\n    at ..."), { code: 'ERR_MODULE_NOT_FOUND' });
    expect(reasonOf('tfjs-node', err)).toBe('not installed (for native CPU speed: pnpm add @tensorflow/tfjs-node)');
  });

  it('keeps other failures as their first line', () => {
    expect(reasonOf('wasm', new Error('wasm fetch failed\nstack'))).toBe('wasm fetch failed');
  });
});

describe('parseBackend', () => {
  it('accepts auto and the four backends', () => {
    for (const name of ['auto', 'tfjs-node-gpu', 'tfjs-node', 'wasm', 'cpu']) expect(parseBackend(name)).toBe(name);
    expect(() => parseBackend('gpu')).toThrow(RangeError);
  });
});

describe('hasCudaGpu', () => {
  it('reads the NVIDIA driver directory', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-gpu-'));
    const gpus = path.join(dir, 'gpus');
    expect(hasCudaGpu(gpus)).toBe(false);
    mkdirSync(gpus);
    expect(hasCudaGpu(gpus)).toBe(false);
    mkdirSync(path.join(gpus, '0000:3b:00.0'));
    writeFileSync(path.join(gpus, '0000:3b:00.0', 'information'), 'Model: Tesla V100');
    expect(hasCudaGpu(gpus)).toBe(true);
  });
});

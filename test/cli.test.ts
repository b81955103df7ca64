/**
 * The `tb-core` command as a user runs it: the built CLI, as a child process, on the
 * real corpus.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'packages/core/bin/tb-core.js');
const MNIST = path.resolve(ROOT, 'test/corpus/mnist-like');

function run(args: string[]): { child: ChildProcess; out: () => string; err: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exit };
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('tb-core', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
    child = undefined;
  });

  it('--version and --help', async () => {
    const v = run(['--version']);
    expect(await v.exit).toBe(0);
    expect(v.out().trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = run(['--help']);
    expect(await h.exit).toBe(0);
    expect(h.out()).toContain('serve');
    expect(h.out()).toContain('--logdir_spec');
  });

  it('serve prints the URL to open, serves the runs, and stops cleanly on Ctrl-C', async () => {
    const s = run(['serve', '--logdir', MNIST, '--port', '0']);
    child = s.child;
    await until(() => /at (http:\/\/\S+)/.test(s.out()));
    const url = /at (http:\/\/\S+)/.exec(s.out())![1]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await until(() => s.err().includes('compute backend'));
    let runs: string[] = [];
    for (let i = 0; i < 100 && runs.length < 17; i++) {
      runs = (await (await fetch(`${url}data/runs`)).json()) as string[];
      if (runs.length < 17) await new Promise((r) => setTimeout(r, 50));
    }
    expect(runs).toHaveLength(17);
    // The compute runner's worker thread loaded tfjs on the best backend here (no GPU,
    // no libtensorflow: WASM), said so in the log, and /data/environment shows it.
    const env = (await (await fetch(`${url}data/environment`)).json()) as Record<string, unknown>;
    expect(env.compute_backend).toBe('wasm');
    expect(env.compute_backends_skipped).toEqual([
      { backend: 'tfjs-node-gpu', reason: 'no CUDA GPU found' },
      { backend: 'tfjs-node', reason: expect.stringContaining('tfjs') },
    ]);
    expect(s.err()).toMatch(/compute backend: wasm \(tfjs-node-gpu: no CUDA GPU found; tfjs-node: /);
    s.child.kill('SIGINT');
    expect(await s.exit).toBe(0);
  });

  it('an unknown plugin in --plugins is an error that lists the installed ones', async () => {
    const s = run(['serve', '--logdir', MNIST, '--port', '0', '--plugins', 'nope']);
    child = s.child;
    expect(await s.exit).toBe(2);
    expect(s.err()).toMatch(/--plugins names 'nope', which is not installed; installed: /);
  });

  it('a bad flag is an error that says what was expected', async () => {
    const s = run(['serve', '--logdir', MNIST, '--port', 'eighty']);
    expect(await s.exit).toBe(2);
    expect(s.err()).toContain("--port should be a number from 0 to 65535, found 'eighty'");
  });
});

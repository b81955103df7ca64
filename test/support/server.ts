/**
 * Starts the real `tb-core serve` in a child process for end-to-end tests, with extra
 * plugin packages installed in a temporary app directory's node_modules, and waits for
 * the URL it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = path.resolve(ROOT, 'test/corpus');
const BIN = path.join(ROOT, 'packages/core/bin/tb-core.js');

export interface TestServer {
  readonly url: string;
  readonly output: () => string;
  /** Resolves once `/data/status` says the log root is loaded (the server answers while it loads). */
  whenLoaded(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs `tb-core serve` with `args` from a temporary directory whose node_modules holds
 * links to `pluginPackages` (directories of plugin packages).
 */
export async function startServer(
  args: readonly string[],
  pluginPackages: readonly string[] = [],
  o: { readonly env?: NodeJS.ProcessEnv; readonly startTimeoutMs?: number } = {},
): Promise<TestServer> {
  const app = await mkdtemp(path.join(os.tmpdir(), 'tb-e2e-app-'));
  const nm = path.join(app, 'node_modules');
  await mkdir(nm);
  for (const dir of pluginPackages) await symlink(dir, path.join(nm, path.basename(dir)));
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
    cwd: app,
    env: { ...process.env, ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tb-core did not start:\n${output}`)), o.startTimeoutMs ?? 20_000);
    const check = () => {
      const m = /at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`tb-core exited with ${code}:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    async whenLoaded(timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const status = (await (await fetch(`${url}data/status`)).json()) as { state: string };
        if (status.state === 'idle') return;
        if (Date.now() > until) throw new Error(`tb-core still loading after ${timeoutMs} ms:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      child.kill('SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      child.kill('SIGKILL');
      await rm(app, { recursive: true, force: true });
    },
  };
}

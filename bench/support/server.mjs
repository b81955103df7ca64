// The benchmarks' tb-core: `tb-core serve` on a log root in a child process, resolved once
// it prints its URL and its log root is loaded (`/data/status` idle, and as many runs
// loaded as the caller expects, when it says).
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'packages', 'core', 'bin', 'tb-core.js');

/**
 * @param {string} logdir
 * @param {{ plugins: string, runs?: number, timeoutMs?: number, reloadInterval?: number }} o `reloadInterval`:
 *   seconds (default 0: load once; more also watches the files for appends)
 * @returns {Promise<{ url: string, pid: number | undefined, loadMs: number, output: () => string, stop: () => void }>}
 */
export async function startServer(logdir, o) {
  const child = spawn(process.execPath, [BIN, 'serve', '--logdir', logdir, '--port', '0', '--reload_interval', String(o.reloadInterval ?? 0), '--plugins', o.plugins], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tb-core did not start:\n${output}`)), 30_000);
    child.stdout.on('data', () => {
      const m = /at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`tb-core exited (${code}):\n${output}`)));
  });
  const t0 = Date.now();
  for (;;) {
    const status = await (await fetch(`${url}data/status`)).json();
    if (status.state === 'idle' && (o.runs === undefined || status.runsLoaded === o.runs)) break;
    if (Date.now() - t0 > (o.timeoutMs ?? 120_000)) throw new Error(`log root did not load in ${(o.timeoutMs ?? 120_000) / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid: child.pid, loadMs: Date.now() - t0, output: () => output, stop: () => child.kill('SIGINT') };
}

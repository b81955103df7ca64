/**
 * `tb-core serve` from an install outside the workspace (the `@tb/core` a plugin author's
 * folder got from the tarball), started on a free port; for end-to-end tests of plugins
 * installed beside it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

/** A running installed tb-core. */
export interface InstalledCore {
  /** The page's URL, ending in `/`. */
  readonly url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Stops it (SIGINT, as CTRL+C). */
  close(): void;
}

/**
 * Runs `node <installDir>/node_modules/@tb/core/bin/tb-core.js serve --port 0 <args>` in
 * `cwd` (where it looks for plugins first) and waits up to 60 s for the line that gives
 * its URL; rejects with its output if it exits or stays silent.
 */
export async function serveInstalled(installDir: string, cwd: string, args: readonly string[]): Promise<InstalledCore> {
  const bin = path.join(installDir, 'node_modules/@tb/core/bin/tb-core.js');
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGINT');
      reject(new Error(`tb-core did not print its URL in 60 s:\n${output}`));
    }, 60_000);
    const read = (d: Buffer) => {
      output += d.toString();
      const m = /at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tb-core exited with ${code} before printing its URL:\n${output}`));
    });
  });
  return { url, output: () => output, close: () => void child.kill('SIGINT') };
}

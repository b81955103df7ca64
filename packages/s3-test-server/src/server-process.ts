import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServerHandle } from './client-handle.js';
import type { S3TestServer } from './types.js';

const READY_TIMEOUT_MS = 20_000;
const KILL_GRACE_MS = 5_000;

/** dist/main.js beside this compiled file; when this runs from src/*.ts (vitest), the built copy in ../dist. */
export function mainScriptPath(): string {
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  const script = here.endsWith('.ts') ? path.join(dir, '..', 'dist', 'main.js') : path.join(dir, 'main.js');
  if (!existsSync(script)) {
    throw new Error(`@tb/s3-test-server: ${script} is missing; build the package first (tsc -b tsconfig.build.json)`);
  }
  return script;
}

export interface S3ServerProcess {
  readonly server: S3TestServer;
  readonly pid: number;
}

/** startS3Server, also giving the child's pid (for tests that check it is gone). */
export async function startS3ServerProcess(options: { directory?: string; port?: number } = {}): Promise<S3ServerProcess> {
  const ownDirectory = options.directory === undefined;
  const directory = options.directory ?? (await mkdtemp(path.join(os.tmpdir(), 'tb-s3-')));
  let child: ChildProcess;
  try {
    // The legacy provider enables DES, which s3rver uses for listing continuation tokens.
    child = spawn(
      process.execPath,
      ['--openssl-legacy-provider', mainScriptPath(), '--directory', directory, '--port', String(options.port ?? 0), '--exit-with-stdin'],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
  } catch (err) {
    if (ownDirectory) await rm(directory, { recursive: true, force: true });
    throw err;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let endpoint: string;
  try {
    endpoint = await waitForEndpoint(child);
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    if (ownDirectory) await rm(directory, { recursive: true, force: true });
    throw err;
  }
  // A parent that forgets stop() can still exit; the child then sees its stdin close and exits too.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    (stream as unknown as { unref?: () => void } | null)?.unref?.();
  }
  const stopServer = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    if (ownDirectory) await rm(directory, { recursive: true, force: true });
  };
  return { server: createServerHandle(endpoint, stopServer), pid: child.pid ?? -1 };
}

/** Starts s3rver (fixed) in a child `node --openssl-legacy-provider` process on 127.0.0.1; directory defaults to a fresh temp dir removed on stop(). */
export async function startS3Server(options: { directory?: string; port?: number } = {}): Promise<S3TestServer> {
  return (await startS3ServerProcess(options)).server;
}

/** Resolves with the endpoint from the child's JSON line; rejects (with its stderr) on exit or timeout. */
function waitForEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (why: string): void => {
      cleanup();
      reject(new Error(`@tb/s3-test-server: child ${why}${stderr ? `; its stderr:\n${stderr}` : ''}`));
    };
    const onStdout = (chunk: Buffer): void => {
      stdout += chunk.toString('utf8');
      const newline = stdout.indexOf('\n');
      if (newline === -1) return;
      const line = stdout.slice(0, newline);
      try {
        const { endpoint } = JSON.parse(line) as { endpoint?: unknown };
        if (typeof endpoint !== 'string') throw new Error('no endpoint');
        cleanup();
        // Keep draining its output so a chatty child never blocks on a full pipe.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(endpoint);
      } catch {
        fail(`printed an unexpected first line: ${JSON.stringify(line)}`);
      }
    };
    const onStderr = (chunk: Buffer): void => {
      stderr += chunk.toString('utf8');
    };
    const onExit = (code: number | null, signal: string | null): void => fail(`exited (code ${code}, signal ${signal}) before listening`);
    const onError = (err: Error): void => fail(`could not start: ${err.message}`);
    const timer = setTimeout(() => fail(`did not report its endpoint within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onStdout);
      child.stderr?.off('data', onStderr);
      child.off('close', onExit);
      child.off('error', onError);
    };
    child.stdout?.on('data', onStdout);
    child.stderr?.on('data', onStderr);
    // 'close' rather than 'exit': by then all of its stderr has been read.
    child.on('close', onExit);
    child.on('error', onError);
  });
}

/**
 * `tb-core serve` in this process, with every plugin of the workspace: for tests that
 * start several servers at once (a child process each would cost seconds).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseServeFlags, serve, silentLogger, type Logger, type Running } from '@tb/core';
import { ROOT } from './server.js';

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'packages/core/package.json'), 'utf8')) as { version: string }).version;

/** Serves with `args` (after `serve`) on a free port; resolves once the first load is done. */
export async function serveInProcess(args: readonly string[], o: { logger?: Logger } = {}): Promise<Running> {
  const running = await serve(parseServeFlags(['--port', '0', '--compute_backend', 'cpu', ...args]), {
    version: VERSION,
    logger: o.logger ?? silentLogger,
    pluginSearch: [ROOT],
    packageDirs: [path.join(ROOT, 'packages')],
  });
  await running.mux.reload();
  return running;
}

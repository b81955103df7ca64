import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../logger.js';
import { FlagError, parseServeFlags } from './flags.js';
import { serve } from './serve.js';
import { corpusPath } from '../testing/corpus.js';

const MNIST = corpusPath('mnist-like');
const options = { version: '0.1.0', logger: memoryLogger(), pluginSearch: [], shellDir: null };

describe('serve', () => {
  it('serves the log directory on a free port and stops cleanly', async () => {
    const running = await serve(parseServeFlags(['--logdir', MNIST, '--port', '0', '--reload_interval', '0']), options);
    expect(running.url).toBe(`http://127.0.0.1:${running.port}/`);
    await running.mux.reload();
    const runs = (await (await fetch(`${running.url}data/runs`)).json()) as string[];
    expect(runs).toContain('adam/train');
    await running.close();
    await expect(fetch(`${running.url}data/runs`)).rejects.toThrow();
  });

  it('says a busy port is busy and suggests a free one', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const attempt = serve(parseServeFlags(['--logdir', MNIST, '--port', String(port)]), options);
      await expect(attempt).rejects.toBeInstanceOf(FlagError);
      await expect(attempt).rejects.toThrow(new RegExp(`port ${port} on 127.0.0.1 is already in use; try --port \\d+`));
    } finally {
      blocker.close();
    }
  });

  it('needs a log directory', async () => {
    await expect(serve(parseServeFlags([]), options)).rejects.toThrow(/needs a log directory: --logdir DIR/);
  });
});

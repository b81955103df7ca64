import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors.js';
import { listLogFiles, readLogFile } from './log-files.js';
import { LocalStore } from '../storage/local-store.js';
import type { LogRoot } from './log-root.js';

describe('log files beside the event files', () => {
  let base: string;
  let roots: LogRoot[];
  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'tb-files-'));
    const root = path.join(base, 'logs');
    await mkdir(path.join(root, 'prof/run1'), { recursive: true });
    await writeFile(path.join(root, 'prof/run1/worker0.1.pt.trace.json'), '{"traceEvents":[]}');
    await writeFile(path.join(root, 'projector_config.pbtxt'), 'embeddings {}');
    await writeFile(path.join(base, 'secret.txt'), 'outside');
    await symlink(path.join(base, 'secret.txt'), path.join(root, 'link.pt.trace.json'));
    roots = [{ name: null, location: root, store: new LocalStore(root) }];
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('lists matching files by relative path, never through a link that leaves the root', async () => {
    const files = await listLogFiles(roots, /\.pt\.trace\.json$/);
    expect(files.map((f) => f.path)).toEqual(['prof/run1/worker0.1.pt.trace.json']);
    expect(files[0]!.size).toBe(18);
  });

  it('reads a file by relative path', async () => {
    const bytes = await readLogFile(roots, 'projector_config.pbtxt');
    expect(Buffer.from(bytes).toString()).toBe('embeddings {}');
  });

  it.each(['../secret.txt', 'prof/../../secret.txt', '/etc/passwd', 'link.pt.trace.json', 'nope.txt', 'prof', 'a\0b'])(
    'refuses %j',
    async (p) => {
      await expect(readLogFile(roots, p)).rejects.toBeInstanceOf(NotFoundError);
    },
  );

  it('reads under a named root of a spec by its name', async () => {
    const named: LogRoot[] = [{ ...roots[0]!, name: 'exp' }];
    expect((await listLogFiles(named, /pbtxt$/)).map((f) => f.path)).toEqual(['exp/projector_config.pbtxt']);
    await expect(readLogFile(named, 'exp/projector_config.pbtxt')).resolves.toBeInstanceOf(Uint8Array);
    await expect(readLogFile(named, 'projector_config.pbtxt')).rejects.toBeInstanceOf(NotFoundError);
  });
});

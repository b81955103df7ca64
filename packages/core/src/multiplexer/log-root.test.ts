import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverRuns, parseLogRoots, runNameOf } from './log-root.js';

describe('parseLogRoots', () => {
  it('takes a plain logdir', () => {
    expect(parseLogRoots('logs', undefined)).toEqual([{ name: null, path: path.resolve('logs') }]);
  });

  it('takes a name:path spec, with unnamed entries and drive letters', () => {
    expect(parseLogRoots(undefined, 'adam:/tmp/a, sgd:/tmp/b,/tmp/c,C:/x')).toEqual([
      { name: 'adam', path: '/tmp/a' },
      { name: 'sgd', path: '/tmp/b' },
      { name: null, path: '/tmp/c' },
      { name: null, path: path.resolve('C:/x') },
    ]);
  });

  it('refuses both, neither and duplicate names, saying why', () => {
    expect(() => parseLogRoots('a', 'b:c')).toThrow(/not both/);
    expect(() => parseLogRoots(undefined, undefined)).toThrow(/--logdir DIR/);
    expect(() => parseLogRoots(undefined, 'xy:/a,xy:/b')).toThrow(/names 'xy' twice/);
  });

  it('names runs relative to their root', () => {
    expect(runNameOf({ name: null, path: '/l' }, '/l')).toBe('.');
    expect(runNameOf({ name: null, path: '/l' }, '/l/a/b')).toBe('a/b');
    expect(runNameOf({ name: 'x', path: '/l' }, '/l')).toBe('x');
    expect(runNameOf({ name: 'x', path: '/l' }, '/l/a')).toBe('x/a');
  });
});

describe('discoverRuns', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tb-runs-'));
    await mkdir(path.join(dir, 'a/b/c'), { recursive: true });
    await mkdir(path.join(dir, 'empty'), { recursive: true });
    await writeFile(path.join(dir, 'events.out.tfevents.1.host'), '');
    await writeFile(path.join(dir, 'a/b/events.out.tfevents.2.host.v2'), '');
    await writeFile(path.join(dir, 'a/b/c/x.tfevents.3'), '');
    await writeFile(path.join(dir, 'empty/notes.txt'), 'no events');
    await symlink(dir, path.join(dir, 'a/loop'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finds every directory holding tfevents files, at any depth, and no other', async () => {
    const runs = await discoverRuns([{ name: null, path: dir }], () => {});
    expect([...runs.keys()].sort()).toEqual(['.', 'a/b', 'a/b/c']);
    expect(runs.get('a/b')).toBe(path.join(dir, 'a/b'));
  });

  it('reports a missing root and finds nothing there', async () => {
    const errors: string[] = [];
    const runs = await discoverRuns([{ name: null, path: path.join(dir, 'nope') }], (d) => errors.push(d));
    expect(runs.size).toBe(0);
    expect(errors).toEqual([path.join(dir, 'nope')]);
  });
});

import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalStore } from '../storage/local-store.js';
import { parseLogRoots, runNameOf } from './log-root.js';
import { RootScanner } from './root-scanner.js';

describe('parseLogRoots', () => {
  it('takes a plain logdir', () => {
    expect(parseLogRoots('logs', undefined)).toEqual([{ name: null, location: path.resolve('logs') }]);
  });

  it('takes a name:path spec, with unnamed entries and drive letters', () => {
    expect(parseLogRoots(undefined, 'adam:/tmp/a, sgd:/tmp/b,/tmp/c,C:/x')).toEqual([
      { name: 'adam', location: '/tmp/a' },
      { name: 'sgd', location: '/tmp/b' },
      { name: null, location: '/tmp/c' },
      { name: null, location: path.resolve('C:/x') },
    ]);
  });

  it('takes s3:// URLs, named or not, in --logdir and in a spec', () => {
    expect(parseLogRoots('s3://bkt/exp/runs/', undefined)).toEqual([{ name: null, location: 's3://bkt/exp/runs' }]);
    expect(parseLogRoots('S3://bkt', undefined)).toEqual([{ name: null, location: 's3://bkt' }]);
    expect(parseLogRoots(undefined, 'cloud:s3://bkt/a,s3://bkt/b,local:/tmp/c')).toEqual([
      { name: 'cloud', location: 's3://bkt/a' },
      { name: null, location: 's3://bkt/b' },
      { name: 'local', location: '/tmp/c' },
    ]);
  });

  it('refuses a malformed s3:// URL and other schemes, saying what is accepted', () => {
    expect(() => parseLogRoots('s3://', undefined)).toThrow(/not a bucket name/);
    expect(() => parseLogRoots('s3://bkt/a/../b', undefined)).toThrow(/'\.\.' segment/);
    expect(() => parseLogRoots('gs://bkt/a', undefined)).toThrow(/only local directories and s3:\/\/ URLs/);
  });

  it('refuses both, neither and duplicate names, saying why', () => {
    expect(() => parseLogRoots('a', 'b:c')).toThrow(/not both/);
    expect(() => parseLogRoots(undefined, undefined)).toThrow(/--logdir DIR/);
    expect(() => parseLogRoots(undefined, 'xy:/a,xy:/b')).toThrow(/names 'xy' twice/);
  });

  it('names runs relative to their root', () => {
    expect(runNameOf({ name: null, location: '/l' }, '')).toBe('.');
    expect(runNameOf({ name: null, location: '/l' }, 'a/b')).toBe('a/b');
    expect(runNameOf({ name: 'x', location: '/l' }, '')).toBe('x');
    expect(runNameOf({ name: 'x', location: '/l' }, 'a')).toBe('x/a');
  });
});

describe('RootScanner on disk', () => {
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

  it('finds every directory holding tfevents files, at any depth, and no other, in one pass', async () => {
    const scanner = new RootScanner({ name: null, location: dir, store: new LocalStore(dir) }, 1);
    expect(await scanner.scan()).toBe(true);
    const dirs = scanner.dirs();
    expect([...dirs.keys()].sort()).toEqual(['', 'a/b', 'a/b/c']);
    expect(dirs.get('a/b')!.map((e) => e.key)).toEqual(['a/b/events.out.tfevents.2.host.v2']);
  });

  it('rejects a missing root (the multiplexer reports it) and knows nothing there', async () => {
    const missing = path.join(dir, 'nope');
    const scanner = new RootScanner({ name: null, location: missing, store: new LocalStore(missing) }, 1);
    await expect(scanner.scan()).rejects.toMatchObject({ code: 'ENOENT' });
    expect(scanner.dirs().size).toBe(0);
  });
});

import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalStore } from './local-store.js';
import { openStore } from './open-store.js';
import { listAll, StoreNotFoundError } from './store.js';

let base: string; // holds the root and a directory outside it
let root: string;
let store: LocalStore;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'tb-local-store-'));
  root = path.join(base, 'root');
  const outside = path.join(base, 'outside');
  await mkdir(path.join(outside, 'secrets'), { recursive: true });
  await writeFile(path.join(outside, 'secret.txt'), 'top secret');
  await writeFile(path.join(outside, 'secrets', 'key.txt'), 'key');
  await mkdir(path.join(root, 'run', 'plugins', 'p'), { recursive: true });
  await mkdir(path.join(root, 'run2'), { recursive: true });
  await writeFile(path.join(root, 'top.txt'), '0123456789');
  await writeFile(path.join(root, 'run', 'a.tfevents'), 'aaa');
  await writeFile(path.join(root, 'run', 'z.tfevents'), 'zzzzz');
  await writeFile(path.join(root, 'run', 'plugins', 'p', 'x'), 'x');
  await writeFile(path.join(root, 'run2', 'B'), 'bb');
  await writeFile(path.join(root, 'run2', 'a'), 'a');
  // Links: to a file outside (hidden), to a file inside (listed), to a directory inside (a loop), to a directory outside.
  await symlink(path.join(outside, 'secret.txt'), path.join(root, 'run', 'leak.txt'));
  await symlink(path.join(root, 'top.txt'), path.join(root, 'run', 'alias.txt'));
  await symlink(root, path.join(root, 'run', 'loop'));
  await symlink(path.join(outside, 'secrets'), path.join(root, 'outdir'));
  store = new LocalStore(root);
});

afterAll(async () => {
  await store.close();
  await rm(base, { recursive: true, force: true });
});

const keys = (entries: { key: string }[]) => entries.map((e) => e.key);

describe('LocalStore', () => {
  it('lists every file in byte order with sizes, skipping links that leave the root and directory links', async () => {
    const page = await store.list();
    expect(page.next).toBeUndefined();
    expect(keys(page.entries)).toEqual(['run/a.tfevents', 'run/alias.txt', 'run/plugins/p/x', 'run/z.tfevents', 'run2/B', 'run2/a', 'top.txt']);
    const sizes = Object.fromEntries(page.entries.map((e) => [e.key, e.size]));
    expect(sizes).toMatchObject({ 'run/a.tfevents': 3, 'run/alias.txt': 10, 'run/z.tfevents': 5, 'top.txt': 10 });
    for (const e of page.entries) {
      expect(e.mtimeMs).toBeGreaterThan(0);
      expect(e.version).toContain(`:${e.size}:`);
    }
    expect(await listAll(store)).toEqual(page.entries);
  });

  it('lists under a prefix, shallow or deep', async () => {
    expect(keys((await store.list({ prefix: 'run/' })).entries)).toEqual(['run/a.tfevents', 'run/alias.txt', 'run/plugins/p/x', 'run/z.tfevents']);
    expect(keys((await store.list({ prefix: 'run/', shallow: true })).entries)).toEqual(['run/a.tfevents', 'run/alias.txt', 'run/z.tfevents']);
    expect(keys((await store.list({ shallow: true })).entries)).toEqual(['top.txt']);
  });

  it('refuses prefixes that are not a safe directory key', async () => {
    for (const prefix of ['run', '../', '/', 'run//', './', 'run/../']) {
      expect((await store.list({ prefix })).entries).toEqual([]);
    }
  });

  it('lists after `startAfter`', async () => {
    expect(keys((await store.list({ startAfter: 'run/plugins/p/x' })).entries)).toEqual(['run/z.tfevents', 'run2/B', 'run2/a', 'top.txt']);
    expect(keys((await store.list({ prefix: 'run/', startAfter: 'run/alias.txt' })).entries)).toEqual(['run/plugins/p/x', 'run/z.tfevents']);
    expect((await store.list({ startAfter: 'top.txt' })).entries).toEqual([]);
  });

  it('asks `filter` before any per-file cost, and keeps only what it accepts', async () => {
    const asked: string[] = [];
    const page = await store.list({
      filter: (k) => {
        asked.push(k);
        return k.endsWith('.tfevents');
      },
    });
    expect(keys(page.entries)).toEqual(['run/a.tfevents', 'run/z.tfevents']);
    // Asked about the outside link too (before its stat), but never about directories.
    expect(asked).toContain('run/leak.txt');
    expect(asked).not.toContain('run/plugins');
  });

  it('a link to a file outside the root is neither listed, stat-ed nor opened; one inside is', async () => {
    expect(await store.stat('run/leak.txt')).toBeNull();
    await expect(store.open('run/leak.txt')).rejects.toBeInstanceOf(StoreNotFoundError);
    expect(await store.stat('outdir/key.txt')).toBeNull();
    await expect(store.open('outdir/key.txt')).rejects.toBeInstanceOf(StoreNotFoundError);
    expect(await store.stat('run/alias.txt')).toMatchObject({ key: 'run/alias.txt', size: 10 });
    const f = await store.open('run/alias.txt');
    const buf = new Uint8Array(10);
    expect(await f.read(buf, 0, 10, 0)).toBe(10);
    expect(Buffer.from(buf).toString()).toBe('0123456789');
    await f.close();
  });

  it('never lists files outside the root through a linked directory named as the prefix', async () => {
    expect((await store.list({ prefix: 'outdir/' })).entries).toEqual([]);
  });

  it('stat and open refuse unsafe keys, directories and missing files', async () => {
    for (const key of ['../outside/secret.txt', '../x', '/etc/passwd', 'run//a.tfevents', 'run/./a.tfevents', '', 'run/', 'run\\a.tfevents', 'a\0b']) {
      expect(await store.stat(key), key).toBeNull();
      await expect(store.open(key), key).rejects.toMatchObject({ name: 'StoreNotFoundError', code: 'ENOENT' });
    }
    expect(await store.stat('run')).toBeNull();
    await expect(store.open('run')).rejects.toBeInstanceOf(StoreNotFoundError);
    expect(await store.stat('missing')).toBeNull();
    await expect(store.open('missing')).rejects.toBeInstanceOf(StoreNotFoundError);
  });

  it('reads ranges and counts them', async () => {
    const before = store.stats();
    const f = await store.open('top.txt', { sequential: true });
    expect(f.size).toBe(10);
    const buf = new Uint8Array(8).fill(0x2e);
    expect(await f.read(buf, 2, 4, 3)).toBe(4);
    expect(Buffer.from(buf).toString()).toBe('..3456..');
    expect(await f.read(buf, 0, 8, 7)).toBe(3); // short at the end
    expect(await f.read(buf, 0, 8, 10)).toBe(0); // past it
    await f.close();
    const after = store.stats();
    expect(after.requests - before.requests).toBe(3);
    expect(after.bytesRead - before.bytesRead).toBe(7);
    expect(after).toMatchObject({ retries: 0, failures: 0, retrying: 0, failing: false, lastError: null });
  });

  it('describes keys as paths under the root', () => {
    expect(store.kind).toBe('local');
    expect(store.location).toBe(root);
    expect(store.localDir).toBe(root);
    expect(store.describe('')).toBe(root);
    expect(store.describe('run/a.tfevents')).toBe(path.join(root, 'run', 'a.tfevents'));
  });

  it('a missing root rejects list with ENOENT; stat is null', async () => {
    const gone = new LocalStore(path.join(base, 'nope'));
    await expect(gone.list()).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await gone.stat('a')).toBeNull();
    await expect(store.list({ prefix: 'nope/' })).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('openStore picks the store by location', () => {
    expect(openStore(root).kind).toBe('local');
    expect(openStore('s3://bucket/prefix').kind).toBe('s3');
  });
});

import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_VERSION, demoCacheDir, ensureDemo, isDemoComplete } from './demo-cache.js';

describe('demoCacheDir', () => {
  it('honours TB_CORE_DEMO_DIR, then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(demoCacheDir({ TB_CORE_DEMO_DIR: '/x/demo' })).toBe('/x/demo');
    expect(demoCacheDir({ XDG_CACHE_HOME: '/c' })).toBe(`/c/tb-core/demo-v${DEMO_VERSION}`);
    expect(demoCacheDir({})).toBe(path.join(os.homedir(), '.cache', 'tb-core', `demo-v${DEMO_VERSION}`));
  });
});

describe('ensureDemo', () => {
  const base = () => mkdtempSync(path.join(os.tmpdir(), 'tb-demo-cache-'));

  it('writes once into a temporary sibling, then reuses the complete folder', async () => {
    const dir = path.join(base(), 'demo');
    let writes = 0;
    const write = async (target: string) => {
      // The folder being served is left alone until the new one is complete.
      expect(target).not.toBe(dir);
      expect(existsSync(dir)).toBe(writes > 0);
      writes++;
      writeFileSync(path.join(target, 'events.out.tfevents.1'), 'x');
    };
    expect(await ensureDemo(dir, write)).toBe(true);
    expect(isDemoComplete(dir)).toBe(true);
    expect(readdirSync(dir)).toContain('events.out.tfevents.1');
    expect(await ensureDemo(dir, write)).toBe(false);
    expect(writes).toBe(1);
    expect(await ensureDemo(dir, write, { force: true })).toBe(true);
    expect(writes).toBe(2);
    expect(readdirSync(path.dirname(dir))).toEqual(['demo']);
  });

  it('leaves nothing behind when the demo fails, so the next start tries again', async () => {
    const parent = base();
    const dir = path.join(parent, 'demo');
    await expect(ensureDemo(dir, async () => { throw new Error('no backend'); })).rejects.toThrow('no backend');
    expect(readdirSync(parent)).toEqual([]);
    expect(isDemoComplete(dir)).toBe(false);
  });
});

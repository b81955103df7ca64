/**
 * Where `tb-core serve` keeps the demo's logs when it is given no log directory: a cache
 * folder, written once (into a temporary sibling, renamed when complete, so a demo cut
 * short is never served), rewritten when the demo changes (DEMO_VERSION).
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Bumped whenever @tb/demo writes something different, so that a stale cache is rewritten. */
export const DEMO_VERSION = 3;
const COMPLETE = '.tb-core-demo-complete';

/** `$TB_CORE_DEMO_DIR`, else `$XDG_CACHE_HOME/tb-core/demo-v<N>`, else `~/.cache/tb-core/demo-v<N>`. */
export function demoCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TB_CORE_DEMO_DIR) return path.resolve(env.TB_CORE_DEMO_DIR);
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'tb-core', `demo-v${DEMO_VERSION}`);
}

/** Whether `dir` holds a complete demo. */
export function isDemoComplete(dir: string): boolean {
  return existsSync(path.join(dir, COMPLETE));
}

/**
 * Makes sure `dir` holds a complete demo, calling `write(target)` to write one into a
 * temporary directory when it does not (or always, with `force`). Resolves to whether it wrote one.
 */
export async function ensureDemo(
  dir: string,
  write: (target: string) => Promise<void>,
  o: { readonly force?: boolean } = {},
): Promise<boolean> {
  if (!o.force && isDemoComplete(dir)) return false;
  const partial = `${dir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    await write(partial);
    await writeFile(path.join(partial, COMPLETE), `tb-core demo v${DEMO_VERSION}\n`);
    await rm(dir, { recursive: true, force: true });
    await rename(partial, dir);
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    throw err;
  }
  return true;
}

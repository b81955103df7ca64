/**
 * Where the page comes from: the built folder of `@tb/shell`, a package of its own, so the
 * core runs (with its "not built" page) where the shell is missing.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** What `@tb/shell` exports at run time. */
export interface ShellPackage {
  readonly shellDir: string;
}

/**
 * The built shell's folder, or null when `@tb/shell` is not installed or not built (no
 * index.html yet); the server then serves its "not built" page. Other failures to load
 * the package are thrown.
 * @param load Imports `@tb/shell` (replaced in tests).
 */
export async function findShellDir(load: () => Promise<ShellPackage> = () => import('@tb/shell')): Promise<string | null> {
  let shell: ShellPackage;
  try {
    shell = await load();
  } catch (err) {
    if (isMissingPackage(err, '@tb/shell')) return null;
    throw err;
  }
  return existsSync(path.join(shell.shellDir, 'index.html')) ? shell.shellDir : null;
}

/** Whether `err` is Node's "Cannot find package 'name'" (and not a missing import inside it). */
function isMissingPackage(err: unknown, name: string): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return e?.code === 'ERR_MODULE_NOT_FOUND' && typeof e.message === 'string' && e.message.includes(`'${name}'`);
}

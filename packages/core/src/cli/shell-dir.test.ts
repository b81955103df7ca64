import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findShellDir } from './shell-dir.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tb-shell-dir-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The error Node's loader throws for a package that is not installed. */
function notFound(name: string): Error {
  return Object.assign(new Error(`Cannot find package '${name}' imported from /x/serve.js`), { code: 'ERR_MODULE_NOT_FOUND' });
}

describe('findShellDir', () => {
  it("is @tb/shell's folder once it holds index.html", async () => {
    writeFileSync(path.join(dir, 'index.html'), '<!--TB_CONFIG-->');
    await expect(findShellDir(async () => ({ shellDir: dir }))).resolves.toBe(dir);
  });

  it('is null when the shell is not built', async () => {
    await expect(findShellDir(async () => ({ shellDir: dir }))).resolves.toBeNull();
    await expect(findShellDir(async () => ({ shellDir: path.join(dir, 'nowhere') }))).resolves.toBeNull();
  });

  it('is null when @tb/shell is not installed, and rethrows any other failure', async () => {
    await expect(findShellDir(() => Promise.reject(notFound('@tb/shell')))).resolves.toBeNull();
    await expect(findShellDir(() => Promise.reject(notFound('some-dependency')))).rejects.toThrow("'some-dependency'");
    await expect(findShellDir(() => Promise.reject(new SyntaxError('bad')))).rejects.toThrow('bad');
  });

  it('finds the installed @tb/shell by default', async () => {
    const found = await findShellDir();
    const { shellDir } = await import('@tb/shell');
    expect(found === null || found === shellDir).toBe(true);
    expect(shellDir.replaceAll('\\', '/')).toMatch(/packages\/shell\/dist\/$/);
  });
});

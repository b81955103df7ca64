/**
 * Files beside the event files (projector configs and TSVs, profiler traces), listed
 * and read by their path relative to the log root. Nothing outside a root is ever
 * listed or read: paths are resolved, symbolic links included, and checked against
 * the root's own resolved path.
 */
import { createReadStream } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { NotFoundError } from '../errors.js';
import type { LogFile } from './data-provider.js';
import type { LogRoot } from './log-root.js';

/** Lists files under the roots whose `/`-separated relative path matches `pattern`. */
export async function listLogFiles(roots: readonly LogRoot[], pattern: RegExp): Promise<LogFile[]> {
  const out: LogFile[] = [];
  for (const root of roots) {
    const prefix = root.name === null ? '' : `${root.name}/`;
    const stack: string[] = [root.path];
    while (stack.length > 0) {
      const dir = stack.pop()!;
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          stack.push(full);
          continue;
        }
        if (!e.isFile() && !e.isSymbolicLink()) continue;
        const rel = prefix + path.relative(root.path, full).split(path.sep).join('/');
        pattern.lastIndex = 0;
        if (!pattern.test(rel)) continue;
        const resolved = await insideRoot(root.path, full);
        if (!resolved) continue;
        try {
          const st = await stat(resolved);
          if (st.isFile()) out.push({ path: rel, size: st.size, mtime: st.mtimeMs / 1000 });
        } catch {
          // Vanished between listing and stat: not listed.
        }
      }
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Reads the file at `relPath` under the roots; throws NotFoundError for anything else. */
export async function readLogFile(roots: readonly LogRoot[], relPath: string): Promise<Uint8Array> {
  const resolved = await resolveLogFile(roots, relPath);
  try {
    return new Uint8Array(await readFile(resolved));
  } catch (err) {
    throw cannotRead(relPath, err);
  }
}

/** Streams the file at `relPath` under the roots in chunks of at most `chunkBytes`; the same refusals as {@link readLogFile}. */
export async function* readLogFileChunks(roots: readonly LogRoot[], relPath: string, chunkBytes = 1 << 20): AsyncGenerator<Uint8Array> {
  const resolved = await resolveLogFile(roots, relPath);
  try {
    for await (const chunk of createReadStream(resolved, { highWaterMark: Math.max(1, chunkBytes) })) yield chunk as Buffer;
  } catch (err) {
    throw cannotRead(relPath, err);
  }
}

/** The real path of the regular file `relPath` under the roots, or a NotFoundError. */
async function resolveLogFile(roots: readonly LogRoot[], relPath: string): Promise<string> {
  const target = resolveLogPath(roots, relPath);
  const resolved = target && (await insideRoot(target.root.path, target.full));
  if (!resolved) throw new NotFoundError(`no file '${relPath}' under the log directory`);
  try {
    if (!(await stat(resolved)).isFile()) throw new NotFoundError(`'${relPath}' is not a file`);
  } catch (err) {
    throw cannotRead(relPath, err);
  }
  return resolved;
}

function cannotRead(relPath: string, err: unknown): NotFoundError {
  if (err instanceof NotFoundError) return err;
  return new NotFoundError(`cannot read '${relPath}': ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
}

/** Maps a relative path to its root and absolute path, lexically; null if it escapes. */
function resolveLogPath(roots: readonly LogRoot[], relPath: string): { root: LogRoot; full: string } | null {
  if (relPath.includes('\0') || path.isAbsolute(relPath) || /^[a-zA-Z]:/.test(relPath)) return null;
  for (const root of roots) {
    let rest = relPath;
    if (root.name !== null) {
      if (!relPath.startsWith(`${root.name}/`)) continue;
      rest = relPath.slice(root.name.length + 1);
    }
    const full = path.resolve(root.path, rest);
    if (full === root.path || full.startsWith(root.path + path.sep)) return { root, full };
  }
  return null;
}

/** The real path of `full` if it lies inside the real path of `rootPath`, else null. */
async function insideRoot(rootPath: string, full: string): Promise<string | null> {
  try {
    const [realRoot, real] = await Promise.all([realpath(rootPath), realpath(full)]);
    return real === realRoot || real.startsWith(realRoot + path.sep) ? real : null;
  } catch {
    return null;
  }
}

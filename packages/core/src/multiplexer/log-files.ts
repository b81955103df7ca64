/**
 * Files beside the event files (projector configs and TSVs, profiler traces), listed
 * and read by their path relative to the log root, through the roots' stores. Nothing
 * outside a root is ever listed or read: a path with an empty, `.` or `..` segment names
 * nothing, and each store confines what it opens to its root (symbolic links on disk
 * included).
 */
import { NotFoundError } from '../errors.js';
import { isSafeKey, listAll, type StoreFile } from '../storage/store.js';
import type { LogFile } from './data-provider.js';
import type { LogRoot } from './log-root.js';

/** How long a listing of object storage is reused: plugins ask several times per page load. */
const REMOTE_LISTING_TTL_MS = 2000;
const remoteListings = new WeakMap<LogRoot['store'], { at: number; files: Promise<LogFile[]> }>();

/** Lists files under the roots whose `/`-separated relative path matches `pattern`. */
export async function listLogFiles(roots: readonly LogRoot[], pattern: RegExp): Promise<LogFile[]> {
  const test = (rel: string) => {
    pattern.lastIndex = 0;
    return pattern.test(rel);
  };
  const out: LogFile[] = [];
  for (const root of roots) {
    const prefix = root.name === null ? '' : `${root.name}/`;
    let files: LogFile[];
    try {
      files = root.store.kind === 'local' ? await listRoot(root, prefix, (key) => test(prefix + key)) : (await remoteListing(root, prefix)).filter((f) => test(f.path));
    } catch {
      continue; // an unreadable root lists nothing; the loading status says why
    }
    out.push(...files);
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function listRoot(root: LogRoot, prefix: string, filter?: (key: string) => boolean): Promise<LogFile[]> {
  const entries = await listAll(root.store, filter ? { filter } : {});
  return entries.map((e) => ({ path: prefix + e.key, size: e.size, mtime: e.mtimeMs / 1000 }));
}

/** Every file of a root on object storage, listed at most once per {@link REMOTE_LISTING_TTL_MS}. */
function remoteListing(root: LogRoot, prefix: string): Promise<LogFile[]> {
  const now = Date.now();
  const cached = remoteListings.get(root.store);
  if (cached && now - cached.at < REMOTE_LISTING_TTL_MS) return cached.files;
  const files = listRoot(root, prefix);
  files.catch(() => remoteListings.delete(root.store));
  remoteListings.set(root.store, { at: now, files });
  return files;
}

/** Reads the file at `relPath` under the roots; throws NotFoundError for anything else. */
export async function readLogFile(roots: readonly LogRoot[], relPath: string): Promise<Uint8Array> {
  const file = await openLogFile(roots, relPath);
  try {
    const out = new Uint8Array(file.size);
    let got = 0;
    while (got < out.length) {
      const n = await file.read(out, got, out.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return got === out.length ? out : out.subarray(0, got);
  } catch (err) {
    throw cannotRead(relPath, err);
  } finally {
    await file.close();
  }
}

/** Streams the file at `relPath` under the roots in chunks of at most `chunkBytes`; the same refusals as {@link readLogFile}. */
export async function* readLogFileChunks(roots: readonly LogRoot[], relPath: string, chunkBytes = 1 << 20): AsyncGenerator<Uint8Array> {
  const file = await openLogFile(roots, relPath);
  const size = Math.max(1, chunkBytes);
  try {
    for (let at = 0; at < file.size; ) {
      const chunk = new Uint8Array(Math.min(size, file.size - at));
      let n: number;
      try {
        n = await file.read(chunk, 0, chunk.length, at);
      } catch (err) {
        throw cannotRead(relPath, err);
      }
      if (n === 0) break;
      at += n;
      yield n === chunk.length ? chunk : chunk.subarray(0, n);
    }
  } finally {
    await file.close();
  }
}

/** Opens the regular file `relPath` under the roots (read ahead: it is read whole), or a NotFoundError. */
async function openLogFile(roots: readonly LogRoot[], relPath: string): Promise<StoreFile> {
  const target = resolveLogPath(roots, relPath);
  if (!target) throw new NotFoundError(`no file '${relPath}' under the log directory`);
  try {
    return await target.root.store.open(target.key, { sequential: true });
  } catch (err) {
    throw cannotRead(relPath, err);
  }
}

function cannotRead(relPath: string, err: unknown): NotFoundError {
  if (err instanceof NotFoundError) return err;
  if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new NotFoundError(`no file '${relPath}' under the log directory`);
  return new NotFoundError(`cannot read '${relPath}': ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
}

/** Maps a relative path to its root and key there; null if it could name anything outside. */
function resolveLogPath(roots: readonly LogRoot[], relPath: string): { root: LogRoot; key: string } | null {
  for (const root of roots) {
    let rest = relPath;
    if (root.name !== null) {
      if (!relPath.startsWith(`${root.name}/`)) continue;
      rest = relPath.slice(root.name.length + 1);
    }
    if (isSafeKey(rest)) return { root, key: rest };
  }
  return null;
}

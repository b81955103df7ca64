/**
 * {@link LogStore} over a directory on local disk. Directories reached through symbolic
 * links are not walked (they could loop); a symbolic link to a file is followed only
 * when the file it names lies inside the root, so nothing outside the root is ever
 * listed or read.
 */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareKeys, isSafeKey, StoreNotFoundError, type ListOptions, type ListPage, type LogStore, type OpenOptions, type StoreEntry, type StoreFile, type StoreStats } from './store.js';

export class LocalStore implements LogStore {
  readonly kind = 'local';
  readonly localDir: string;
  private requests = 0;
  private bytesRead = 0;

  constructor(dir: string) {
    this.localDir = path.resolve(dir);
  }

  get location(): string {
    return this.localDir;
  }

  describe(key: string): string {
    return key === '' ? this.localDir : path.join(this.localDir, ...key.split('/'));
  }

  async list(o: ListOptions = {}): Promise<ListPage> {
    const prefix = o.prefix ?? '';
    if (prefix !== '' && !(prefix.endsWith('/') && isSafeKey(prefix.slice(0, -1)))) return { entries: [] };
    const out: StoreEntry[] = [];
    const stack = [prefix];
    let realRoot: string | null = null;
    if (prefix !== '') {
      // The prefix may pass through a linked directory: refuse one that leads outside the
      // root (a missing prefix still reaches readdir below, which rejects with ENOENT).
      realRoot = await realpath(this.localDir).catch(() => this.localDir);
      const realPrefix = await realpath(this.describe(prefix.slice(0, -1))).catch(() => null);
      if (realPrefix !== null && realPrefix !== realRoot && !realPrefix.startsWith(realRoot + path.sep)) return { entries: [] };
    }
    while (stack.length > 0) {
      const dirKeyPrefix = stack.pop()!;
      let dirents;
      try {
        dirents = await readdir(this.describe(dirKeyPrefix.replace(/\/$/, '')), { withFileTypes: true });
      } catch (err) {
        if (dirKeyPrefix === prefix) throw err; // the caller says whether a missing directory matters
        continue; // A directory below gone since its parent was read, or unreadable: skipped.
      }
      for (const d of dirents) {
        const key = dirKeyPrefix + d.name;
        if (d.isDirectory()) {
          if (!o.shallow) stack.push(`${key}/`);
          continue;
        }
        if (!d.isFile() && !d.isSymbolicLink()) continue;
        if (o.startAfter !== undefined && compareKeys(key, o.startAfter) <= 0) continue;
        if (o.filter && !o.filter(key)) continue;
        const full = this.describe(key);
        if (d.isSymbolicLink()) {
          realRoot ??= await realpath(this.localDir).catch(() => this.localDir);
          if (!(await isInside(realRoot, full))) continue;
        }
        const entry = await this.entryAt(key, full);
        if (entry) out.push(entry);
      }
    }
    return { entries: out.sort((a, b) => compareKeys(a.key, b.key)) };
  }

  async stat(key: string): Promise<StoreEntry | null> {
    const full = await this.confined(key);
    return full === null ? null : this.entryAt(key, full);
  }

  async open(key: string, _options?: OpenOptions): Promise<StoreFile> {
    const full = await this.confined(key);
    if (full === null) throw new StoreNotFoundError(`no file '${key}' under ${this.localDir}`);
    let fh;
    try {
      fh = await open(full, 'r');
    } catch (err) {
      if (isMissing(err)) throw new StoreNotFoundError(`no file '${key}' under ${this.localDir}`);
      throw err;
    }
    try {
      const st = await fh.stat();
      if (!st.isFile()) throw new StoreNotFoundError(`'${key}' is not a file`);
      const counts = this;
      return {
        size: st.size,
        async read(into, at, length, position) {
          const { bytesRead } = await fh.read(into, at, length, position);
          counts.requests++;
          counts.bytesRead += bytesRead;
          return bytesRead;
        },
        close: () => fh.close(),
      };
    } catch (err) {
      await fh.close();
      throw err;
    }
  }

  stats(): StoreStats {
    return { requests: this.requests, bytesRead: this.bytesRead, retries: 0, failures: 0, retrying: 0, failing: false, lastError: null };
  }

  async close(): Promise<void> {}

  /** The real path of `key` if it is a safe key whose target lies inside the root, else null. */
  private async confined(key: string): Promise<string | null> {
    if (!isSafeKey(key)) return null;
    const full = this.describe(key);
    try {
      const realRoot = await realpath(this.localDir);
      return (await isInside(realRoot, full)) ? full : null;
    } catch {
      return null;
    }
  }

  private async entryAt(key: string, full: string): Promise<StoreEntry | null> {
    try {
      const st = await stat(full);
      if (!st.isFile()) return null;
      return { key, size: st.size, mtimeMs: st.mtimeMs, version: `${st.mtimeMs}:${st.size}:${st.ino}` };
    } catch {
      return null; // A dangling link, or gone since the listing.
    }
  }
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Whether the real path of `full` lies inside `realRoot`. */
async function isInside(realRoot: string, full: string): Promise<boolean> {
  try {
    const real = await realpath(full);
    return real === realRoot || real.startsWith(realRoot + path.sep);
  } catch {
    return false;
  }
}

/**
 * Finding a root's event files, incrementally and at a bounded cost per reload. Each
 * reload lists at most `maxPages` pages (1,000 keys each on object storage), resuming
 * after the last key the previous reload saw; a pass over the whole root may so take
 * several reloads on a huge bucket, while the runs already known are kept fresh by a
 * listing of their own directories. On local disk a page is the whole tree, so every
 * reload is a whole pass, as before.
 */
import { baseName, dirKey, type StoreEntry } from '../storage/store.js';
import type { LogRoot } from './log-root.js';
import { isEventFileName } from './run-loader.js';

/** Whether `key` names an event file. */
export const isEventKey = (key: string): boolean => isEventFileName(baseName(key));

export class RootScanner {
  /** Event files found so far, by directory key, then key. */
  private readonly known = new Map<string, Map<string, StoreEntry>>();
  /** Keys seen in the pass under way, to drop those gone when it completes. */
  private readonly seen = new Set<string>();
  /** Where the pass under way resumes; undefined at its start. */
  private cursor: string | undefined;
  /** Directories the last {@link scan} listed whole: fresh, with no listing of their own needed. */
  readonly scanned = new Set<string>();

  constructor(
    readonly root: LogRoot,
    private readonly maxPages: number,
  ) {}

  /**
   * Lists the next pages of the root; resolves to true when a pass completed within
   * this call (every event file's size is then as fresh as this reload).
   */
  async scan(): Promise<boolean> {
    this.scanned.clear();
    const resumed = this.cursor;
    let first: string | undefined;
    let last: string | undefined;
    for (let pages = 0; pages < this.maxPages; pages++) {
      const page = await this.root.store.list({ startAfter: this.cursor, filter: isEventKey });
      for (const e of page.entries) {
        this.add(e);
        const dir = dirKey(e.key);
        this.scanned.add(dir);
        first ??= dir;
        last = dir;
      }
      this.cursor = page.next;
      if (this.cursor === undefined) {
        for (const [dir, files] of [...this.known]) {
          for (const key of [...files.keys()]) if (!this.seen.has(key)) files.delete(key);
          if (files.size === 0) this.known.delete(dir);
        }
        this.seen.clear();
        if (resumed !== undefined && first !== undefined) this.scanned.delete(first);
        return true;
      }
    }
    // The directories at either end of what was listed may hold keys outside it.
    if (resumed !== undefined && first !== undefined) this.scanned.delete(first);
    if (last !== undefined) this.scanned.delete(last);
    return false;
  }

  /** The event files of one directory, as a listing of that directory alone found them. */
  refreshDir(dir: string, entries: readonly StoreEntry[]): void {
    this.known.delete(dir);
    for (const e of entries) if (isEventKey(e.key) && dirKey(e.key) === dir) this.add(e);
  }

  /** Event files by directory key ('' for the root). */
  dirs(): Map<string, StoreEntry[]> {
    return new Map([...this.known].map(([dir, files]) => [dir, [...files.values()]]));
  }

  /** The event files of one directory. */
  filesOf(dir: string): StoreEntry[] {
    return [...(this.known.get(dir)?.values() ?? [])];
  }

  private add(e: StoreEntry): void {
    const dir = dirKey(e.key);
    let files = this.known.get(dir);
    if (!files) this.known.set(dir, (files = new Map()));
    files.set(e.key, e);
    this.seen.add(e.key);
  }
}

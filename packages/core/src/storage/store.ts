/**
 * The file layer under the multiplexer: one small interface (list a prefix page by page,
 * stat, open for ranged reads) over local disk and S3-compatible object storage. Keys
 * are `/`-separated paths relative to the store's root, never starting with `/`;
 * directories are implicit, as in object storage.
 */

/** One file (object) in a store. */
export interface StoreEntry {
  readonly key: string;
  readonly size: number;
  /** Modification time, milliseconds since the epoch. */
  readonly mtimeMs: number;
  /** Changes whenever the content may have changed: the ETag on S3, mtime and size on disk. */
  readonly version: string;
}

export interface ListOptions {
  /** Only keys under this directory: '' (everything) or a key prefix ending in '/'. */
  readonly prefix?: string;
  /** Only keys after this one (exclusive), in byte order: where the last page ended. */
  readonly startAfter?: string;
  /** Most entries in one page; a store may return fewer, and local disk returns all at once. */
  readonly maxKeys?: number;
  /** Only direct children of `prefix`, not keys in directories below it. */
  readonly shallow?: boolean;
  /** Keys to keep, asked before any per-file cost (a local stat). */
  readonly filter?: (key: string) => boolean;
}

export interface ListPage {
  /** In key byte order. */
  readonly entries: StoreEntry[];
  /** `startAfter` for the next page; undefined when the listing is complete. */
  readonly next?: string;
}

/** An open file: ranged reads of the bytes it had when opened (or more, if it grew). */
export interface StoreFile {
  /** Its size when opened (the size hint given to `open`, on object storage). */
  readonly size: number;
  /**
   * Reads up to `length` bytes at `position` into `into[at...]`; resolves to how many
   * were read, fewer only at the end of the file (0 past it).
   */
  read(into: Uint8Array, at: number, length: number, position: number): Promise<number>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The size the latest listing gave: spares object storage a HEAD request. */
  readonly size?: number;
  /** The file will be read front to back in large reads: read ahead, in parallel. */
  readonly sequential?: boolean;
}

/** Requests a store made and what they cost, for the loading status and benchmarks. */
export interface StoreStats {
  readonly requests: number;
  readonly bytesRead: number;
  /** Requests tried again after a failure that may pass (network, 5xx, throttling). */
  readonly retries: number;
  /** Requests that failed for good, after their retries. */
  readonly failures: number;
  /** Requests waiting to be tried again now. */
  readonly retrying: number;
  /** Whether the latest request to finish failed for good (cleared by the next that succeeds). */
  readonly failing: boolean;
  /** The most recent failure, retried or not. */
  readonly lastError: { readonly message: string; readonly at: number } | null;
}

export interface LogStore {
  readonly kind: 'local' | 's3';
  /** Where it is: an absolute directory or `s3://bucket/prefix`. */
  readonly location: string;
  /** The directory on disk, for file-system watching; null on object storage. */
  readonly localDir: string | null;
  list(options?: ListOptions): Promise<ListPage>;
  /** The file at `key`, or null when there is none (or it lies outside the root). */
  stat(key: string): Promise<StoreEntry | null>;
  /** Opens `key` for reading; throws {@link StoreNotFoundError} when it does not exist. */
  open(key: string, options?: OpenOptions): Promise<StoreFile>;
  /** `key` as a person would find it: a path on disk or an s3:// URL. */
  describe(key: string): string;
  stats(): StoreStats;
  /** Releases connections. */
  close(): Promise<void>;
}

/** A key that names nothing in the store (or something outside its root). */
export class StoreNotFoundError extends Error {
  override readonly name = 'StoreNotFoundError';
  readonly code = 'ENOENT';
}

/** The parent directory key of `key` ('' for a key at the root). */
export function dirKey(key: string): string {
  const i = key.lastIndexOf('/');
  return i < 0 ? '' : key.slice(0, i);
}

/** The last segment of `key`. */
export function baseName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/**
 * Whether `key` is a plain relative key: no empty, `.` or `..` segment, no leading `/`,
 * no NUL or backslash. Keys from requests must pass this before they reach a store, so
 * nothing outside the root can be named.
 */
export function isSafeKey(key: string): boolean {
  if (key === '' || key.includes('\0') || key.includes('\\')) return false;
  return key.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/** Lists every entry under `options.prefix`, page after page. */
export async function listAll(store: LogStore, options: Omit<ListOptions, 'startAfter'> = {}): Promise<StoreEntry[]> {
  const out: StoreEntry[] = [];
  let startAfter: string | undefined;
  do {
    const page = await store.list({ ...options, startAfter });
    out.push(...page.entries);
    startAfter = page.next;
  } while (startAfter !== undefined);
  return out;
}

/**
 * Byte order of the keys' UTF-8, as object storage lists them. UTF-16 order (JS `<`)
 * is the same except where a character beyond U+FFFF meets one from U+E000 to U+FFFF,
 * so only keys with surrogates take the slow path.
 */
export function compareKeys(a: string, b: string): number {
  if (/[\ud800-\udfff]/.test(a) || /[\ud800-\udfff]/.test(b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The paging rules of S3's ListObjects, as a pure function over a bucket's keys.
 * Real S3 returns keys in UTF-8 binary order; a page holds at most maxKeys
 * entries, where an entry is a key or a common prefix (each prefix counted once).
 */

export interface ListingOptions {
  readonly prefix?: string | undefined;
  /** Exclusive. May be a key or a common prefix returned by an earlier page. */
  readonly startAfter?: string | undefined;
  readonly delimiter?: string | undefined;
  readonly maxKeys?: number | undefined;
}

export interface ListingPage {
  readonly keys: string[];
  readonly commonPrefixes: string[];
  readonly isTruncated: boolean;
  /** The greatest key or common prefix on the page: where the next page starts after. */
  readonly lastEntry: string | undefined;
}

/** UTF-8 byte order; JS `<` compares UTF-16 code units, which differs above U+FFFF. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Sorts keys in S3's order (a new array). */
export function sortKeys(keys: Iterable<string>): string[] {
  return [...keys]
    .map((key) => ({ key, bytes: Buffer.from(key, 'utf8') }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
    .map((entry) => entry.key);
}

/** One page of a listing over keys that are already in S3's order (see sortKeys). */
export function listPage(sortedKeys: readonly string[], options: ListingOptions): ListingPage {
  const prefix = options.prefix ?? '';
  const startAfter = options.startAfter ?? '';
  const delimiter = options.delimiter ?? '';
  const maxKeys = options.maxKeys ?? Infinity;
  const keys: string[] = [];
  const commonPrefixes: string[] = [];
  let lastEntry: string | undefined;
  let entries = 0;

  for (const key of sortedKeys) {
    if (!key.startsWith(prefix)) continue;
    if (startAfter !== '' && compareKeys(key, startAfter) <= 0) continue;
    let rolledUp: string | undefined;
    if (delimiter !== '') {
      const at = key.indexOf(delimiter, prefix.length);
      if (at !== -1) rolledUp = key.slice(0, at + delimiter.length);
    }
    if (rolledUp !== undefined) {
      // Keys under one common prefix are adjacent in sorted order, so comparing with the
      // last entry is enough to count each prefix once. A prefix equal to startAfter was
      // the end of the previous page: everything under it was already accounted for.
      if (rolledUp === lastEntry || rolledUp === startAfter) continue;
    }
    if (entries === maxKeys) {
      // There is at least one more entry after a full page.
      return { keys, commonPrefixes, isTruncated: true, lastEntry };
    }
    entries += 1;
    if (rolledUp !== undefined) {
      commonPrefixes.push(rolledUp);
      lastEntry = rolledUp;
    } else {
      keys.push(key);
      lastEntry = key;
    }
  }
  return { keys, commonPrefixes, isTruncated: false, lastEntry };
}

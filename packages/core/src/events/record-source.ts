/**
 * What the TFRecord readers read from: a named thing that opens as a {@link StoreFile}
 * (ranged reads), on local disk or in a {@link LogStore}. A plain path is a file on disk.
 */
import { open } from 'node:fs/promises';
import type { LogStore, OpenOptions, StoreFile } from '../storage/store.js';

export interface RecordSource {
  /** For messages: a path or URL. */
  readonly name: string;
  /** Opens it; rejects with an error whose `code` is 'ENOENT' when it is gone. */
  open(): Promise<StoreFile>;
}

/** A file on disk by path. */
export function fileSource(path: string): RecordSource {
  return {
    name: path,
    async open() {
      const fh = await open(path, 'r');
      try {
        const size = (await fh.stat()).size;
        return {
          size,
          read: async (into, at, length, position) => (await fh.read(into, at, length, position)).bytesRead,
          close: () => fh.close(),
        };
      } catch (err) {
        await fh.close();
        throw err;
      }
    },
  };
}

/** `key` in `store`; `options()` is asked at each open (the size the latest listing gave). */
export function storeSource(store: LogStore, key: string, options: () => OpenOptions = () => ({})): RecordSource {
  return { name: store.describe(key), open: () => store.open(key, options()) };
}

/** A source for either form. */
export function toSource(from: string | RecordSource): RecordSource {
  return typeof from === 'string' ? fileSource(from) : from;
}

/**
 * Reading a file through one sliding buffer, and a small pool of such buffers: a read
 * takes a buffer for the duration of the call and gives it back at the end, so idle
 * readers (thousands of files) hold no memory.
 */

import type { StoreFile } from '../storage/store.js';

/** Size of each read from a file, and of pooled buffers. */
export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;
const POOL_LIMIT = 8;
const pool: Uint8Array[] = [];

function allocate(size: number): Uint8Array {
  const b = Buffer.allocUnsafeSlow(size);
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

function takeBuffer(size: number): Uint8Array {
  for (let i = pool.length - 1; i >= 0; i--) {
    if (pool[i]!.length === size) return pool.splice(i, 1)[0]!;
  }
  return allocate(size);
}

function giveBuffer(buf: Uint8Array): void {
  if (buf.length === 0 || buf.length > DEFAULT_CHUNK_BYTES) return; // grown buffers go to the GC
  if (pool.length >= POOL_LIMIT) pool.shift();
  pool.push(buf);
}

/**
 * A sliding window over an open file: `buf[0, end)` holds the file's bytes
 * `[base, base + end)`. `limit` is the file size seen when the read began (lowered if
 * the file turns out shorter); nothing at or past it is read in this call.
 */
export class Window {
  buf: Uint8Array = new Uint8Array(0);
  base: number;
  end = 0;
  limit: number;

  constructor(
    private readonly fh: StoreFile,
    private readonly chunkBytes: number,
    start: number,
    limit: number,
  ) {
    this.base = start;
    this.limit = limit;
  }

  /**
   * Makes the file's bytes `[from, from + need)` available in `buf` (the caller checks
   * that they lie before `limit`), dropping the bytes before `from` and reading as much
   * as fits. `from` must lie within `[base, base + end]`.
   */
  async fill(from: number, need: number): Promise<void> {
    let buf = this.buf;
    const keepStart = from - this.base;
    const keepLen = this.end - keepStart;
    if (need > buf.length) {
      const size = Math.max(need, this.chunkBytes);
      const grown = size === this.chunkBytes ? takeBuffer(size) : allocate(size);
      if (keepLen > 0) grown.set(buf.subarray(keepStart, this.end), 0);
      giveBuffer(buf);
      buf = this.buf = grown;
    } else if (keepStart > 0 && keepLen > 0) {
      buf.copyWithin(0, keepStart, this.end);
    }
    this.base = from;
    this.end = keepLen;
    while (this.end < need) {
      const want = Math.min(buf.length - this.end, this.limit - (this.base + this.end));
      if (want <= 0) break;
      const bytesRead = await this.fh.read(buf, this.end, want, this.base + this.end);
      if (bytesRead === 0) {
        // The file shrank since it was stat'ed: what is there is all there is.
        this.limit = this.base + this.end;
        break;
      }
      this.end += bytesRead;
    }
  }

  release(): void {
    giveBuffer(this.buf);
    this.buf = new Uint8Array(0);
  }
}


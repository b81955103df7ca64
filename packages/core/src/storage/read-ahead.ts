/**
 * Reading a remote object front to back at network speed: reads are served from blocks
 * fetched with ranged requests, and each read starts fetching the next few blocks in
 * parallel. Blocks behind the reader are dropped, so memory stays at (2 + ahead) blocks at most (a read may span two).
 * Small reads (a record header, the first bytes that tell a rewritten file) are fetched
 * exactly, without a block.
 */

/** Fetches the object's bytes [start, end); fewer at the end of the object, none past it. */
export type RangeFetcher = (start: number, end: number) => Promise<Uint8Array>;

export interface ReadAheadOptions {
  /** Bytes per ranged request. */
  readonly blockBytes: number;
  /** Blocks fetched ahead of the one being read. */
  readonly ahead: number;
  /** Reads shorter than this are fetched exactly, not through blocks. */
  readonly minBlockRead: number;
}

export const DEFAULT_READ_AHEAD: ReadAheadOptions = { blockBytes: 8 << 20, ahead: 3, minBlockRead: 64 << 10 };

export class ReadAhead {
  private readonly blocks = new Map<number, Promise<Uint8Array>>();

  constructor(
    private readonly size: number,
    private readonly fetch: RangeFetcher,
    private readonly o: ReadAheadOptions = DEFAULT_READ_AHEAD,
  ) {}

  async read(into: Uint8Array, at: number, length: number, position: number): Promise<number> {
    const end = Math.min(position + length, this.size);
    if (end <= position) return 0;
    if (end - position < this.o.minBlockRead) {
      const bytes = await this.fetch(position, end);
      into.set(bytes.subarray(0, end - position), at);
      return Math.min(bytes.length, end - position);
    }
    const B = this.o.blockBytes;
    const first = Math.floor(position / B);
    const last = Math.floor((end - 1) / B);
    for (const k of this.blocks.keys()) if (k < first) this.blocks.delete(k);
    const lastBlock = Math.floor((this.size - 1) / B);
    for (let k = first; k <= Math.min(last + this.o.ahead, lastBlock); k++) this.block(k);
    let copied = 0;
    for (let k = first; k <= last; k++) {
      const block = await this.block(k);
      const from = Math.max(position, k * B) - k * B;
      const to = Math.min(end, (k + 1) * B) - k * B;
      const n = Math.max(0, Math.min(block.length, to) - from);
      into.set(block.subarray(from, from + n), at + copied);
      copied += n;
      if (from + n < to) break; // the object ended early (it shrank since it was listed)
    }
    return copied;
  }

  /** Drops every block; fetches in flight finish unobserved. */
  clear(): void {
    for (const p of this.blocks.values()) p.catch(() => undefined);
    this.blocks.clear();
  }

  private block(k: number): Promise<Uint8Array> {
    let p = this.blocks.get(k);
    if (!p) {
      const B = this.o.blockBytes;
      p = this.fetch(k * B, Math.min((k + 1) * B, this.size));
      // A failed block is fetched again by the next read that needs it.
      p.catch(() => this.blocks.get(k) === p && this.blocks.delete(k));
      this.blocks.set(k, p);
    }
    return p;
  }
}

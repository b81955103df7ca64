import { describe, expect, it } from 'vitest';
import { ReadAhead, type RangeFetcher } from './read-ahead.js';

/** Object bytes 0..n-1 where byte i is i % 251 (so misplaced bytes show). */
function bytes(n: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => i % 251);
}

/** A fake range fetcher over `data`, that records calls and measures concurrency. */
function fakeFetcher(initial: Uint8Array, delayMs = 2) {
  const log = { calls: [] as [number, number][], inFlight: 0, maxInFlight: 0, failNext: 0, data: initial };
  const fetch: RangeFetcher = async (start, end) => {
    log.calls.push([start, end]);
    log.inFlight++;
    log.maxInFlight = Math.max(log.maxInFlight, log.inFlight);
    try {
      await new Promise((r) => setTimeout(r, delayMs));
      if (log.failNext > 0) {
        log.failNext--;
        throw new Error('fetch failed');
      }
      return log.data.slice(Math.min(start, log.data.length), Math.min(end, log.data.length));
    } finally {
      log.inFlight--;
    }
  };
  return { fetch, log };
}

const opts = { blockBytes: 100, ahead: 3, minBlockRead: 10 };

describe('ReadAhead', () => {
  it('reads across block boundaries give the exact bytes', async () => {
    const data = bytes(1000);
    const { fetch } = fakeFetcher(data);
    const ra = new ReadAhead(data.length, fetch, opts);
    const into = new Uint8Array(300);
    // 150..400 spans blocks 1, 2, 3; written at offset 20.
    const n = await ra.read(into, 20, 250, 150);
    expect(n).toBe(250);
    expect(into.subarray(20, 270)).toEqual(data.subarray(150, 400));
    expect(into.subarray(0, 20)).toEqual(new Uint8Array(20));
  });

  it('a sequential reader fetches each block once, `ahead` blocks ahead in parallel, and drops blocks behind', async () => {
    const data = bytes(1050);
    const { fetch, log } = fakeFetcher(data);
    const ra = new ReadAhead(data.length, fetch, opts);
    const out = new Uint8Array(data.length);
    let pos = 0;
    let maxHeld = 0;
    const blocks = (ra as unknown as { blocks: Map<number, unknown> }).blocks;
    while (pos < data.length) {
      const n = await ra.read(out, pos, 30, pos);
      expect(n).toBeGreaterThan(0);
      pos += n;
      maxHeld = Math.max(maxHeld, blocks.size);
    }
    expect(await ra.read(out, 0, 30, pos)).toBe(0);
    expect(out).toEqual(data);
    // Blocks 0..10, each fetched once, with block-aligned ranges; the last is short.
    const starts = log.calls.map(([s]) => s).sort((a, b) => a - b);
    expect(starts).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(log.calls.find(([s]) => s === 1000)).toEqual([1000, 1050]);
    // The block being read plus `ahead` in flight together, and no more.
    expect(log.maxInFlight).toBe(opts.ahead + 1);
    // Memory bounded: the blocks the read spans (two at most, as reads are smaller than a
    // block) and the ones ahead; never the whole object (11 blocks).
    expect(maxHeld).toBeLessThanOrEqual(opts.ahead + 2);
  });

  it('small reads fetch exactly their range, without a block', async () => {
    const data = bytes(1000);
    const { fetch, log } = fakeFetcher(data);
    const ra = new ReadAhead(data.length, fetch, opts);
    const into = new Uint8Array(9);
    expect(await ra.read(into, 0, 9, 123)).toBe(9);
    expect(into).toEqual(data.subarray(123, 132));
    expect(log.calls).toEqual([[123, 132]]);
    // Clamped to the size.
    expect(await ra.read(into, 0, 9, 995)).toBe(5);
    expect(log.calls[1]).toEqual([995, 1000]);
  });

  it('an object that shrank gives a short read, not garbage', async () => {
    const { fetch, log } = fakeFetcher(bytes(1000));
    const ra = new ReadAhead(1000, fetch, opts);
    log.data = bytes(250); // rewritten shorter after it was listed at 1000 bytes
    const into = new Uint8Array(1000).fill(0xee);
    const n = await ra.read(into, 0, 1000, 0);
    expect(n).toBe(250);
    expect(into.subarray(0, 250)).toEqual(bytes(250));
    expect(into.subarray(250)).toEqual(new Uint8Array(750).fill(0xee));
    // Past what is left: nothing.
    expect(await ra.read(into, 0, 100, 400)).toBe(0);
    // A small read past the new end too.
    expect(await ra.read(into, 0, 5, 600)).toBe(0);
  });

  it('a failed block rejects that read, and the next read fetches it again', async () => {
    const data = bytes(1000);
    const { fetch, log } = fakeFetcher(data);
    const ra = new ReadAhead(data.length, fetch, { ...opts, ahead: 0 });
    const into = new Uint8Array(50);
    log.failNext = 1;
    await expect(ra.read(into, 0, 50, 0)).rejects.toThrow('fetch failed');
    expect(await ra.read(into, 0, 50, 0)).toBe(50);
    expect(into).toEqual(data.subarray(0, 50));
    expect(log.calls).toEqual([
      [0, 100],
      [0, 100],
    ]);
  });

  it('a failed block fetched ahead is fetched again when it is read', async () => {
    const data = bytes(400);
    const { fetch, log } = fakeFetcher(data);
    const ra = new ReadAhead(data.length, fetch, { ...opts, ahead: 1 });
    const into = new Uint8Array(100);
    expect(await ra.read(into, 0, 100, 0)).toBe(100); // fetches blocks 0 and 1
    await new Promise((r) => setTimeout(r, 10));
    log.failNext = 1;
    expect(await ra.read(into, 0, 100, 100)).toBe(100); // block 1 held; starts block 2, which fails
    await new Promise((r) => setTimeout(r, 10));
    expect(await ra.read(into, 0, 100, 200)).toBe(100);
    expect(into).toEqual(data.subarray(200, 300));
    expect(log.calls.filter(([s]) => s === 200)).toHaveLength(2);
  });

  it('reads at or past the end return 0 without fetching', async () => {
    const { fetch, log } = fakeFetcher(bytes(100));
    const ra = new ReadAhead(100, fetch, opts);
    expect(await ra.read(new Uint8Array(10), 0, 10, 100)).toBe(0);
    expect(await ra.read(new Uint8Array(10), 0, 10, 5000)).toBe(0);
    expect(await ra.read(new Uint8Array(10), 0, 0, 0)).toBe(0);
    const empty = new ReadAhead(0, fetch, opts);
    expect(await empty.read(new Uint8Array(10), 0, 10, 0)).toBe(0);
    expect(log.calls).toEqual([]);
  });

  it('clear() drops every block, so later reads fetch again', async () => {
    const { fetch, log } = fakeFetcher(bytes(300));
    const ra = new ReadAhead(300, fetch, { ...opts, ahead: 0 });
    await ra.read(new Uint8Array(50), 0, 50, 0);
    ra.clear();
    await ra.read(new Uint8Array(50), 0, 50, 0);
    expect(log.calls).toEqual([
      [0, 100],
      [0, 100],
    ]);
  });
});

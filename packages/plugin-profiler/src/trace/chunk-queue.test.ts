import { describe, expect, it } from 'vitest';
import { ChunkQueue } from './chunk-queue.js';

const bytes = (...v: number[]) => new Uint8Array(v);

describe('ChunkQueue', () => {
  it('yields pushed chunks in order, waiting for late ones, and reports bytes taken', async () => {
    const taken: number[] = [];
    const q = new ChunkQueue((n) => taken.push(n));
    q.push(bytes(1, 2));
    const read = (async () => {
      const out: number[] = [];
      for await (const c of q) out.push(...c);
      return out;
    })();
    await new Promise((r) => setTimeout(r, 5));
    q.push(bytes(3));
    q.push(bytes(4, 5, 6));
    await new Promise((r) => setTimeout(r, 5));
    q.end();
    expect(await read).toEqual([1, 2, 3, 4, 5, 6]);
    expect(taken).toEqual([2, 3, 6]);
  });

  it('makes the reader throw when it fails, even while waiting', async () => {
    const q = new ChunkQueue();
    const read = (async () => {
      for await (const c of q) void c;
    })();
    await new Promise((r) => setTimeout(r, 5));
    q.fail(new Error('source gone'));
    await expect(read).rejects.toThrow('source gone');
  });
});

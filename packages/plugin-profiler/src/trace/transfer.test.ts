import { describe, expect, it } from 'vitest';
import { ownedCopy, ownsBuffer, transferables } from './transfer.js';

describe('transferables', () => {
  it('finds whole-buffer typed arrays anywhere in a result, once each', () => {
    const a = new Float64Array(4);
    const b = new Uint32Array(8);
    const c = new Int8Array(2);
    const value = { a, nested: [{ b }, { again: a }], map: new Map([['k', c]]), set: new Set([b]), n: 1, s: 'x', nil: null };
    const found = transferables(value);
    expect(found).toHaveLength(3);
    expect(new Set(found)).toEqual(new Set([a.buffer, b.buffer, c.buffer]));
  });

  it('leaves views into larger buffers, bare buffers and shared memory to be copied', () => {
    const big = new ArrayBuffer(64);
    const view = new Uint8Array(big, 8, 16);
    const shared = new Int32Array(new SharedArrayBuffer(16));
    expect(transferables({ view, big, shared })).toEqual([]);
    expect(ownsBuffer(view)).toBe(false);
    expect(ownsBuffer(new Uint8Array(big))).toBe(true);
  });

  it('survives cycles', () => {
    const x: Record<string, unknown> = { arr: new Uint8Array(3) };
    x.self = x;
    expect(transferables(x)).toHaveLength(1);
  });
});

describe('ownedCopy', () => {
  it('copies a view of a larger buffer and keeps a whole one as is', () => {
    const whole = new Uint8Array([1, 2, 3, 4]);
    expect(ownedCopy(whole)).toBe(whole);
    const view = whole.subarray(1, 3);
    const copy = ownedCopy(view);
    expect(copy).not.toBe(view);
    expect([...copy]).toEqual([2, 3]);
    expect(copy.buffer.byteLength).toBe(2);
    const nodeSlice = Buffer.from('hello world').subarray(0, 5); // a view into Node's pool
    expect(Buffer.from(ownedCopy(nodeSlice)).toString()).toBe('hello');
    expect(ownsBuffer(ownedCopy(nodeSlice))).toBe(true);
  });
});

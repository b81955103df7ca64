import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '@tb/core/testing';
import { crc32c, maskCrc } from '@tb/core/plugin';
import { entryBytes, readBundleIndex, shardPath, toFloat32 } from './bundle.js';
import { readTable } from './sstable.js';

/** Test helpers that write the table format by hand. */
function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return out;
}
const u32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const ascii = (s: string): number[] => [...Buffer.from(s)];

/** A block: entries prefix-compressed against the previous key, a restart every `every` entries. */
function block(entries: [string, number[]][], every = 16): number[] {
  const out: number[] = [];
  const restarts: number[] = [];
  let prev: number[] = [];
  entries.forEach(([k, v], i) => {
    const key = ascii(k);
    let shared = 0;
    if (i % every === 0) restarts.push(out.length);
    else while (shared < prev.length && shared < key.length && prev[shared] === key[shared]) shared++;
    out.push(...varint(shared), ...varint(key.length - shared), ...varint(v.length), ...key.slice(shared), ...v);
    prev = key;
  });
  for (const r of restarts) out.push(...u32(r));
  out.push(...u32(restarts.length));
  return out;
}
function withTrailer(contents: number[]): number[] {
  const bytes = Uint8Array.from([...contents, 0]);
  return [...contents, 0, ...u32(maskCrc(crc32c(bytes)))];
}
/** A whole table with one data block per group of entries. */
function table(groups: [string, number[]][][]): Uint8Array {
  const file: number[] = [];
  const index: [string, number[]][] = [];
  for (const g of groups) {
    const b = block(g, 2);
    index.push([g[g.length - 1]![0], [...varint(file.length), ...varint(b.length)]]);
    file.push(...withTrailer(b));
  }
  const meta = block([]);
  const metaHandle = [...varint(file.length), ...varint(meta.length)];
  file.push(...withTrailer(meta));
  const ib = block(index);
  const indexHandle = [...varint(file.length), ...varint(ib.length)];
  file.push(...withTrailer(ib));
  const footer = [...metaHandle, ...indexHandle];
  while (footer.length < 40) footer.push(0);
  footer.push(0x57, 0xfb, 0x80, 0x8b, 0x24, 0x75, 0x47, 0xdb);
  return Uint8Array.from([...file, ...footer]);
}
/** BundleEntryProto bytes. */
function entry(dtype: number, dims: number[], offset: number, size: number, crc: number): number[] {
  const shape = dims.flatMap((d) => [0x12, ...varint(varint(d).length + 1), 0x08, ...varint(d)]);
  return [0x08, dtype, 0x12, ...varint(shape.length), ...shape, 0x20, ...varint(offset), 0x28, ...varint(size), 0x35, ...u32(crc)];
}

describe('crc32c', () => {
  it('matches the standard check value', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  });
});

describe('readTable', () => {
  it('reads prefix-compressed keys across restarts and blocks', () => {
    const t = table([
      [['', [1]], ['apple', [2]], ['apricot', [3]]],
      [['banana', [4, 5]], ['band', []]],
    ]);
    expect(readTable(t).map((e) => [e.key, [...e.value]])).toEqual([['', [1]], ['apple', [2]], ['apricot', [3]], ['banana', [4, 5]], ['band', []]]);
  });

  it('refuses a corrupt block, a wrong magic and a short file, saying what it expected', () => {
    const t = table([[['a', [1, 2, 3]]]]);
    const corrupt = t.slice();
    corrupt[5]! ^= 0xff;
    expect(() => readTable(corrupt, 'x.index')).toThrow(/x.index data block: block at 0 is corrupt: expected masked CRC-32C/);
    const magic = t.slice();
    magic[magic.length - 1] = 0;
    expect(() => readTable(magic, 'x.index')).toThrow(/expected the table magic db4775248b80fb57 at the end/);
    expect(() => readTable(t.subarray(0, 20), 'x.index')).toThrow(/20 bytes, expected at least the 48-byte footer/);
    const compressed = t.slice();
    compressed[block([['a', [1, 2, 3]]], 2).length] = 1;
    expect(() => readTable(compressed, 'x.index')).toThrow(/compressed \(type 1\); only uncompressed blocks/);
  });
});

describe('tensor bundle', () => {
  const values = Float32Array.of(1, 2, 3, 4, 5, 6);
  const bytes = new Uint8Array(values.buffer);
  const crc = maskCrc(crc32c(bytes));
  const index = table([[['', [0x08, 0x01]], ['emb', entry(1, [2, 3], 0, 24, crc)], ['scalar', entry(1, [], 24, 4, 0)]]]);

  it('reads the header, entries and a 2-D float32 tensor checked by its CRC', () => {
    const b = readBundleIndex(index);
    expect(b.numShards).toBe(1);
    expect(b.entries.get('emb')).toEqual({ name: 'emb', dtype: 1, shape: [2, 3], shardId: 0, offset: 0, size: 24, crc32c: crc });
    expect(shardPath('m.ckpt-9', 0, 1)).toBe('m.ckpt-9.data-00000-of-00001');
    const e = b.entries.get('emb')!;
    expect(toFloat32(e, entryBytes(e, bytes, 'shard'))).toEqual(values);
  });

  it('refuses tensor bytes that fail their CRC or lie past the shard end', () => {
    const e = readBundleIndex(index).entries.get('emb')!;
    const bad = bytes.slice();
    bad[0]! ^= 1;
    expect(() => entryBytes(e, bad, 'm.data-00000-of-00001')).toThrow(/tensor "emb" in m.data-00000-of-00001: expected masked CRC-32C/);
    expect(() => entryBytes(e, bytes.subarray(0, 10), 'm.data')).toThrow(/expected 24 bytes at offset 0 of m.data, which has 10/);
  });

  it('refuses an index without its header', () => {
    expect(() => readBundleIndex(table([[['emb', entry(1, [2, 3], 0, 24, crc)]]]), 'x.index')).toThrow(/expected a BundleHeaderProto under the empty key/);
  });

  it("reads the Keras run's real checkpoint: every variable's bytes pass their CRC", () => {
    const dir = corpusPath('keras-checkpoint', 'MNIST-extra-metrics1690486849', 'train');
    const b = readBundleIndex(readFileSync(`${dir}/keras_embedding.ckpt-9.index`));
    const shard = readFileSync(`${dir}/${shardPath('keras_embedding.ckpt-9', 0, b.numShards)}`);
    expect(b.entries.size).toBe(11);
    expect(b.entries.get('layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE')).toMatchObject({ dtype: 1, shape: [784, 512], size: 784 * 512 * 4 });
    for (const e of b.entries.values()) if (e.dtype !== 7) expect(() => entryBytes(e, shard, 'shard')).not.toThrow();
    const iterations = b.entries.get('optimizer/_iterations/.ATTRIBUTES/VARIABLE_VALUE')!;
    expect(iterations.dtype).toBe(9);
  });
});

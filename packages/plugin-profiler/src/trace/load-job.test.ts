import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { corpusPath } from '@tb/core/testing';
import { describe, expect, it } from 'vitest';
import { runLoadJob, sniffGzip } from './load-job.js';
import { readTraceFileSync } from './read-sync.js';

async function* pieces(bytes: Uint8Array, first: number, rest = 4096): AsyncGenerator<Uint8Array> {
  yield bytes.subarray(0, first);
  for (let at = first; at < bytes.length; at += rest) yield bytes.subarray(at, at + rest);
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

describe('sniffGzip', () => {
  it('tells gzip by its magic bytes, even split over chunks, and loses no byte', async () => {
    const plain = new TextEncoder().encode('[{"ph":"X","ts":1}]');
    const gz = gzipSync(plain);
    for (const first of [0, 1, 2, 5]) {
      const a = await sniffGzip(pieces(gz, first, 3));
      expect(a.gzip).toBe(true);
      expect(await collect(a.rest)).toEqual(gz);
      const b = await sniffGzip(pieces(plain, first, 3));
      expect(b.gzip).toBe(false);
      expect(await collect(b.rest)).toEqual(Buffer.from(plain));
    }
    const empty = await sniffGzip(pieces(new Uint8Array(0), 0));
    expect(empty.gzip).toBe(false);
    expect((await collect(empty.rest)).length).toBe(0);
  });
});

describe('runLoadJob', () => {
  it('analyses a corpus trace whether it arrives gzipped or plain', async () => {
    const file = corpusPath('profile', 'mlp_100', 'worker0.1795464395782.pt.trace.json');
    const plain = readFileSync(file);
    const id = { run: 'mlp_100', worker: 'worker0', span: '2' };
    const expected = readTraceFileSync(file).traceEvents.length;
    const fromPlain = await runLoadJob('kineto-json', id, pieces(plain, 1));
    const fromGz = await runLoadJob('kineto-json', id, pieces(gzipSync(plain), 1));
    expect(fromPlain.format).toBe('autograd');
    expect((fromPlain as { eventCount: number }).eventCount).toBe(expected);
    expect(fromGz).toEqual(fromPlain);
    expect(fromPlain.id).toEqual(id);
  });
});

import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs';
import { corpusPath } from '@tb/core/testing';
import { describe, expect, it } from 'vitest';
import { XPLANE_PROTO_PATH, XSpaceDecodeError, decodeXSpace, encodeXSpace } from './decode.js';
import type { XSpace } from './types.js';

const JAX_FILE = new URL('./testdata/jax-cpu.xplane.pb', import.meta.url);
const jaxBytes = (): Uint8Array => readFileSync(JAX_FILE);

/** A second, independent reading of the file: protobufjs's own toObject, longs as strings. */
function rawRead(bytes: Uint8Array): { planes: { name: string; lines: { name: string; events: unknown[] }[] }[] } {
  const root = protobuf.loadSync(XPLANE_PROTO_PATH);
  const type = root.lookupType('tensorflow.profiler.XSpace');
  return type.toObject(type.decode(bytes), { longs: String, arrays: true, objects: true }) as never;
}

describe('decodeXSpace on a real JAX profile', () => {
  const space = decodeXSpace(jaxBytes());
  const raw = rawRead(jaxBytes());

  it('lists the planes and lines the file holds', () => {
    expect(space.planes.map((p) => p.name)).toEqual(raw.planes.map((p) => p.name));
    expect(space.planes.map((p) => p.name)).toContain('/host:CPU');
    const cpu = space.planes.find((p) => p.name === '/host:CPU')!;
    const rawCpu = raw.planes.find((p) => p.name === '/host:CPU')!;
    expect(cpu.lines.map((l) => l.name)).toEqual(rawCpu.lines.map((l) => l.name));
    expect(cpu.lines.map((l) => l.name)).toContain('python');
    expect(space.hostnames).toEqual(['vm']);
    expect(space.errors).toEqual([]);
  });

  it('keeps every event, with non-negative times', () => {
    const count = (s: { planes: readonly { lines: readonly { events: readonly unknown[] }[] }[] }) =>
      s.planes.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.events.length, 0), 0);
    expect(count(space)).toBe(count(raw));
    expect(count(space)).toBeGreaterThan(100);
    for (const p of space.planes)
      for (const l of p.lines)
        for (const e of l.events) {
          expect(e.offsetPs).toBeGreaterThanOrEqual(0);
          expect(e.durationPs).toBeGreaterThanOrEqual(0);
          expect(p.eventMetadata.has(e.metadataId)).toBe(true);
        }
  });

  it('reads stat metadata keyed by id, and stat values of each kind', () => {
    const cpu = space.planes.find((p) => p.name === '/host:CPU')!;
    const names = new Set([...cpu.statMetadata.values()].map((m) => m.name));
    expect(names).toContain('hlo_op');
    expect(names).toContain('step_num');
    for (const [id, m] of cpu.statMetadata) expect(m.id).toBe(id);
    const stats = cpu.lines.flatMap((l) => l.events.flatMap((e) => e.stats));
    expect(stats.some((s) => s.refValue !== undefined && cpu.statMetadata.has(s.refValue))).toBe(true);
    expect(stats.some((s) => s.int64Value !== undefined)).toBe(true);
    const env = space.planes.find((p) => p.name === 'Task Environment')!;
    const start = env.stats.find((s) => env.statMetadata.get(s.metadataId)?.name === 'profile_start_time');
    // An epoch time in ns around the file's creation (2026).
    expect(start?.uint64Value).toBeGreaterThan(1.7e18);
  });

  it('round-trips through encodeXSpace', () => {
    const again = decodeXSpace(encodeXSpace(space));
    expect(again.planes.map((p) => p.lines.map((l) => [l.name, l.timestampNs, l.events.length]))).toEqual(
      space.planes.map((p) => p.lines.map((l) => [l.name, l.timestampNs, l.events.length])),
    );
    expect(again.planes[1]?.lines[0]?.events.slice(0, 20)).toEqual(space.planes[1]?.lines[0]?.events.slice(0, 20));
  });
});

describe('decodeXSpace on bad input', () => {
  it('explains that the corpus XSpace was mangled by a UTF-8 text conversion', () => {
    const bytes = readFileSync(
      corpusPath('profile-xplane/tpu_inference/plugins/profile/2026_01_01_00_00_00/host0.xplane.pb'),
    );
    expect(() => decodeXSpace(bytes)).toThrow(XSpaceDecodeError);
    expect(() => decodeXSpace(bytes)).toThrow(/U\+FFFD/);
    // Its strings survived, which is how a person can see what it was.
    expect(Buffer.from(bytes).includes('/device:TPU:0')).toBe(true);
  });

  it('keeps the planes before a truncation and names the damage', () => {
    const two: XSpace = {
      planes: [
        { id: 1, name: 'a', lines: [], eventMetadata: new Map(), statMetadata: new Map(), stats: [] },
        { id: 2, name: 'b', lines: [], eventMetadata: new Map(), statMetadata: new Map(), stats: [] },
      ],
      errors: [],
      warnings: [],
      hostnames: ['h'],
    };
    const bytes = encodeXSpace(two);
    const cut = decodeXSpace(bytes.subarray(0, bytes.length - 4));
    expect(cut.planes.map((p) => p.name)).toEqual(['a']);
    expect(cut.errors.length).toBe(1);
  });

  it('reads empty bytes as an empty space and rejects garbage', () => {
    expect(decodeXSpace(new Uint8Array(0)).planes).toEqual([]);
    expect(() => decodeXSpace(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0x0f, 1, 2]))).toThrow(XSpaceDecodeError);
  });
});

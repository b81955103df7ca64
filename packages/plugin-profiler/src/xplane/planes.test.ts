import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeXSpace } from './decode.js';
import { deviceOrdinal, planeKind, planeSortIndex, summarizePlanes } from './planes.js';
import type { XPlane } from './types.js';

const plane = (name: string, lines = 1): XPlane => ({
  id: 0,
  name,
  lines: Array.from({ length: lines }, (_, i) => ({ id: i, displayId: 0, name: '', displayName: '', timestampNs: 0n, durationPs: 0, events: [] })),
  eventMetadata: new Map(),
  statMetadata: new Map(),
  stats: [],
});

describe('planes', () => {
  it('classifies by name and reads device ordinals', () => {
    expect(['/host:CPU', '/device:TPU:0', '/device:GPU:12', 'Task Environment'].map((n) => planeKind(plane(n)))).toEqual(['host', 'device', 'device', 'other']);
    expect(deviceOrdinal('/device:GPU:12')).toBe(12);
    expect(deviceOrdinal('/host:CPU')).toBeNull();
  });

  it('sorts host, then devices by ordinal, then the rest, empty planes last', () => {
    const planes = [plane('/host:metadata', 0), plane('/device:TPU:10'), plane('Task Environment'), plane('/device:TPU:2'), plane('/host:CPU')];
    const sorted = planes.map((p, i) => ({ p, k: planeSortIndex(p, i) })).sort((a, b) => a.k - b.k).map((x) => x.p.name);
    expect(sorted).toEqual(['/host:CPU', '/device:TPU:2', '/device:TPU:10', 'Task Environment', '/host:metadata']);
  });

  it('lists the real file with per-line event counts', () => {
    const space = decodeXSpace(readFileSync(new URL('./testdata/jax-cpu.xplane.pb', import.meta.url)));
    const list = summarizePlanes(space);
    expect(list.map((p) => [p.name, p.kind])).toEqual([
      ['/host:metadata', 'host'],
      ['/host:CPU', 'host'],
      ['Task Environment', 'other'],
    ]);
    const cpu = list[1]!;
    expect(cpu.lines.map((l) => l.eventCount)).toEqual(space.planes[1]!.lines.map((l) => l.events.length));
    expect(cpu.lines.reduce((n, l) => n + l.eventCount, 0)).toBeGreaterThan(100);
    expect(cpu.statMetadataCount).toBe(space.planes[1]!.statMetadata.size);
  });
});

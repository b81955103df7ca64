import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildXSpaceProfile, decodeXSpace, encodeXSpace, type XEvent, type XSpace } from './index.js';

const id = { run: 'jax_cpu', worker: 'vm', span: '2026_11_29_22_45_19' };

describe('buildXSpaceProfile', () => {
  const bytes = readFileSync(new URL('./testdata/jax-cpu.xplane.pb', import.meta.url));

  it('gathers the listing, timeline, op stats and steps into cloneable data', () => {
    const t0 = performance.now();
    const space = decodeXSpace(bytes);
    const t1 = performance.now();
    const profile = buildXSpaceProfile(space, id);
    const t2 = performance.now();
    console.log(`jax-cpu.xplane.pb (${bytes.length} bytes): decode ${(t1 - t0).toFixed(1)} ms, build ${(t2 - t1).toFixed(1)} ms`);

    expect(profile.id).toEqual(id);
    expect(profile.planes.map((p) => [p.name, p.lines.length])).toEqual(space.planes.map((p) => [p.name, p.lines.length]));
    const events = profile.planes.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.eventCount, 0), 0);
    expect(profile.timeline.slices.start.length).toBe(events);
    expect(profile.steps?.steps.length).toBe(5);
    expect(profile.opStats.host?.data.rows.length).toBeGreaterThan(0);
    const clone = structuredClone(profile);
    expect(clone.timeline.slices.start).toEqual(profile.timeline.slices.start);
    expect(clone.opStats).toEqual(profile.opStats);
  });

  it('handles a million events on a device in seconds', () => {
    // 4 device lines of 250,000 ops each, nested two deep, with stats.
    const N = 250_000;
    const line = (k: number) => {
      const events: XEvent[] = [];
      for (let i = 0; i < N; i += 2) {
        const t = i * 1_000_000;
        events.push({ metadataId: 1 + (i % 50), offsetPs: t, numOccurrences: 0, durationPs: 1_500_000, stats: [{ metadataId: 1, refValue: 2 }] });
        events.push({ metadataId: 51, offsetPs: t + 500_000, numOccurrences: 0, durationPs: 500_000, stats: [{ metadataId: 3, int64Value: i }] });
      }
      return { id: k, displayId: k, name: k === 0 ? 'XLA Ops' : `Stream #${k}`, displayName: '', timestampNs: 1_800_000_000_000_000_000n, durationPs: 0, events };
    };
    const space: XSpace = {
      planes: [
        {
          id: 1,
          name: '/device:TPU:0',
          lines: [0, 1, 2, 3].map(line),
          eventMetadata: new Map(Array.from({ length: 51 }, (_, i) => [i + 1, { id: i + 1, name: `op.${i + 1}`, displayName: '', metadata: new Uint8Array(), stats: [], childId: [] }])),
          statMetadata: new Map([
            [1, { id: 1, name: 'hlo_category', description: '' }],
            [2, { id: 2, name: 'convolution', description: '' }],
            [3, { id: 3, name: 'i', description: '' }],
          ]),
          stats: [],
        },
      ],
      errors: [],
      warnings: [],
      hostnames: ['synthetic'],
    };
    const bytes = encodeXSpace(space);
    const t0 = performance.now();
    const decoded = decodeXSpace(bytes);
    const t1 = performance.now();
    const profile = buildXSpaceProfile(decoded, id);
    const t2 = performance.now();
    console.log(`synthetic XSpace, ${4 * N} events (${(bytes.length / 1e6).toFixed(1)} MB): decode ${(t1 - t0).toFixed(0)} ms, build ${(t2 - t1).toFixed(0)} ms`);
    const { slices } = profile.timeline;
    expect(slices.start.length).toBe(4 * N);
    expect(profile.timeline.tracks.map((t) => t.depthCount)).toEqual([2, 2, 2, 2]);
    let deep = 0;
    for (let i = 0; i < slices.depth.length; i++) deep += slices.depth[i]!;
    expect(deep).toBe(2 * N);
    // Op stats read only the XLA Ops line: N/2 outer ops over 50 names, N/2 inner.
    const rows = profile.opStats.device!.data.rows;
    expect(rows.reduce((n, r) => n + (r[3] as number), 0)).toBe(N);
    expect(rows[0]).toEqual(['op.51', '', '', N / 2, N / 2 * 0.5, 0.5, 0.5, 0.5, N / 2 * 0.5, 33.33]);
  }, 60_000);
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeXSpace } from './decode.js';
import { OP_STATS_COLUMNS, xspaceOpStats, type OpStatsTable } from './op-stats.js';
import type { XEvent, XPlane, XSpace } from './types.js';

const col = (name: string) => OP_STATS_COLUMNS.findIndex((c) => c.name === name);
const column = (t: OpStatsTable, name: string) => t.data.rows.map((r) => r[col(name)] as number);

/** Checks that hold for any op table. */
function expectConsistent(t: OpStatsTable): void {
  const total = column(t, 'Total Time (us)');
  expect(total).toEqual([...total].sort((a, b) => b - a));
  for (const r of t.data.rows) {
    expect(r.length).toBe(OP_STATS_COLUMNS.length);
    const [n, tot, avg, min, max, self] = ['Occurrences', 'Total Time (us)', 'Avg. Time (us)', 'Min Time (us)', 'Max Time (us)', 'Total Self Time (us)'].map(
      (c) => r[col(c)] as number,
    ) as [number, number, number, number, number, number];
    expect(min).toBeLessThanOrEqual(avg + 1e-3);
    expect(avg).toBeLessThanOrEqual(max + 1e-3);
    expect(Math.abs(avg * n - tot)).toBeLessThanOrEqual(n * 1e-3);
    expect(self).toBeLessThanOrEqual(tot + 1e-3);
    expect(self).toBeGreaterThanOrEqual(0);
  }
  const pct = column(t, 'Self Time (%)').reduce((a, b) => a + b, 0);
  expect(Math.abs(pct - 100)).toBeLessThanOrEqual(0.01 * t.data.rows.length);
}

describe('xspaceOpStats on a real JAX (CPU) profile', () => {
  const space = decodeXSpace(readFileSync(new URL('./testdata/jax-cpu.xplane.pb', import.meta.url)));
  const stats = xspaceOpStats(space);

  it('has host ops only (a CPU run has no device plane)', () => {
    expect(stats.device).toBeNull();
    expect(stats.host).not.toBeNull();
    expectConsistent(stats.host!);
  });

  it('counts and times exactly the events that carry an hlo_op stat', () => {
    const cpu = space.planes.find((p) => p.name === '/host:CPU')!;
    const hloOp = [...cpu.statMetadata.values()].find((m) => m.name === 'hlo_op')!.id;
    const counted = new Map<string, { n: number; ps: number }>();
    for (const line of cpu.lines)
      for (const e of line.events) {
        if (!e.stats.some((s) => s.metadataId === hloOp)) continue;
        const name = cpu.eventMetadata.get(e.metadataId)!.name;
        const c = counted.get(name) ?? { n: 0, ps: 0 };
        counted.set(name, { n: c.n + 1, ps: c.ps + e.durationPs });
      }
    const rows = stats.host!.data.rows;
    expect(rows.map((r) => r[0]).sort()).toEqual([...counted.keys()].sort());
    for (const r of rows) {
      const c = counted.get(r[0] as string)!;
      expect(r[col('Occurrences')]).toBe(c.n);
      expect(r[col('Total Time (us)')]).toBeCloseTo(c.ps / 1e6, 3);
    }
    // jax-cpu.py ran the jitted step 5 times inside the trace: every op of it ran 5 times.
    expect(new Set(rows.map((r) => r[col('Occurrences')]))).toEqual(new Set([5]));
  });
});

describe('xspaceOpStats on a hand-made device profile', () => {
  const ev = (metadataId: number, offsetPs: number, durationPs: number): XEvent => ({ metadataId, offsetPs, numOccurrences: 0, durationPs, stats: [] });
  const tpu = (n: number, lines: XPlane['lines']): XPlane => ({
    id: n,
    name: `/device:TPU:${n}`,
    lines,
    eventMetadata: new Map([
      [1, { id: 1, name: 'while.1', displayName: '', metadata: new Uint8Array(), stats: [{ metadataId: 1, refValue: 10 }], childId: [] }],
      [2, { id: 2, name: 'convolution.2', displayName: '', metadata: new Uint8Array(), stats: [{ metadataId: 1, refValue: 11 }, { metadataId: 2, strValue: 'model/conv:Conv2D' }], childId: [] }],
      [3, { id: 3, name: 'Step 1', displayName: '', metadata: new Uint8Array(), stats: [], childId: [] }],
    ]),
    statMetadata: new Map([
      [1, { id: 1, name: 'hlo_category', description: '' }],
      [2, { id: 2, name: 'tf_op', description: '' }],
      [10, { id: 10, name: 'control flow', description: '' }],
      [11, { id: 11, name: 'convolution', description: '' }],
    ]),
    stats: [],
  });
  const line = (name: string, events: XEvent[]) => ({ id: 1, displayId: 0, name, displayName: '', timestampNs: 0n, durationPs: 0, events });
  const space: XSpace = {
    planes: [
      tpu(0, [line('Steps', [ev(3, 0, 50_000_000)]), line('XLA Ops', [ev(1, 0, 10_000_000), ev(2, 1_000_000, 4_000_000), ev(2, 6_000_000, 2_000_000)])]),
      tpu(1, [line('XLA Ops', [ev(2, 0, 3_000_000)])]),
    ],
    errors: [],
    warnings: [],
    hostnames: [],
  };
  const table = xspaceOpStats(space).device!;

  it('reads only the XLA Ops lines, summing over devices', () => {
    expect(table.data.rows).toEqual([
      ['while.1', 'control flow', '', 1, 10, 10, 10, 10, 4, 30.77],
      ['convolution.2', 'convolution', 'model/conv:Conv2D', 3, 9, 3, 2, 4, 9, 69.23],
    ]);
    expectConsistent(table);
    expect(xspaceOpStats(space).host).toBeNull();
  });

  it('falls back to all lines of a device plane without XLA Ops', () => {
    const bare: XSpace = { ...space, planes: [tpu(0, [line('Steps', [ev(3, 0, 50_000_000)])])] };
    expect(xspaceOpStats(bare).device!.data.rows.map((r) => r[0])).toEqual(['Step 1']);
  });
});

import { referenceJson, referenceRequests } from '@tb/core/testing';
import { describe, expect, it } from 'vitest';
import type { DiffNode } from './api.js';
import { childLabels, diffRows } from './diff-rows.js';

const diffs = referenceRequests('profile-kineto', '/data/plugin/pytorch_profiler/diff').filter((r) => r.path.endsWith('/diff'));

describe('diffRows on the real comparisons', () => {
  for (const request of diffs) {
    const base = request.query.find(([k]) => k === 'run')![1];
    it(`matches every operator of both sides (baseline ${base})`, () => {
      const node = referenceJson('profile-kineto', request) as DiffNode;
      const rows = diffRows(node);
      const names = new Set([...node.left.aggs.map((a) => a.name), ...node.right.aggs.map((a) => a.name)]);
      expect(rows.map((r) => r.name).sort()).toEqual([...names].sort());
      for (const row of rows) {
        const l = node.left.aggs.find((a) => a.name === row.name);
        const r = node.right.aggs.find((a) => a.name === row.name);
        expect(row.calls.base).toBe(l?.calls ?? 0);
        expect(row.calls.exp).toBe(r?.calls ?? 0);
        expect(row.host_duration.delta).toBe((r?.host_duration ?? 0) - (l?.host_duration ?? 0));
        if (l && l.self_device_duration > 0) expect(row.self_device_duration.deltaPct).toBeCloseTo((((r?.self_device_duration ?? 0) - l.self_device_duration) / l.self_device_duration) * 100, 9);
      }
      expect(childLabels(node.children ?? [])).toHaveLength(node.children!.length);
      expect(childLabels(node.children ?? [])[1]).toBe(`2. ${node.children![1]!.left.name}`);
    });
  }

  it('costs a corrupt aggregate only that aggregate', () => {
    const node = {
      left: { name: 'x', duration: 1, device_duration: 0, total_duration: 1, aggs: [null, { name: 'a', calls: 2, host_duration: 'bad' }] },
      right: { name: 'x', duration: 1, device_duration: 0, total_duration: 1, aggs: [{ name: 'b', calls: 1, host_duration: 5, device_duration: 0, self_host_duration: 5, self_device_duration: 0 }] },
    } as unknown as DiffNode;
    const rows = diffRows(node);
    expect(rows.map((r) => r.name)).toEqual(['a', 'b']);
    expect(rows[0]!.host_duration).toEqual({ base: 0, exp: 0, delta: 0, deltaPct: Number.NaN });
    expect(rows[1]!.calls.delta).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { makeTimeline } from './test-timeline.js';
import { COUNTER_HEIGHT, depthAt, HEADER_HEIGHT, layoutTracks, LEVEL_HEIGHT, rowAt, TRACK_GAP, visibleRows } from './TrackLayout.js';

const t = makeTimeline(
  [
    { name: 'python (pid 9)', sortIndex: 9 },
    { name: 'GPU 0', sortIndex: 0 },
  ],
  [
    { process: 0, name: 'thread 9', sortIndex: 9, depthCount: 3 },
    { process: 1, name: 'stream 13', sortIndex: 13, depthCount: 1 },
    { process: 1, name: 'stream 7', sortIndex: 7, depthCount: 1 },
  ],
  [],
  [{ name: 'util', process: 1, ts: Float64Array.of(0), values: Float64Array.of(1) }],
);

describe('track layout', () => {
  it('orders processes and tracks by sort index, counters after tracks', () => {
    const layout = layoutTracks(t, new Set());
    expect(layout.rows.map((r) => `${r.kind}:${r.kind === 'process' ? r.process : r.kind === 'track' ? r.track : r.counter}`)).toEqual([
      'process:1', 'track:2', 'track:1', 'counter:0', 'process:0', 'track:0',
    ]);
    const h = LEVEL_HEIGHT + TRACK_GAP;
    expect(layout.trackY[2]).toBe(HEADER_HEIGHT);
    expect(layout.trackY[1]).toBe(HEADER_HEIGHT + h);
    expect(layout.trackY[0]).toBe(2 * HEADER_HEIGHT + 2 * h + COUNTER_HEIGHT + TRACK_GAP);
    expect(layout.height).toBe(layout.trackY[0]! + 3 * LEVEL_HEIGHT + TRACK_GAP);
  });

  it('hides a collapsed process\'s tracks', () => {
    const layout = layoutTracks(t, new Set([1]));
    expect(layout.rows.map((r) => r.kind)).toEqual(['process', 'process', 'track']);
    expect(layout.trackY[1]).toBe(-1);
    expect(layout.trackY[0]).toBe(2 * HEADER_HEIGHT);
  });

  it('leaves out a process with neither tracks nor counters', () => {
    const withEmpty = makeTimeline([...t.processes, { name: '/host:metadata', sortIndex: 99 }], t.tracks, [], t.counters);
    expect(layoutTracks(withEmpty, new Set()).rows.filter((r) => r.kind === 'process').map((r) => r.kind === 'process' && r.process)).toEqual([1, 0]);
  });

  it('finds the row and level under a y position', () => {
    const layout = layoutTracks(t, new Set());
    const y0 = layout.trackY[0]!;
    const row = layout.rows[rowAt(layout, y0 + 2.5 * LEVEL_HEIGHT)]!;
    expect(row.kind === 'track' && row.track).toBe(0);
    expect(depthAt(row, y0 + 2.5 * LEVEL_HEIGHT)).toBe(2);
    expect(depthAt(row, y0 + 3 * LEVEL_HEIGHT + 1)).toBe(-1); // the gap
    expect(rowAt(layout, 0)).toBe(0);
    expect(rowAt(layout, layout.height + 1)).toBe(-1);
    expect(visibleRows(layout, HEADER_HEIGHT + 1, HEADER_HEIGHT + 2)).toEqual([1, 2]);
    expect(visibleRows(layout, 0, layout.height)).toEqual([0, layout.rows.length]);
  });
});

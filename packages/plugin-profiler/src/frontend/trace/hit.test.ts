import { describe, expect, it } from 'vitest';
import { flowsOf, hitTest, sliceY } from './hit.js';
import { makeTimeline } from './test-timeline.js';
import { HEADER_HEIGHT, layoutTracks, LEVEL_HEIGHT } from './TrackLayout.js';
import { buildLevels } from './visible.js';

const base = makeTimeline(
  [{ name: 'p', sortIndex: 0 }],
  [{ process: 0, name: 'main', sortIndex: 0, depthCount: 2 }, { process: 0, name: 'stream 7', sortIndex: 1, depthCount: 1 }],
  [
    [0, 0, 100, 0, 'step'],
    [0, 10, 5, 1, 'cudaLaunchKernel'],
    [0, 50, 5, 1, 'cudaLaunchKernel'],
    [1, 20, 30, 0, 'gemm'],
    [1, 60, 30, 0, 'relu'],
  ],
);
const t = { ...base, flows: { from: Uint32Array.of(1, 2), to: Uint32Array.of(3, 4) } };
const layout = layoutTracks(t, new Set());
const levels = buildLevels(t);
const view = { start: 0, end: 100 };

describe('hit testing', () => {
  it('finds the slice, the header or nothing under a point', () => {
    const y1 = HEADER_HEIGHT + LEVEL_HEIGHT * 1.5; // main, level 1
    expect(hitTest(layout, levels, view, 100, 12, y1)).toEqual({ kind: 'slice', slice: 1 });
    expect(hitTest(layout, levels, view, 100, 30, y1)).toEqual({ kind: 'none' });
    expect(hitTest(layout, levels, view, 100, 16, y1)).toEqual({ kind: 'slice', slice: 1 }); // within the slop
    expect(hitTest(layout, levels, view, 100, 30, HEADER_HEIGHT + 2)).toEqual({ kind: 'slice', slice: 0 });
    expect(hitTest(layout, levels, view, 100, 30, 3)).toEqual({ kind: 'process', process: 0 });
    expect(hitTest(layout, levels, view, 100, 70, sliceY(t, layout, 4))).toEqual({ kind: 'slice', slice: 4 });
  });

  it('lists the flows of a slice both ways', () => {
    expect(flowsOf(t, 2)).toEqual([{ other: 4, outgoing: true }]);
    expect(flowsOf(t, 3)).toEqual([{ other: 1, outgoing: false }]);
    expect(flowsOf(t, 0)).toEqual([]);
    expect(sliceY(t, layoutTracks(t, new Set([0])), 3)).toBe(-1);
  });
});

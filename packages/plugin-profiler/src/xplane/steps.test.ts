import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeXSpace } from './decode.js';
import { xspaceSteps } from './steps.js';
import { xspaceTimeline } from './timeline.js';
import type { XEvent, XPlane, XSpace } from './types.js';

const dir = new URL('./testdata/', import.meta.url);

describe('xspaceSteps on a real JAX profile', () => {
  const space = decodeXSpace(readFileSync(new URL('jax-cpu.xplane.pb', dir)));
  const timeline = xspaceTimeline(space);
  const steps = xspaceSteps(space, timeline.origin)!;

  it('finds the five StepTraceAnnotation steps on the host', () => {
    expect(steps.source).toBe('host');
    expect(steps.plane).toBe('/host:CPU');
    // jax-cpu.py annotated steps 0..4 with the name "train".
    expect(steps.steps.map((s) => [s.step, s.name])).toEqual(['0', '1', '2', '3', '4'].map((n) => [n, 'train']));
  });

  it('times them as JAX itself did', () => {
    const chrome = JSON.parse(gunzipSync(readFileSync(new URL('jax-cpu.trace.json.gz', dir))).toString()) as {
      traceEvents: { ph: string; name: string; ts: number; dur: number; args?: { step_num?: string } }[];
    };
    const theirs = chrome.traceEvents.filter((e) => e.ph === 'X' && e.args?.step_num !== undefined).sort((a, b) => a.ts - b.ts);
    expect(steps.steps.map((s) => s.step)).toEqual(theirs.map((e) => e.args!.step_num));
    steps.steps.forEach((s, i) => {
      expect(s.durationUs).toBeCloseTo(theirs[i]!.dur, 3);
      expect(s.startUs + timeline.origin).toBeCloseTo(theirs[i]!.ts, 3);
    });
    expect(steps.meanUs).toBeCloseTo(theirs.reduce((a, e) => a + e.dur, 0) / theirs.length, 3);
    expect(steps.minUs).toBeCloseTo(Math.min(...theirs.map((e) => e.dur)), 3);
  });
});

describe('xspaceSteps on hand-made profiles', () => {
  const ev = (metadataId: number, offsetPs: number, durationPs: number): XEvent => ({ metadataId, offsetPs, numOccurrences: 0, durationPs, stats: [] });
  const plane = (name: string, lines: XPlane['lines'], names: string[]): XPlane => ({
    id: 0,
    name,
    lines,
    eventMetadata: new Map(names.map((n, i) => [i + 1, { id: i + 1, name: n, displayName: '', metadata: new Uint8Array(), stats: [], childId: [] }])),
    statMetadata: new Map(),
    stats: [],
  });
  const line = (name: string, events: XEvent[]) => ({ id: 1, displayId: 0, name, displayName: '', timestampNs: 2000n, durationPs: 0, events });
  const space = (...planes: XPlane[]): XSpace => ({ planes, errors: [], warnings: [], hostnames: [] });

  it("prefers a device plane's Steps line", () => {
    const s = xspaceSteps(
      space(
        plane('/host:CPU', [line('main', [ev(1, 0, 5)])], ['StepMarker']),
        plane('/device:TPU:0', [line('Steps', [ev(2, 3_000_000, 7_000_000), ev(1, 0, 2_000_000)])], ['10', '11']),
      ),
    )!;
    expect(s.source).toBe('device');
    expect(s.steps).toEqual([
      { step: '11', name: '11', startUs: 5, durationUs: 7 },
      { step: '10', name: '10', startUs: 2, durationUs: 2 },
    ]);
    expect([s.meanUs, s.minUs, s.maxUs]).toEqual([4.5, 2, 7]);
  });

  it('falls back to step-marker names on the host, numbered in time order', () => {
    const s = xspaceSteps(space(plane('/host:CPU', [line('main', [ev(1, 9_000_000, 1_000_000), ev(2, 0, 1_000_000), ev(1, 0, 4_000_000)])], ['TraceContext', 'other'])))!;
    expect(s.steps.map((x) => [x.step, x.startUs, x.durationUs])).toEqual([
      ['0', 2, 4],
      ['1', 11, 1],
    ]);
  });

  it('is null without step markers', () => {
    expect(xspaceSteps(space(plane('/host:CPU', [line('main', [ev(1, 0, 5)])], ['work'])))).toBeNull();
    expect(xspaceSteps(space())).toBeNull();
  });
});

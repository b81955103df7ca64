import { detailAt, detailCount } from '../timeline/details.js';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { XPLANE_PROTO_PATH, decodeXSpace } from './decode.js';
import { xspaceTimeline } from './timeline.js';

const dir = new URL('./testdata/', import.meta.url);
const space = decodeXSpace(readFileSync(new URL('jax-cpu.xplane.pb', dir)));
const timeline = xspaceTimeline(space);
const { slices } = timeline;

/** JAX's own Chrome-trace rendering of the same XSpace, written beside it. */
interface ChromeEvent {
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur: number;
  name: string;
  args?: Record<string, string>;
}
const chrome = JSON.parse(gunzipSync(readFileSync(new URL('jax-cpu.trace.json.gz', dir))).toString()) as {
  traceEvents: ChromeEvent[];
};

describe('xspaceTimeline on a real JAX profile', () => {
  it('has one slice per timed event, counted from the decoded proto', () => {
    let events = 0;
    for (const p of space.planes) for (const l of p.lines) events += l.events.filter((e) => e.numOccurrences === 0).length;
    expect(slices.start.length).toBe(events);
    for (const col of [slices.track, slices.dur, slices.depth, slices.name, slices.cat]) expect(col.length).toBe(events);
    expect(detailCount(timeline.details)).toBe(events);
  });

  it('makes every plane a process and every line a track, host first', () => {
    expect(timeline.processes.map((p) => p.name).sort()).toEqual(space.planes.map((p) => p.name).sort());
    expect(timeline.processes[0]?.name).toBe('/host:CPU');
    const cpu = space.planes.find((p) => p.name === '/host:CPU')!;
    expect(timeline.tracks.filter((t) => t.process === 0).map((t) => t.name)).toEqual(cpu.lines.map((l) => l.displayName || l.name));
    expect(timeline.tracks.every((t) => t.kind === 'cpu')).toBe(true);
  });

  it('sorts slices by track then start, from 0, with non-negative durations', () => {
    let minStart = Infinity;
    for (let i = 0; i < slices.start.length; i++) {
      expect(slices.dur[i]).toBeGreaterThanOrEqual(0);
      minStart = Math.min(minStart, slices.start[i]!);
      if (i > 0) {
        const prevTrack = slices.track[i - 1]!;
        expect(slices.track[i]).toBeGreaterThanOrEqual(prevTrack);
        if (slices.track[i] === prevTrack) expect(slices.start[i]).toBeGreaterThanOrEqual(slices.start[i - 1]!);
      }
      expect(slices.start[i]! + slices.dur[i]!).toBeLessThanOrEqual(timeline.duration + 1e-9);
    }
    expect(minStart).toBe(0);
  });

  it('places and names every slice as JAX itself did (within 1 ns)', () => {
    const threadName = new Map<number, string>();
    for (const e of chrome.traceEvents)
      if (e.ph === 'M' && e.name === 'thread_name') threadName.set(e.tid, (e.args as { name: string }).name);
    const theirs = chrome.traceEvents
      .filter((e) => e.ph === 'X')
      .map((e) => ({ track: threadName.get(e.tid)!, name: e.name, ts: e.ts, dur: e.dur, args: e.args ?? {} }));
    const ours = Array.from(slices.start, (s, i) => ({
      track: timeline.tracks[slices.track[i]!]!.name,
      name: timeline.names[slices.name[i]!]!,
      ts: timeline.origin + s,
      dur: slices.dur[i]!,
      details: JSON.parse(detailAt(timeline.details, i) ?? '{}') as Record<string, unknown>,
    }));
    expect(ours.length).toBe(theirs.length);
    const key = (e: { track: string; name: string; ts: number }) => `${e.track}|${e.name}|${e.ts.toFixed(3)}`;
    const byKey = new Map<string, (typeof ours)[number][]>();
    for (const o of ours) byKey.set(key(o), [...(byKey.get(key(o)) ?? []), o]);
    for (const t of theirs) {
      const candidates = byKey.get(key(t)) ?? [];
      // JAX writes a zero duration as 1e-6 µs (1 ps).
      const match = candidates.find((o) => Math.abs(o.dur - t.dur) <= 1.001e-6);
      expect(match, `${key(t)} dur ${t.dur}`).toBeDefined();
      for (const [k, v] of Object.entries(t.args)) expect(String(match!.details[k])).toBe(v);
      candidates.splice(candidates.indexOf(match!), 1);
    }
  });

  it('nests slices under an enclosing slice one level up on the same track', () => {
    for (let i = 0; i < slices.start.length; i++) {
      const d = slices.depth[i]!;
      expect(d).toBeLessThan(timeline.tracks[slices.track[i]!]!.depthCount);
      if (d === 0) continue;
      let parent = -1;
      for (let j = i - 1; j >= 0 && slices.track[j] === slices.track[i]; j--)
        if (slices.depth[j] === d - 1) {
          parent = j;
          break;
        }
      expect(parent).toBeGreaterThanOrEqual(0);
      expect(slices.start[parent]! + slices.dur[parent]!).toBeGreaterThan(slices.start[i]!);
    }
    const python = timeline.tracks.findIndex((t) => t.name === 'python');
    expect(timeline.tracks[python]!.depthCount).toBeGreaterThan(2);
  });
});

describe('xspaceTimeline on a hand-made XSpace', () => {
  // Encoded with protobufjs straight from the schema, not with our encoder.
  const type = protobuf.loadSync(XPLANE_PROTO_PATH).lookupType('tensorflow.profiler.XSpace');
  const ev = (metadataId: number, offsetPs: number, durationPs: number, stats: object[] = []) => ({ metadataId, offsetPs, durationPs, stats });
  const bytes = type
    .encode(
      type.fromObject({
        planes: [
          {
            id: 7,
            name: '/device:TPU:1',
            eventMetadata: { 1: { id: 1, name: 'outer' }, 2: { id: 2, name: 'inner', displayName: 'Inner op' }, 3: { id: 3, name: 'leaf' } },
            statMetadata: { 1: { id: 1, name: 'hlo_category' }, 2: { id: 2, name: 'convolution' }, 3: { id: 3, name: 'flops' } },
            lines: [
              {
                id: 1,
                name: 'XLA Ops',
                timestampNs: '1700000000000000123',
                events: [
                  ev(3, 3_000_000, 1_000_000), // leaf: 3..4 µs, inside inner
                  ev(1, 0, 10_000_000, [{ metadataId: 1, refValue: 2 }, { metadataId: 3, uint64Value: 42 }]),
                  ev(2, 2_000_000, 5_000_000), // inner: 2..7 µs, inside outer
                  ev(2, 7_000_000, 1_000_000), // starts where the first inner ends: depth 1
                  { metadataId: 3, numOccurrences: 5, durationPs: 9 }, // aggregated: no slice
                ],
              },
            ],
          },
          { id: 1, name: '/host:CPU', lines: [{ id: 9, name: 'main', displayName: 'Main thread', timestampNs: '1700000000000000000', events: [ev(1, 0, 100)] }] },
        ],
      }),
    )
    .finish();
  const t = xspaceTimeline(decodeXSpace(bytes));

  it('orders host before device, names tracks by display name', () => {
    expect(t.processes.map((p) => p.name)).toEqual(['/host:CPU', '/device:TPU:1']);
    expect(t.tracks.map((x) => [x.process, x.name, x.kind])).toEqual([
      [0, 'Main thread', 'cpu'],
      [1, 'XLA Ops', 'device'],
    ]);
  });

  it('computes depth, sorts by start and aligns lines to the nanosecond', () => {
    const rows = Array.from(t.slices.start, (s, i) => [t.names[t.slices.name[i]!], s, t.slices.dur[i], t.slices.depth[i]]);
    expect(rows).toEqual([
      ['event#1', 0, 0.0001, 0], // the host plane has no event metadata: the slice stays, unnamed
      ['outer', 0.123, 10, 0],
      ['inner', 2.123, 5, 1],
      ['leaf', 3.123, 1, 2],
      ['inner', 7.123, 1, 1],
    ]);
    expect(t.tracks.map((x) => x.depthCount)).toEqual([1, 3]);
    expect(t.origin).toBeCloseTo(1_700_000_000_000_000, -1);
  });

  it('resolves stats into the details and the category', () => {
    expect(JSON.parse(detailAt(t.details, 1)!)).toEqual({ hlo_category: 'convolution', flops: 42 });
    expect(JSON.parse(detailAt(t.details, 2)!)).toEqual({ display_name: 'Inner op' });
    expect(detailAt(t.details, 3)).toBeNull();
    expect(t.categories[t.slices.cat[1]!]).toBe('convolution');
  });
});

/**
 * The trace viewer's {@link Timeline} of a Kineto or autograd-profiler trace: a process
 * per pid, a track per (pid, tid), the 'X' slices (and 'B'/'E' pairs) nested by time,
 * Kineto's launch flows (CPU runtime call to GPU kernel), and the 'C' counters.
 * One pass over the events into growable columns, one index sort, then typed arrays.
 */
import { packDetails } from './details.js';
import type { ProfileTrace, TraceEvent } from '../trace/types.js';
import { CounterCollector } from './counters.js';
import { assignDepths } from './depth.js';
import { enclosingSlice, FlowCollector } from './flows.js';
import { Interner } from './intern.js';
import { TraceMetadata } from './trace-metadata.js';
import type { Timeline, TimelineProcess, TimelineTrack } from './types.js';

/** A slice as read, before sorting: track is a provisional (pid, tid) id. */
interface RawSlices {
  track: number[];
  ts: number[];
  dur: number[];
  name: number[];
  cat: number[];
  args: (Readonly<Record<string, unknown>> | undefined)[];
}

/** The timeline of a whole trace. Events it cannot use (no finite time, an 'E' without 'B') are skipped. */
export function traceTimeline(trace: ProfileTrace): Timeline {
  const meta = new TraceMetadata();
  const names = new Interner();
  const categories = new Interner();
  const keys = new Map<string, number>();
  const keyIds: { pid: string; tid: string }[] = [];
  const raw: RawSlices = { track: [], ts: [], dur: [], name: [], cat: [], args: [] };
  const open = new Map<number, TraceEvent[]>();
  const flowEvents: TraceEvent[] = [];
  const counters = new CounterCollector();
  let lastTs = -Infinity;

  const trackOf = (e: TraceEvent): number => {
    const pid = String(e.pid);
    const tid = String(e.tid);
    const key = `${pid}\u0000${tid}`;
    let id = keys.get(key);
    if (id === undefined) {
      id = keyIds.length;
      keys.set(key, id);
      keyIds.push({ pid, tid });
    }
    return id;
  };
  const push = (track: number, e: TraceEvent, dur: number, args: RawSlices['args'][number]): void => {
    raw.track.push(track);
    raw.ts.push(e.ts);
    raw.dur.push(dur);
    raw.name.push(names.id(typeof e.name === 'string' ? e.name : ''));
    raw.cat.push(categories.id(typeof e.cat === 'string' ? e.cat : ''));
    raw.args.push(args);
  };

  for (const e of trace.traceEvents) {
    if (e.ph === 'M') {
      meta.add(e);
      continue;
    }
    if (typeof e.ts !== 'number' || !Number.isFinite(e.ts)) continue;
    if (e.ts > lastTs) lastTs = e.ts;
    switch (e.ph) {
      case 'X': {
        const dur = typeof e.dur === 'number' && Number.isFinite(e.dur) && e.dur > 0 ? e.dur : 0;
        push(trackOf(e), e, dur, e.args);
        if (e.ts + dur > lastTs) lastTs = e.ts + dur;
        break;
      }
      case 'B': {
        const t = trackOf(e);
        let stack = open.get(t);
        if (!stack) open.set(t, (stack = []));
        stack.push(e);
        break;
      }
      case 'E': {
        const t = trackOf(e);
        const b = open.get(t)?.pop();
        if (b) push(t, b, Math.max(0, e.ts - b.ts), b.args || e.args ? { ...b.args, ...e.args } : undefined);
        break;
      }
      case 's':
      case 'f':
        if (e.id !== undefined) flowEvents.push(e);
        break;
      case 'C':
        counters.add(String(e.pid), e.name, e.ts, e.args);
        break;
    }
  }
  // A 'B' never closed lasts to the end of the trace.
  for (const [t, stack] of open) for (const b of stack) push(t, b, Math.max(0, lastTs - b.ts), b.args);

  const rawCounters = counters.finish();
  const { processes, tracks, finalTrack, processIndex } = buildTracks(meta, keyIds, rawCounters.map((c) => c.pid));

  // Sort by (track, start, longest first, order read).
  const n = raw.ts.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => finalTrack[raw.track[a]!]! - finalTrack[raw.track[b]!]! || raw.ts[a]! - raw.ts[b]! || raw.dur[b]! - raw.dur[a]! || a - b);

  let origin = Math.min(counters.minTs(), minOf(raw.ts));
  if (!Number.isFinite(origin)) origin = 0;

  const track = new Uint32Array(n);
  const start = new Float64Array(n);
  const dur = new Float64Array(n);
  const depth = new Uint16Array(n);
  const name = new Uint32Array(n);
  const cat = new Uint16Array(n);
  const details: (string | null)[] = new Array<string | null>(n);
  let end = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    track[k] = finalTrack[raw.track[i]!]!;
    start[k] = raw.ts[i]! - origin;
    dur[k] = raw.dur[i]!;
    name[k] = raw.name[i]!;
    cat[k] = Math.min(raw.cat[i]!, 0xffff);
    const args = raw.args[i];
    details[k] = args && Object.keys(args).length > 0 ? JSON.stringify(args) : null;
    if (start[k]! + dur[k]! > end) end = start[k]! + dur[k]!;
  }

  // Depths, track by track; remember each track's slice range for the flows.
  const ranges = new Uint32Array(tracks.length + 1);
  const depthCounts = new Array<number>(tracks.length).fill(0);
  for (let k = 0, t = 0; t < tracks.length; t++) {
    const from = k;
    while (k < n && track[k] === t) k++;
    ranges[t + 1] = k;
    depthCounts[t] = assignDepths(start, dur, from, k, depth);
  }

  const from: number[] = [];
  const to: number[] = [];
  const flows = new FlowCollector();
  for (const e of flowEvents) {
    // A flow point binds to a slice of its own thread; a thread without slices has none.
    const t = keys.get(`${String(e.pid)}\u0000${String(e.tid)}`);
    if (t !== undefined) flows.add(e.ph, typeof e.cat === 'string' ? e.cat : '', String(e.id), { track: finalTrack[t]!, ts: e.ts - origin });
  }
  for (const [s, f] of flows.pairs()) {
    const a = enclosingSlice(start, dur, depth, ranges[s.track]!, ranges[s.track + 1]!, s.ts);
    const b = enclosingSlice(start, dur, depth, ranges[f.track]!, ranges[f.track + 1]!, f.ts);
    if (a >= 0 && b >= 0) {
      from.push(a);
      to.push(b);
    }
  }

  return {
    origin,
    duration: end,
    processes,
    tracks: tracks.map((t, i) => ({ ...t, depthCount: depthCounts[i]! })),
    slices: { track, start, dur, depth, name, cat },
    names: names.values,
    categories: categories.values.slice(0, 0x10000),
    flows: { from: Uint32Array.from(from), to: Uint32Array.from(to) },
    counters: rawCounters.map((c) => ({
      name: c.name,
      process: processIndex.get(c.pid)!,
      ts: c.ts.map((v) => v - origin),
      values: c.values,
    })),
    details: packDetails(details),
  };
}

/** Processes (those with a track or a counter) and tracks in display order. */
function buildTracks(meta: TraceMetadata, keyIds: readonly { pid: string; tid: string }[], counterPids: readonly string[]) {
  const pids = [...new Set([...keyIds.map((k) => k.pid), ...counterPids])];
  const processIndex = new Map<string, number>();
  const processes: TimelineProcess[] = pids
    .map((pid) => ({ pid, name: meta.processName(pid), sortIndex: meta.processSortIndex(pid) }))
    .sort((a, b) => a.sortIndex - b.sortIndex || compare(a.name, b.name) || compare(a.pid, b.pid))
    .map(({ pid, name, sortIndex }) => {
      processIndex.set(pid, processIndex.size);
      return { name, sortIndex };
    });
  const provisional = keyIds.map(({ pid, tid }, id) => ({
    id,
    process: processIndex.get(pid)!,
    name: meta.threadName(pid, tid),
    sortIndex: meta.threadSortIndex(pid, tid),
    kind: meta.trackKind(pid, tid),
  }));
  provisional.sort((a, b) => a.process - b.process || a.sortIndex - b.sortIndex || compare(a.name, b.name) || a.id - b.id);
  const finalTrack = new Uint32Array(keyIds.length);
  provisional.forEach((t, i) => (finalTrack[t.id] = i));
  const tracks: Omit<TimelineTrack, 'depthCount'>[] = provisional.map(({ process, name, sortIndex, kind }) => ({ process, name, sortIndex, kind }));
  return { processes, tracks, finalTrack, processIndex };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function minOf(values: readonly number[]): number {
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  return min;
}

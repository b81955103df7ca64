/**
 * An XSpace as the trace viewer's {@link Timeline}: each plane a process (host planes
 * first, then devices by ordinal, then the rest), each line a track, each timed event a
 * slice. Times are microseconds from the earliest event; nesting depth is computed per
 * line from the intervals (XLine events nest but do not partially overlap; when bad data
 * does overlap, the later event is drawn one level deeper). Aggregated events (those
 * with num_occurrences and no start time) have no place on a timeline and are left out;
 * so are events with a negative duration.
 *
 * Built in one pass into preallocated typed arrays, so millions of events cost a few
 * arrays plus one details string per event that has stats.
 */
import { packDetails } from '../timeline/details.js';
import type { Timeline, TimelineProcess, TimelineTrack } from '../timeline/types.js';
import { nestingDepths } from './nesting.js';
import { planeKind, planeSortIndex } from './planes.js';
import { StatFinder, statsRecord, type StatValue } from './stats.js';
import type { XEvent, XLine, XPlane, XSpace } from './types.js';

/** Stats naming an event's category, in order of preference. */
const CATEGORY_STATS = ['hlo_category', 'category', 'tf_op_type'] as const;

/** Interns strings to dense indices. */
class Interner {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/** Whether the event belongs on a timeline. */
export function isTimedEvent(e: XEvent): boolean {
  return e.numOccurrences <= 0 && e.durationPs >= 0 && e.offsetPs >= 0 && Number.isFinite(e.offsetPs + e.durationPs);
}

/** The details JSON of one event: metadata stats, then its own, plus names; null when there is nothing. */
export function eventDetails(plane: XPlane, event: XEvent): string | null {
  const meta = plane.eventMetadata.get(event.metadataId);
  const record: Record<string, StatValue> = {};
  if (meta?.displayName && meta.displayName !== meta.name) record.display_name = meta.displayName;
  if (meta) statsRecord(plane, meta.stats, record);
  statsRecord(plane, event.stats, record);
  return Object.keys(record).length > 0 ? JSON.stringify(record) : null;
}

/** The trace viewer's model of a whole XSpace. */
export function xspaceTimeline(space: XSpace): Timeline {
  // Planes in display order.
  const planes = space.planes
    .map((plane, position) => ({ plane, sortIndex: planeSortIndex(plane, position) }))
    .sort((a, b) => a.sortIndex - b.sortIndex || a.plane.name.localeCompare(b.plane.name));

  // Origin: the earliest line timestamp among lines with events; exact in bigint.
  let total = 0;
  let originNs: bigint | null = null;
  for (const { plane } of planes)
    for (const line of plane.lines) {
      const n = line.events.reduce((c, e) => c + (isTimedEvent(e) ? 1 : 0), 0);
      total += n;
      if (n > 0 && (originNs === null || line.timestampNs < originNs)) originNs = line.timestampNs;
    }
  const base = originNs ?? 0n;

  const track = new Uint32Array(total);
  const start = new Float64Array(total);
  const dur = new Float64Array(total);
  const depth = new Uint16Array(total);
  const name = new Uint32Array(total);
  const cat = new Uint16Array(total);
  const details: (string | null)[] = new Array<string | null>(total).fill(null);
  const names = new Interner();
  const categories = new Interner();
  const processes: TimelineProcess[] = [];
  const tracks: TimelineTrack[] = [];

  let at = 0;
  for (const { plane, sortIndex } of planes) {
    const processIndex = processes.length;
    processes.push({ name: plane.name || `plane ${plane.id}`, sortIndex });
    const kind = planeKind(plane);
    const finder = new StatFinder(plane);
    const hasCategory = CATEGORY_STATS.some((s) => finder.has(s));
    plane.lines.forEach((line, lineIndex) => {
      const trackIndex = tracks.length;
      const depthCount = fillLine(line, plane, at, base, hasCategory ? finder : null, kind);
      tracks.push({
        process: processIndex,
        name: line.displayName || line.name || `line ${line.id}`,
        sortIndex: lineIndex,
        kind: kind === 'host' ? 'cpu' : kind === 'device' ? 'device' : 'other',
        depthCount,
      });
      const n = countTimed(line);
      track.fill(trackIndex, at, at + n);
      at += n;
    });
  }

  /** Writes one line's slices at [from, from + n); returns its depth count. */
  function fillLine(line: XLine, plane: XPlane, from: number, baseNs: bigint, finder: StatFinder | null, kind: string): number {
    const events = line.events.filter(isTimedEvent);
    const lineUs = Number(line.timestampNs - baseNs) / 1000;
    const s = new Float64Array(events.length);
    const e = new Float64Array(events.length);
    events.forEach((ev, i) => {
      s[i] = ev.offsetPs;
      e[i] = ev.offsetPs + ev.durationPs;
    });
    const order = Uint32Array.from(events.keys()).sort((a, b) => s[a]! - s[b]! || e[b]! - e[a]!);
    const levels = nestingDepths(s, e, order);
    let maxDepth = -1;
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      const ev = events[i]!;
      const meta = plane.eventMetadata.get(ev.metadataId);
      const slot = from + k;
      start[slot] = lineUs + ev.offsetPs / 1e6;
      dur[slot] = ev.durationPs / 1e6;
      depth[slot] = levels[k]!;
      if (levels[k]! > maxDepth) maxDepth = levels[k]!;
      name[slot] = names.id(meta?.name || meta?.displayName || `event#${ev.metadataId}`);
      const c = finder?.first(ev, CATEGORY_STATS);
      cat[slot] = Math.min(categories.id(c === null || c === undefined ? kind : String(c)), 0xffff);
      details[slot] = eventDetails(plane, ev);
    }
    return maxDepth + 1;
  }

  // Shift so the earliest slice starts at 0.
  let minStart = Infinity;
  let maxEnd = 0;
  for (let i = 0; i < total; i++) if (start[i]! < minStart) minStart = start[i]!;
  if (!Number.isFinite(minStart)) minStart = 0;
  for (let i = 0; i < total; i++) {
    start[i] = start[i]! - minStart;
    if (start[i]! + dur[i]! > maxEnd) maxEnd = start[i]! + dur[i]!;
  }

  return {
    origin: Number(base) / 1000 + minStart,
    duration: maxEnd,
    processes,
    tracks,
    slices: { track, start, dur, depth, name, cat },
    names: names.list,
    categories: categories.list,
    flows: { from: new Uint32Array(0), to: new Uint32Array(0) },
    counters: [],
    details: packDetails(details),
  };
}

function countTimed(line: XLine): number {
  let n = 0;
  for (const e of line.events) if (isTimedEvent(e)) n++;
  return n;
}

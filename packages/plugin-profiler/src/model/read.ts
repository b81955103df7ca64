/**
 * First pass over a trace: the analysed duration events in time order, the `[memory]`
 * events, and the forward→backward flow pairs.
 */
import type { ProfileTrace, TraceEvent } from '../trace/types.js';
import type { DurationEvent } from './events.js';
import { durationEventOf, durationTypeOf, toMemoryEvent } from './events.js';
import type { EventType, MemoryEvent } from './types.js';

/**
 * Duration events in time order (ties keep trace order), produced lazily on each
 * iteration: the short-lived view objects cost little garbage collection on large traces.
 */
export class SortedEvents implements Iterable<DurationEvent> {
  private readonly raw: TraceEvent[] = [];
  private readonly types: EventType[] = [];
  private order: Uint32Array = new Uint32Array(0);

  /** Adds an event of a known type (see `durationTypeOf`). */
  add(e: TraceEvent, type: EventType): void {
    this.raw.push(e);
    this.types.push(type);
  }

  /** Orders the events by ts; call once, after the last `add`. */
  sort(): void {
    const n = this.raw.length;
    const ts = new Float64Array(n);
    const order = new Uint32Array(n);
    let sorted = true;
    for (let i = 0; i < n; i++) {
      ts[i] = (this.raw[i] as TraceEvent).ts;
      order[i] = i;
      if (i > 0 && ts[i]! < ts[i - 1]!) sorted = false;
    }
    if (!sorted) order.sort((a, b) => ts[a]! - ts[b]! || a - b);
    this.order = order;
  }

  *[Symbol.iterator](): Iterator<DurationEvent> {
    for (const i of this.order) yield durationEventOf(this.raw[i] as TraceEvent, this.types[i] as EventType);
  }
}

/** What the first pass finds. */
export interface ReadEvents {
  readonly events: SortedEvents;
  /** `[memory]` events in time order. */
  readonly memoryEvents: MemoryEvent[];
  /** [forward op ts, backward op ts], one per forward ts. */
  readonly forwardBackward: [number, number][];
  /** The earliest ts of any analysed event. */
  readonly profilerStartTs: number;
}

/** Sorts a trace's events into what the analysis reads; an event it cannot read is skipped. */
export function readEvents(trace: ProfileTrace): ReadEvents {
  const autograd = trace.format === 'autograd';
  const events = new SortedEvents();
  const memoryEvents: MemoryEvent[] = [];
  const fwd = new Map<unknown, number>();
  const bwd = new Map<unknown, number>();
  let profilerStartTs = Number.POSITIVE_INFINITY;
  for (const raw of trace.traceEvents) {
    if (raw.cat === 'fwdbwd') {
      if (raw.ph === 's') fwd.set(raw.id, raw.ts);
      else if (raw.ph === 'f') bwd.set(raw.id, raw.ts);
      continue;
    }
    const type = durationTypeOf(raw, autograd);
    if (type) {
      events.add(raw, type);
      profilerStartTs = Math.min(profilerStartTs, raw.ts);
      continue;
    }
    const m = toMemoryEvent(raw);
    if (m) {
      memoryEvents.push(m);
      profilerStartTs = Math.min(profilerStartTs, m.ts);
    }
  }
  events.sort();
  memoryEvents.sort((a, b) => a.ts - b.ts);
  const fwdToBwd = new Map<number, number>();
  for (const [id, ts] of fwd) {
    const b = bwd.get(id);
    if (b !== undefined) fwdToBwd.set(ts, b);
  }
  return { events, memoryEvents, forwardBackward: [...fwdToBwd], profilerStartTs };
}

/**
 * A small recorder of Chrome trace events in the schema that PyTorch's Kineto profiler
 * writes through `torch.profiler.tensorboard_trace_handler`: one JSON object
 * `{ schemaVersion: 1, deviceProperties: [], traceEvents: [...] }` in
 * `<dir>/<worker>.<unix-ms>.pt.trace.json`, so that the Profile dashboard reads the
 * demo's own profiles as it reads PyTorch's.
 *
 * Spans are timed with `performance.now()` and placed on a wall clock: timestamps are
 * microseconds since the Unix epoch (as Kineto writes them), the recorder's creation
 * time being the origin. All events are on one process and one thread, the one the
 * recorder runs on.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** One Chrome trace event, as written. */
export interface TraceEventJson {
  readonly ph: string;
  readonly name: string;
  readonly cat?: string;
  readonly pid: number | string;
  readonly tid: number | string;
  readonly ts: number;
  readonly dur?: number;
  readonly s?: string;
  readonly args?: Readonly<Record<string, unknown>>;
}

/** The whole file, as Kineto writes it. */
export interface KinetoTraceJson {
  readonly schemaVersion: 1;
  readonly deviceProperties: readonly unknown[];
  readonly traceEvents: readonly TraceEventJson[];
}

/** Extra fields of an Operator event. */
export interface OperatorOptions {
  /** Shapes of the op's inputs, Kineto's "Input Dims" (`[]` for a scalar or a missing input). */
  readonly inputDims?: readonly (readonly number[])[];
}

/** Extra fields of a memory event. */
export interface MemoryOptions {
  /** When it happened, in `performance.now()` milliseconds; now by default. */
  readonly atMs?: number;
  /** Kineto's "Addr" of the block; left out when the allocator does not say. */
  readonly addr?: number;
  /** Kineto's "Total Reserved"; the total allocated when there is no caching allocator. */
  readonly totalReserved?: number;
}

/** Who the events belong to and which clocks place them; every field may be left out. */
export interface TraceRecorderOptions {
  /** The process id of the events (this process's by default). */
  readonly pid?: number;
  /** The thread id of the events (the process id by default, as for Python's main thread). */
  readonly tid?: number;
  /** The process_name metadata (default "node"). */
  readonly processName?: string;
  /** The monotonic clock, milliseconds (default `performance.now`). */
  readonly now?: () => number;
  /** The wall clock, milliseconds since the epoch (default `Date.now`); read once, at creation. */
  readonly epochMs?: () => number;
}

interface Complete {
  readonly name: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly externalId: number;
  readonly inputDims?: readonly (readonly number[])[];
}

interface Memory {
  readonly atMs: number;
  readonly bytes: number;
  readonly totalAllocated: number;
  readonly totalReserved: number;
  readonly addr?: number;
}

/**
 * Records Operator spans and memory events and writes them as a Kineto trace.
 *
 * @example
 * const rec = new TraceRecorder();
 * rec.span('ProfilerStep#1', () => rec.span('aten::mm', () => work(), { inputDims: [[32, 784], [784, 100]] }));
 * await rec.writeTo('logs/profile/run', 'demo'); // logs/profile/run/demo.1764458700123.pt.trace.json
 */
export class TraceRecorder {
  readonly pid: number;
  readonly tid: number;
  private readonly processName: string;
  private readonly clock: () => number;
  /** `performance.now()` at creation, and the epoch microseconds it stands for. */
  private readonly originMs: number;
  private readonly originEpochUs: number;
  private readonly epochMsAtStart: number;
  private readonly ops: Complete[] = [];
  private readonly memories: Memory[] = [];
  private nextExternalId = 1;
  private stoppedAtMs: number | undefined;

  constructor(o: TraceRecorderOptions = {}) {
    this.pid = o.pid ?? process.pid;
    this.tid = o.tid ?? this.pid;
    this.processName = o.processName ?? 'node';
    this.clock = o.now ?? (() => performance.now());
    this.originMs = this.clock();
    this.epochMsAtStart = Math.round((o.epochMs ?? Date.now)());
    this.originEpochUs = this.epochMsAtStart * 1000;
  }

  /** The recorder's clock, `performance.now()` milliseconds by default. */
  now(): number {
    return this.clock();
  }

  /** Runs `fn` and records it as an Operator event `name`; spans opened inside it nest in it. */
  span<T>(name: string, fn: () => T, o: OperatorOptions = {}): T {
    const externalId = this.nextExternalId++;
    const startMs = this.clock();
    try {
      return fn();
    } finally {
      this.ops.push({ name, startMs, endMs: this.clock(), externalId, ...(o.inputDims ? { inputDims: o.inputDims } : {}) });
    }
  }

  /** {@link span} for asynchronous work: the event lasts until `fn`'s promise settles. */
  async spanAsync<T>(name: string, fn: () => Promise<T>, o: OperatorOptions = {}): Promise<T> {
    const externalId = this.nextExternalId++;
    const startMs = this.clock();
    try {
      return await fn();
    } finally {
      this.ops.push({ name, startMs, endMs: this.clock(), externalId, ...(o.inputDims ? { inputDims: o.inputDims } : {}) });
    }
  }

  /** Records an Operator event at given times (`performance.now()` ms), for work timed by someone else. */
  operator(name: string, startMs: number, durationMs: number, o: OperatorOptions = {}): void {
    this.ops.push({
      name,
      startMs,
      endMs: startMs + Math.max(0, durationMs),
      externalId: this.nextExternalId++,
      ...(o.inputDims ? { inputDims: o.inputDims } : {}),
    });
  }

  /** Records a CPU memory event: `bytesDelta` allocated (negative: freed), `totalAllocated` held after it. */
  memory(bytesDelta: number, totalAllocated: number, o: MemoryOptions = {}): void {
    this.memories.push({
      atMs: o.atMs ?? this.clock(),
      bytes: bytesDelta,
      totalAllocated,
      totalReserved: o.totalReserved ?? totalAllocated,
      ...(o.addr !== undefined ? { addr: o.addr } : {}),
    });
  }

  /** Ends the capture (the "Trace" event's end); later calls and {@link toJson} keep the first end. */
  stop(): void {
    this.stoppedAtMs ??= this.clock();
  }

  /** The trace as Kineto writes it; stops the capture if it is still going. */
  toJson(): KinetoTraceJson {
    this.stop();
    const { pid, tid } = this;
    const endMs = Math.max(this.stoppedAtMs!, ...this.ops.map((op) => op.endMs));
    const start = this.epochUs(this.originMs);
    const meta = (name: string, args: Record<string, unknown>, t: number | string = 0): TraceEventJson => ({ name, ph: 'M', ts: start, pid, tid: t, args });
    const ops = [...this.ops].sort((a, b) => a.startMs - b.startMs || b.endMs - a.endMs || a.externalId - b.externalId);
    const events: TraceEventJson[] = [
      meta('process_name', { name: this.processName }),
      meta('process_labels', { labels: 'CPU' }),
      meta('thread_name', { name: `thread ${tid} (${this.processName})` }, String(tid)),
      ...ops.map((op): TraceEventJson => {
        const ts = this.epochUs(op.startMs);
        return {
          ph: 'X',
          cat: 'Operator',
          name: op.name,
          pid,
          tid: String(tid),
          ts,
          dur: this.epochUs(op.endMs) - ts,
          args: { 'External id': op.externalId, ...(op.inputDims ? { 'Input Dims': op.inputDims } : {}) },
        };
      }),
      ...[...this.memories]
        .sort((a, b) => a.atMs - b.atMs)
        .map((m): TraceEventJson => ({
          ph: 'i',
          s: 't',
          name: '[memory]',
          pid,
          tid,
          ts: this.epochUs(m.atMs),
          args: {
            'Device Type': 0,
            'Device Id': -1,
            ...(m.addr !== undefined ? { Addr: m.addr } : {}),
            Bytes: m.bytes,
            'Total Allocated': m.totalAllocated,
            'Total Reserved': m.totalReserved,
          },
        })),
      { ph: 'X', cat: 'Trace', name: 'tb-core demo profiler (0)', pid: 'Traces', tid: 'tb-core demo profiler', ts: start, dur: this.epochUs(endMs) - start, args: { 'Op count': this.ops.length } },
    ];
    return { schemaVersion: 1, deviceProperties: [], traceEvents: events };
  }

  /**
   * Writes {@link toJson} to `<dir>/<worker>.<unix-ms>.pt.trace.json` (the capture's start,
   * as `tensorboard_trace_handler` names files), creating `dir`; returns the file's path.
   */
  async writeTo(dir: string, worker: string): Promise<string> {
    if (worker === '' || /[/\\]/.test(worker)) throw new RangeError(`worker should be a plain file name prefix, found '${worker}'`);
    const file = path.join(dir, `${worker}.${this.epochMsAtStart}.pt.trace.json`);
    const json = JSON.stringify(this.toJson());
    await mkdir(dir, { recursive: true });
    await writeFile(file, json);
    return file;
  }

  /**
   * Epoch microseconds of a clock reading, to a thousandth of a microsecond before the
   * origin is added (a double near 1.7e15 then keeps a quarter microsecond): rounding is
   * monotone, so a span that contains another still does.
   */
  private epochUs(ms: number): number {
    return this.originEpochUs + Math.round((ms - this.originMs) * 1e6) / 1000;
  }
}

/**
 * A profile trace as the analysis sees it: the Chrome trace-event format that Kineto
 * (`torch.profiler.tensorboard_trace_handler`, `<worker>.<ts>.pt.trace.json[.gz]`) and
 * PyTorch's older autograd profiler write, and that TensorFlow writes beside an XSpace
 * (`<host>.trace.json.gz`). One shape for all three, so every view reads one model.
 */

/** One trace event, with the fields the views read (the rest of the record is dropped). */
export interface TraceEvent {
  /** Phase: 'X' complete, 'B'/'E' begin/end, 'i'/'I' instant, 'C' counter, 'M' metadata, 's'/'t'/'f' flow. */
  readonly ph: string;
  readonly name: string;
  /** Kineto's category: Operator, Kernel, Runtime, Memcpy, Memset, cpu_op, cuda_runtime, gpu_memcpy, python_function, user_annotation, ... */
  readonly cat?: string;
  readonly pid: number | string;
  readonly tid: number | string;
  /** Start, microseconds. */
  readonly ts: number;
  /** Duration, microseconds ('X' events). */
  readonly dur?: number;
  /** Flow id ('s'/'f'/'t'). */
  readonly id?: number | string;
  /** Flow binding point ('e': enclosing slice). */
  readonly bp?: string;
  /** Instant scope ('g', 'p', 't'). */
  readonly s?: string;
  readonly args?: Readonly<Record<string, unknown>>;
}

/** One GPU of `deviceProperties`, as Kineto writes it (numSms, computeMajor, ...). */
export interface DeviceProperties {
  readonly id: number;
  readonly name?: string;
  readonly totalGlobalMem?: number;
  readonly computeMajor?: number;
  readonly computeMinor?: number;
  readonly maxThreadsPerBlock?: number;
  readonly maxThreadsPerMultiprocessor?: number;
  readonly regsPerBlock?: number;
  readonly regsPerMultiprocessor?: number;
  readonly warpSize?: number;
  readonly sharedMemPerBlock?: number;
  readonly sharedMemPerMultiprocessor?: number;
  readonly numSms?: number;
  readonly sharedMemPerBlockOptin?: number;
  readonly [key: string]: unknown;
}

/** Which writer a trace came from. */
export type TraceFormat =
  /** An object with `traceEvents` (Kineto, TF's trace.json.gz). */
  | 'kineto'
  /** A bare list of events (PyTorch's autograd profiler without Kineto). */
  | 'autograd';

/** A whole parsed trace. */
export interface ProfileTrace {
  readonly format: TraceFormat;
  readonly traceEvents: TraceEvent[];
  readonly schemaVersion?: number;
  readonly deviceProperties?: readonly DeviceProperties[];
  /** Kineto's `distributedInfo` (backend, rank, world_size) when the job was distributed. */
  readonly distributedInfo?: Readonly<Record<string, unknown>>;
  /** Every other top-level key (baseTimeNanoseconds, displayTimeUnit, ...), as written. */
  readonly meta: Readonly<Record<string, unknown>>;
}

/** Where a profile lives: one (run, worker, span) of torch-tb-profiler's naming. */
export interface ProfileId {
  readonly run: string;
  /** `worker0` of `worker0.1623143089861.pt.trace.json.gz`; the host of an XSpace. */
  readonly worker: string;
  /** torch-tb-profiler's span: "1", "2", ... in file-timestamp order; for an XSpace, its session folder. */
  readonly span: string;
}

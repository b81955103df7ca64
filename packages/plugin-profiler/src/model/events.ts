/**
 * Classifies raw trace events into the analysis' event types (by `cat`, `ph` and name).
 * An event that cannot be read (no finite ts, a negative or missing duration) is dropped.
 */
import type { TraceEvent } from '../trace/types.js';
import type { EventType, MemoryEvent } from './types.js';

/** A complete ('X') event the analysis uses. */
export interface DurationEvent {
  readonly type: EventType;
  readonly name: string;
  readonly ts: number;
  readonly dur: number;
  readonly pid: number | string;
  readonly tid: number | string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly externalId: unknown;
  readonly correlationId: unknown;
}

const CATEGORY_TYPES: Readonly<Record<string, EventType>> = {
  trace: 'Trace',
  cpu_op: 'Operator',
  operator: 'Operator',
  runtime: 'Runtime',
  cuda_runtime: 'Runtime',
  mtia_runtime: 'Runtime',
  glow_runtime: 'Runtime',
  xpu_runtime: 'Runtime',
  privateuse1_runtime: 'Runtime',
  kernel: 'Kernel',
  memcpy: 'Memcpy',
  gpu_memcpy: 'Memcpy',
  memset: 'Memset',
  gpu_memset: 'Memset',
  python: 'Python',
  memory: 'Memory',
  python_function: 'python_function',
  user_annotation: 'user_annotation',
  gpu_user_annotation: 'user_annotation',
};

/** Collective operator names of NCCL. */
export const NCCL_OPS: ReadonlySet<string> = new Set(['nccl:broadcast', 'nccl:reduce', 'nccl:all_reduce', 'nccl:all_gather', 'nccl:reduce_scatter']);
/** Collective operator names of Gloo. */
export const GLOO_OPS: ReadonlySet<string> = new Set(['gloo:broadcast', 'gloo:reduce', 'gloo:all_reduce', 'gloo:all_gather', 'gloo:reduce_scatter']);

const EMPTY_ARGS: Readonly<Record<string, unknown>> = Object.freeze({});

const isStep = (name: string): boolean => name.startsWith('ProfilerStep#');

/** The step number of `ProfilerStep#N`, or undefined when N is not an integer. */
export function stepNumber(name: string): number | undefined {
  const text = name.slice('ProfilerStep#'.length);
  return /^[+-]?\d+$/.test(text.trim()) ? Number.parseInt(text, 10) : undefined;
}

/**
 * The type of a complete event, or undefined when the analysis ignores it.
 * `defaultOperator`: an event without a category is an operator (autograd traces).
 */
export function eventType(e: TraceEvent, defaultOperator: boolean): EventType | undefined {
  const cat = typeof e.cat === 'string' ? e.cat : undefined;
  // The autograd profiler writes CPU ops under pid "CPU functions" and kernels under "CUDA functions", without categories.
  const uncategorized: EventType | undefined = defaultOperator ? (e.pid === 'CUDA functions' ? 'Kernel' : 'Operator') : undefined;
  let type: EventType | undefined = cat === undefined ? uncategorized : CATEGORY_TYPES[cat.toLowerCase()];
  if (type === undefined) return undefined;
  if ((type === 'Operator' || type === 'user_annotation') && isStep(e.name)) {
    // A GPU-side copy of the step annotation (gpu_user_annotation) is not a host step.
    if (cat?.toLowerCase() === 'gpu_user_annotation') return undefined;
    type = stepNumber(e.name) === undefined ? undefined : 'ProfilerStep';
  } else if (type === 'python_function') {
    const args = e.args;
    if (args && args['Python module id'] !== undefined && args['Python module id'] !== null) type = 'Module';
  }
  return type;
}

const pick = (args: Readonly<Record<string, unknown>>, ...keys: string[]): unknown => {
  for (const k of keys) {
    const v = args[k];
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
};

/** The type of a complete event the analysis reads (with a finite ts and a non-negative duration), else undefined. */
export function durationTypeOf(e: TraceEvent, defaultOperator: boolean): EventType | undefined {
  if (e.ph !== 'X') return undefined;
  const type = eventType(e, defaultOperator);
  if (type === undefined || type === 'Memory') return undefined;
  const dur = e.dur;
  if (typeof e.ts !== 'number' || !Number.isFinite(e.ts) || typeof dur !== 'number' || !Number.isFinite(dur) || dur < 0) return undefined;
  return type;
}

/** The duration-event view of `e`, whose type {@link durationTypeOf} gave. */
export function durationEventOf(e: TraceEvent, type: EventType): DurationEvent {
  const args = e.args && typeof e.args === 'object' ? e.args : EMPTY_ARGS;
  return {
    type,
    name: e.name,
    ts: e.ts,
    dur: e.dur as number,
    pid: e.pid,
    tid: e.tid,
    args,
    externalId: pick(args, 'external id', 'External id'),
    correlationId: args['correlation'] ?? undefined,
  };
}

const finiteOr = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** The memory event of an instant `[memory]` event, else undefined. */
export function toMemoryEvent(e: TraceEvent): MemoryEvent | undefined {
  if (e.ph !== 'i' || e.name !== '[memory]' || typeof e.ts !== 'number' || !Number.isFinite(e.ts)) return undefined;
  const args = e.args ?? EMPTY_ARGS;
  const dtype = args['Device Type'];
  const deviceId = args['Device Id'];
  return {
    ts: e.ts,
    pid: e.pid,
    tid: e.tid,
    scope: typeof e.s === 'string' ? e.s : '',
    deviceType: dtype === 0 || dtype === 1 ? dtype : undefined,
    deviceId: typeof deviceId === 'number' ? deviceId : undefined,
    addr: args['Addr'],
    bytes: finiteOr(args['Bytes'], 0),
    totalAllocated: finiteOr(args['Total Allocated'], Number.NaN),
    totalReserved: finiteOr(args['Total Reserved'], Number.NaN),
  };
}

/**
 * Everything the routes answer for one trace profile (Kineto or autograd), computed once
 * when it loads (in the loader's worker thread) from its parsed trace: plain data and
 * typed arrays only, so it crosses the thread boundary by structured clone. The trace
 * itself is not kept: the `trace` route reads the file again.
 */
import { buildModel } from '../model/index.js';
import type { Timeline } from '../timeline/types.js';
import { traceTimeline } from '../timeline/from-trace.js';
import type { ProfileId, TraceFormat } from '../trace/types.js';
import type { ProfileTrace } from '../trace/types.js';
import { buildDistributedWorker, type DistributedWorker } from '../views/distributed/index.js';
import { buildMemoryProfile, type MemoryProfile } from '../views/memory/index.js';
import { buildOpsProfile, type OpsProfile } from '../views/ops/index.js';
import { gpuMetricsTraceEvents } from '../views/gpu/index.js';
import { buildOverviewProfile, type OverviewProfile } from '../views/overview/index.js';

export interface RunProfile {
  readonly id: ProfileId;
  readonly format: TraceFormat;
  /** torch-tb-profiler's views of this profile, in its order. */
  readonly views: readonly string[];
  readonly overview: OverviewProfile;
  readonly ops: OpsProfile;
  /** Absent when the trace has no memory events. */
  readonly memory: MemoryProfile | undefined;
  /** This worker's share of the distributed view; absent unless the job was distributed. */
  readonly distributed: DistributedWorker | undefined;
  /** Whether the `trace` route inserts GPU-metric counters (torch does when kernels ran). */
  readonly hasKernel: boolean;
  readonly timeline: Timeline;
  readonly eventCount: number;
}

/** The analysis of `trace`. */
export function buildRunProfile(trace: ProfileTrace, id: ProfileId): RunProfile {
  const model = buildModel(trace);
  const ops = buildOpsProfile(model);
  const memory = buildMemoryProfile(model);
  const views = ['Overview', 'Operator'];
  if (model.hasKernel) views.push('Kernel');
  views.push('Trace');
  if (memory) views.push('Memory');
  if (ops.modules) views.push(model.isPytorchLightning ? 'Lightning' : 'Module');
  const distributed = trace.distributedInfo && model.hasCommunication ? buildDistributedWorker(model, id.worker) : undefined;
  const overview = buildOverviewProfile(model);
  // The trace viewer shows the GPU-metric counters torch-tb-profiler adds to its trace.
  const counters = model.hasKernel ? (gpuMetricsTraceEvents(overview.gpu).map((t) => JSON.parse(t)) as ProfileTrace['traceEvents']) : [];
  return {
    id,
    format: trace.format,
    views,
    overview,
    ops,
    memory,
    distributed,
    hasKernel: model.hasKernel,
    timeline: traceTimeline(counters.length ? { ...trace, traceEvents: [...trace.traceEvents, ...counters] } : trace),
    eventCount: trace.traceEvents.length,
  };
}

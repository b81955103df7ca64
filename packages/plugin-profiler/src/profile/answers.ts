/**
 * What each route answers for a loaded profile: torch-tb-profiler's JSON for trace
 * profiles (Kineto, autograd), ours for the page and for TensorFlow XSpace profiles.
 * `undefined` means "this profile has none of that" (the route answers 404).
 */
import { gunzipSync } from 'node:zlib';
import { reply, type Reply } from '@tb/core/plugin';
import { encodeTimeline, sliceDetail, type SliceDetail } from '../timeline/codec.js';
import type { Timeline } from '../timeline/types.js';
import type { ProfileFile } from '../trace/discover.js';
import type { ProfileAnalysis } from '../trace/load-job.js';
import type { ProfileId } from '../trace/types.js';
import {
  buildDistributedView,
  distributedCommOps,
  distributedGpuInfo,
  distributedOverlap,
  distributedWaitTime,
  type DistributedWorker,
} from '../views/distributed/index.js';
import { insertGpuMetrics } from '../views/gpu/index.js';
import * as memoryViews from '../views/memory/index.js';
import * as ops from '../views/ops/index.js';
import { overviewFigures, overviewJson } from '../views/overview/index.js';
import type { XSpaceProfile } from '../xplane/index.js';
import type { RunProfile } from './build.js';

/** A profile as the routes see it: its analysis, its file, and how to read the file again. */
export interface LoadedProfile {
  readonly id: ProfileId;
  readonly file: ProfileFile;
  readonly profile: ProfileAnalysis;
  /** How many workers its run has (torch's overview says so). */
  readonly workerCount: number;
  readRaw(): Promise<Uint8Array>;
}

/** The views a profile offers: torch-tb-profiler's for a trace; for an XSpace, its op statistics, step time and trace. */
export function viewsOf(profile: ProfileAnalysis): readonly string[] {
  if (profile.format !== 'xspace') return profile.views;
  return [...(profile.steps ? ['Step Time'] : []), 'Op Stats', 'Trace'];
}

const traceOf = (p: LoadedProfile): RunProfile | undefined => (p.profile.format === 'xspace' ? undefined : p.profile);
const xspaceOf = (p: LoadedProfile): XSpaceProfile | undefined => (p.profile.format === 'xspace' ? p.profile : undefined);

export const overview = (p: LoadedProfile) => {
  const t = traceOf(p);
  return t && overviewJson(t.overview, { workerCount: p.workerCount });
};
export const figures = (p: LoadedProfile) => {
  const t = traceOf(p);
  return t && overviewFigures(t.overview);
};
export const operationPie = (p: LoadedProfile, groupBy: ops.OpGroupBy) => {
  const t = traceOf(p);
  return t && ops.operationPie(t.ops, groupBy);
};
export const operationTable = (p: LoadedProfile, groupBy: ops.OpGroupBy) => {
  const t = traceOf(p);
  return t && ops.operationTable(t.ops, groupBy);
};
export const operationStack = (p: LoadedProfile, groupBy: ops.OpGroupBy, opName: string, inputShape?: string) => {
  const t = traceOf(p);
  return t && ops.operationStack(t.ops, groupBy, opName, inputShape);
};
export const kernelPie = (p: LoadedProfile, _groupBy: ops.KernelGroupBy) => {
  const t = traceOf(p);
  return t?.hasKernel ? ops.kernelPie(t.ops) : undefined;
};
export const kernelTable = (p: LoadedProfile, groupBy: ops.KernelGroupBy) => {
  const t = traceOf(p);
  return t?.hasKernel ? ops.kernelTable(t.ops, groupBy) : undefined;
};
export const tensorCorePie = (p: LoadedProfile) => {
  const t = traceOf(p);
  return t?.hasKernel ? ops.tensorCorePie(t.ops) : undefined;
};
export const moduleView = (p: LoadedProfile) => {
  const t = traceOf(p);
  return t && ops.moduleView(t.ops);
};
export const opTree = (p: LoadedProfile) => {
  const t = traceOf(p);
  return t && ops.opTree(t.ops);
};
export const diff = (base: LoadedProfile, exp: LoadedProfile) => {
  const [b, e] = [traceOf(base), traceOf(exp)];
  return b && e ? ops.diff(b.ops, e.ops) : undefined;
};
export const diffNode = (base: LoadedProfile, exp: LoadedProfile, path: string) => {
  const [b, e] = [traceOf(base), traceOf(exp)];
  return b && e ? ops.diffNode(b.ops, e.ops, path) : undefined;
};

export const memory = (p: LoadedProfile, q: memoryViews.MemoryStatsQuery) => {
  const m = traceOf(p)?.memory;
  return m && memoryViews.memoryStats(m, q);
};
export const memoryCurve = (p: LoadedProfile, q: memoryViews.MemoryCurveQuery) => {
  const m = traceOf(p)?.memory;
  return m && memoryViews.memoryCurve(m, q);
};
export const memoryTotals = (p: LoadedProfile, q: memoryViews.MemoryCurveQuery) => {
  const m = traceOf(p)?.memory;
  return m && memoryViews.memoryTotals(m, q);
};
export const memoryEvents = (p: LoadedProfile, q: memoryViews.MemoryEventsQuery) => {
  const m = traceOf(p)?.memory;
  return m && memoryViews.memoryEvents(m, q);
};

/** The trace file's JSON as torch-tb-profiler serves it: with its GPU-metric counters inserted when kernels ran. */
export async function trace(p: LoadedProfile): Promise<Reply | undefined> {
  const t = traceOf(p);
  if (!t) return undefined;
  const raw = await p.readRaw();
  const isGzip = raw[0] === 0x1f && raw[1] === 0x8b;
  const text = Buffer.from(isGzip ? gunzipSync(raw) : raw).toString('utf8');
  // Already JSON: sent as it is (gzipped on the way out), not serialized again.
  return reply.json(t.hasKernel ? insertGpuMetrics(text, t.overview.gpu) : text);
}

/** torch-tb-profiler's distributed answers over every worker's profile of one span. */
export function distributed(workers: readonly LoadedProfile[], which: 'gpuinfo' | 'overlap' | 'waittime' | 'commops') {
  const parts = workers.flatMap((w) => {
    const d = traceOf(w)?.distributed;
    return d ? [d] : ([] as DistributedWorker[]);
  });
  const view = parts.length > 1 ? buildDistributedView(parts) : undefined;
  if (!view) return undefined;
  const answer = { gpuinfo: distributedGpuInfo, overlap: distributedOverlap, waittime: distributedWaitTime, commops: distributedCommOps }[which];
  return answer(view);
}

const timelines = new WeakMap<Timeline, Uint8Array>();
const timelineOf = (p: LoadedProfile): Timeline => p.profile.timeline;

/** The trace viewer's timeline, encoded once per profile. */
export function timelineBytes(p: LoadedProfile): Uint8Array {
  const t = timelineOf(p);
  let bytes = timelines.get(t);
  if (!bytes) timelines.set(t, (bytes = encodeTimeline(t)));
  return bytes;
}

/** One slice's details; undefined (404) past the last slice. */
export function timelineDetail(p: LoadedProfile, slice: number): SliceDetail | undefined {
  const t = timelineOf(p);
  return slice < t.slices.start.length ? sliceDetail(t, slice) : undefined;
}

export const xplaneOpStats = (p: LoadedProfile) => {
  const x = xspaceOf(p);
  return x?.opStats.device ?? x?.opStats.host ?? undefined;
};
export const xplaneSteps = (p: LoadedProfile) => xspaceOf(p)?.steps ?? undefined;
export const xplanePlanes = (p: LoadedProfile) => xspaceOf(p)?.planes;

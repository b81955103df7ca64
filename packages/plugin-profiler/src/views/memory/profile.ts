/**
 * Everything the memory views answer for one profile, computed once (plain data), and
 * the request functions of the `memory`, `memory_curve` and `memory_events` routes.
 */
import type { ProfileModel } from '../../model/types.js';
import { memoryCurve, type MemoryCurveJson, type MemoryCurveQuery } from './curve.js';
import { memoryEvents as eventsAnswer, type MemoryEventsJson, type MemoryEventsQuery } from './events.js';
import { buildMemoryTree, type MemoryTree } from './records.js';
import { memoryStats as statsAnswer, type MemoryStatsJson, type MemoryStatsQuery } from './stats.js';

/** What the memory views read of the analysis model. */
export type MemorySource = Pick<ProfileModel, 'trees' | 'memoryEvents' | 'profilerStartTs' | 'deviceProperties'>;

/** The memory data of one profile. */
export interface MemoryProfile {
  readonly tree: MemoryTree;
  /** Time 0 of curves and event times (the earliest event of the trace). */
  readonly profilerStartTs: number;
  /** Bytes of each GPU by id. */
  readonly gpuMemory: Record<number, number>;
}

/** The memory data of `model`, or undefined when the trace recorded no memory events (torch shows no Memory view then). */
export function buildMemoryProfile(model: MemorySource): MemoryProfile | undefined {
  if (model.memoryEvents.length === 0) return undefined;
  const gpuMemory: Record<number, number> = {};
  model.deviceProperties?.forEach((p, i) => {
    if (typeof p.totalGlobalMem === 'number') gpuMemory[i] = p.totalGlobalMem;
  });
  return { tree: buildMemoryTree(model.trees, model.memoryEvents), profilerStartTs: model.profilerStartTs, gpuMemory };
}

/** The `memory` answer (undefined for an unknown unit). */
export function memoryStats(p: MemoryProfile, q: MemoryStatsQuery = {}): MemoryStatsJson | undefined {
  return statsAnswer(p.tree, q);
}

/** The `memory_curve` answer (undefined for an unknown unit). */
export function memoryCurveOf(p: MemoryProfile, q: MemoryCurveQuery = {}): MemoryCurveJson | undefined {
  return memoryCurve(p.tree.records, p, q);
}

/**
 * Ours: the curve drawn from the allocator totals every memory event carries, with or
 * without an address (torch's curve is empty for traces without addresses).
 */
export function memoryTotalsOf(p: MemoryProfile, q: MemoryCurveQuery = {}): MemoryCurveJson | undefined {
  return memoryCurve(p.tree.records, p, q, { withoutAddr: true });
}

/** The `memory_events` answer (undefined for an unknown unit). */
export function memoryEvents(p: MemoryProfile, q: MemoryEventsQuery = {}): MemoryEventsJson | undefined {
  return eventsAnswer(p.tree.records, p.profilerStartTs, q);
}

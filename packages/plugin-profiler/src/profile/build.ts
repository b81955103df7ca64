/**
 * Everything the routes answer for one profile, computed once when it loads (in the
 * loader's worker thread) from its parsed trace: plain data and typed arrays only, so it
 * crosses the thread boundary by structured clone.
 */
import type { ProfileId, ProfileTrace, TraceFormat } from '../trace/types.js';

export interface RunProfile {
  readonly id: ProfileId;
  readonly format: TraceFormat;
  readonly eventCount: number;
}

/** The analysis of `trace`. */
export function buildRunProfile(trace: ProfileTrace, id: ProfileId): RunProfile {
  return { id, format: trace.format, eventCount: trace.traceEvents.length };
}

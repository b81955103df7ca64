/**
 * Everything the profiler's routes answer for one XSpace, computed once when it loads:
 * plain data, typed arrays and Maps only, so it crosses a worker-thread boundary by
 * structured clone.
 */
import type { Timeline } from '../timeline/types.js';
import type { ProfileId } from '../trace/types.js';
import { xspaceOpStats, type XSpaceOpStats } from './op-stats.js';
import { summarizePlanes, type PlaneSummary } from './planes.js';
import { xspaceSteps, type XSpaceSteps } from './steps.js';
import { xspaceTimeline } from './timeline.js';
import type { XSpace } from './types.js';

/** The analysis of one XSpace. */
export interface XSpaceProfile {
  readonly id: ProfileId;
  readonly format: 'xspace';
  readonly hostnames: readonly string[];
  /** The XSpace's own errors and warnings, plus planes that could not be decoded. */
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  readonly planes: readonly PlaneSummary[];
  readonly timeline: Timeline;
  readonly opStats: XSpaceOpStats;
  /** Step times (starts on the timeline's clock), or null when the profile marks no steps. */
  readonly steps: XSpaceSteps | null;
}

/** Builds the whole analysis of a decoded XSpace. */
export function buildXSpaceProfile(space: XSpace, id: ProfileId): XSpaceProfile {
  const timeline = xspaceTimeline(space);
  return {
    id,
    format: 'xspace',
    hostnames: space.hostnames,
    errors: space.errors,
    warnings: space.warnings,
    planes: summarizePlanes(space),
    timeline,
    opStats: xspaceOpStats(space),
    steps: xspaceSteps(space, timeline.origin),
  };
}

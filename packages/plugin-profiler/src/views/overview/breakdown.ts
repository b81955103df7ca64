/**
 * The step-time breakdown: each moment of a step is charged to the first role (in
 * {@link ROLES} order) active then, and what no role claims is Other. Also the
 * computation/communication overlap per step that the distributed view shows.
 */
import type { ProfileModel } from '../../model/types.js';
import { intersectRanges, mergeRanges, rangesSum, subtractRanges, type Range } from '../gpu/ranges.js';

/** The roles a moment of a step is charged to, in the order they claim time (Other is the rest). */
export const ROLES = ['Kernel', 'Memcpy', 'Memset', 'Communication', 'Runtime', 'DataLoader', 'CpuOp'] as const;
/** One role of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** What the breakdown reads of the analysis model. */
export type StepTimeline = Pick<ProfileModel, 'steps' | 'roleRanges'>;

/** Microseconds of one step (or the average step) per role. */
export type StepCosts = Record<Role | 'Other' | 'Total', number>;

/** Computation/communication split of one step, microseconds. */
export interface StepCommCosts {
  readonly computation: number;
  readonly communication: number;
  readonly overlap: number;
  readonly other: number;
}

/** Per-step costs, their average over the steps, and the per-step communication split. */
export interface Breakdown {
  readonly steps: StepCosts[];
  readonly average: StepCosts;
  readonly commOverlap: StepCommCosts[];
}

/** Computes the breakdown of `timeline`. */
export function computeBreakdown(timeline: StepTimeline): Breakdown {
  const claimed: Record<Role | 'Other', Range[]> = {
    Kernel: [], Memcpy: [], Memset: [], Communication: [], Runtime: [], DataLoader: [], CpuOp: [], Other: [],
  };
  let free: Range[] = mergeRanges(timeline.steps.map((s) => [s.start, s.end] as Range));
  let first = true;
  for (const role of ROLES) {
    const ranges = timeline.roleRanges[role];
    // torch takes the first role's ranges whole (not clipped to the steps).
    const taken = first ? ranges : intersectRanges(free, ranges);
    first = false;
    claimed[role] = taken;
    free = subtractRanges(free, taken);
  }
  claimed.Other = free;

  const roles = timeline.roleRanges;
  const computation = roles.Kernel.length > 0 ? roles.Kernel : roles.CpuOp;
  const commComp = intersectRanges(computation, roles.Communication);

  const steps: StepCosts[] = [];
  const commOverlap: StepCommCosts[] = [];
  const sum = emptyCosts();
  for (const s of timeline.steps) {
    const span: Range[] = [[s.start, s.end]];
    const costs = emptyCosts();
    for (const key of [...ROLES, 'Other'] as const) costs[key] = rangesSum(intersectRanges(span, claimed[key]));
    costs.Total = s.end - s.start;
    steps.push(costs);
    for (const key of Object.keys(sum) as (keyof StepCosts)[]) sum[key] += costs[key];

    const overlap = rangesSum(intersectRanges(span, commComp));
    const comp = rangesSum(intersectRanges(span, computation));
    const comm = rangesSum(intersectRanges(span, roles.Communication));
    commOverlap.push({ computation: comp, communication: comm, overlap, other: costs.Total + overlap - comp - comm });
  }
  const n = timeline.steps.length;
  const average = emptyCosts();
  for (const key of Object.keys(sum) as (keyof StepCosts)[]) average[key] = n > 0 ? sum[key] / n : 0;
  return { steps, average, commOverlap };
}

function emptyCosts(): StepCosts {
  return { Kernel: 0, Memcpy: 0, Memset: 0, Communication: 0, Runtime: 0, DataLoader: 0, CpuOp: 0, Other: 0, Total: 0 };
}

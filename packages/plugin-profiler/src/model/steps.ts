/**
 * Profiler steps and per-role time ranges. A step starts as its ProfilerStep#N host span;
 * when kernels were recorded it then ends where the last device activity launched inside
 * it ends (and starts no earlier than the previous step's end), and tail steps whose
 * launches were cut off by the profiler are dropped.
 */
import type { DurationEvent } from './events.js';
import { GLOO_OPS, NCCL_OPS, stepNumber } from './events.js';
import { isDataLoaderName } from './nodes.js';
import { mergeRanges } from './ranges.js';
import type { DeviceNode, RoleRanges, RuntimeNode, StepRange, TimeRange } from './types.js';

/** What the step sweep finds. */
export interface StepScan {
  steps: StepRange[];
  roleRanges: RoleRanges;
  cpuMinTs: number;
  cpuMaxTs: number;
  globalMinTs: number;
  globalMaxTs: number;
  globalStartTs: number;
  globalEndTs: number;
}

/**
 * Host-side steps and merged role ranges of time-sorted events.
 * @param commExternalIds external ids of collective operators (their kernels are Communication, not Kernel).
 */
export function scanSteps(events: Iterable<DurationEvent>, commExternalIds: ReadonlySet<unknown>): StepScan {
  const roles = { Kernel: [] as TimeRange[], Memcpy: [] as TimeRange[], Memset: [] as TimeRange[], Communication: [] as TimeRange[], Runtime: [] as TimeRange[], DataLoader: [] as TimeRange[], CpuOp: [] as TimeRange[] };
  const steps: StepRange[] = [];
  let cpuMin = Number.POSITIVE_INFINITY;
  let cpuMax = Number.NEGATIVE_INFINITY;
  let globalMin = Number.POSITIVE_INFINITY;
  let globalMax = Number.NEGATIVE_INFINITY;
  let traceStart: number | undefined;
  let traceEnd: number | undefined;
  for (const e of events) {
    const range: TimeRange = [e.ts, e.ts + e.dur];
    const t = e.type;
    if (t === 'Kernel') (commExternalIds.has(e.externalId) ? roles.Communication : roles.Kernel).push(range);
    else if (t === 'Memcpy') roles.Memcpy.push(range);
    else if (t === 'Memset') roles.Memset.push(range);
    else if (t === 'Runtime') roles.Runtime.push(range);
    else if ((t === 'Operator' || t === 'user_annotation') && isDataLoaderName(e.name)) roles.DataLoader.push(range);
    else if (t === 'ProfilerStep') steps.push({ name: String(stepNumber(e.name)), start: range[0], end: range[1] });
    else if (t === 'Python' || t === 'Operator' || t === 'user_annotation') {
      (NCCL_OPS.has(e.name) || GLOO_OPS.has(e.name) ? roles.Communication : roles.CpuOp).push(range);
    }
    if (t === 'Python' || t === 'Operator' || t === 'ProfilerStep') {
      cpuMin = Math.min(cpuMin, range[0]);
      cpuMax = Math.max(cpuMax, range[1]);
    }
    globalMin = Math.min(globalMin, range[0]);
    globalMax = Math.max(globalMax, range[1]);
    if (t === 'Trace' && e.name === 'PyTorch Profiler (0)') {
      traceStart = range[0];
      traceEnd = range[1];
    }
  }
  if (steps.length === 0) steps.push({ name: '0', start: cpuMin, end: cpuMax });
  return {
    steps,
    roleRanges: {
      Kernel: mergeRanges(roles.Kernel),
      Memcpy: mergeRanges(roles.Memcpy),
      Memset: mergeRanges(roles.Memset),
      Communication: mergeRanges(roles.Communication),
      Runtime: mergeRanges(roles.Runtime),
      DataLoader: mergeRanges(roles.DataLoader),
      CpuOp: mergeRanges(roles.CpuOp),
    },
    cpuMinTs: cpuMin,
    cpuMaxTs: cpuMax,
    globalMinTs: globalMin,
    globalMaxTs: globalMax,
    globalStartTs: traceStart ?? globalMin,
    globalEndTs: traceEnd ?? globalMax,
  };
}

/**
 * Steps aligned with the device side: each runtime wholly inside a host step lends that
 * step its activities' span. `deviceNodes` are all activities (those launched outside any
 * step may end the "previous step" before the first one).
 */
export function alignStepsWithDevice(steps: readonly StepRange[], runtimes: readonly RuntimeNode[], deviceNodes: readonly DeviceNode[]): StepRange[] {
  const rts = [...runtimes].filter((r) => r.startTime !== null && r.endTime !== null).sort((a, b) => (a.startTime as number) - (b.startTime as number));
  const n = steps.length;
  const devMin = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  const devMax = new Array<number>(n).fill(Number.NEGATIVE_INFINITY);
  const matched = new Array<number>(n).fill(0);
  const matchedNodes = new Set<DeviceNode>();
  let i = 0;
  let j = 0;
  while (i < n && j < rts.length) {
    const step = steps[i] as StepRange;
    const rt = rts[j] as RuntimeNode;
    const rs = rt.startTime as number;
    const re = rt.endTime as number;
    if (rs < step.start) j++;
    else if (re <= step.end) {
      for (const d of rt.deviceNodes) {
        devMin[i] = Math.min(devMin[i] as number, d.startTime);
        devMax[i] = Math.max(devMax[i] as number, d.endTime);
        matchedNodes.add(d);
        matched[i]!++;
      }
      j++;
    } else if (rs < step.end) j++;
    else i++;
  }
  if (matchedNodes.size === 0) return [...steps];

  let prevEnd = (steps[0] as StepRange).start;
  if (devMin[0] !== Number.POSITIVE_INFINITY) {
    for (const d of deviceNodes) {
      if (!matchedNodes.has(d) && d.endTime < (devMin[0] as number)) prevEnd = Math.max(prevEnd, d.endTime);
    }
  }
  const out: StepRange[] = [];
  for (let k = 0; k < n; k++) {
    const s = steps[k] as StepRange;
    const start = Math.max(prevEnd, s.start);
    let end = s.end;
    if (devMin[k] === Number.POSITIVE_INFINITY) end = Math.max(end, start);
    else end = Math.max(Math.max(end, devMax[k] as number), start);
    out.push({ name: s.name, start, end });
    prevEnd = end;
  }
  if (n > 1) {
    let last = n - 1;
    while (last >= 0 && (matched[last] as number) <= 0) last--;
    if (last >= 0) {
      let keep = last + 1;
      if (last > 0 && (matched[last - 1] as number) * 0.8 > (matched[last] as number)) keep = last;
      if (keep < n) out.length = keep;
    }
  }
  return out;
}

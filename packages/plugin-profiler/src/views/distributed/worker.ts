/**
 * What the distributed view needs of one worker's profile, computed once from its
 * model: its steps, the computation/communication overlap of each step, its collective
 * operators (each given to the step it lies in) and its GPUs.
 */
import type { ProfileModel } from '../../model/types.js';
import type { Range } from '../gpu/ranges.js';
import { gpuInfo, type GpuInfo } from '../gpu/summary.js';
import { computeBreakdown, type StepCommCosts } from '../overview/breakdown.js';

/** One collective operator of a worker. */
export interface CommOp {
  readonly name: string;
  /** The step it lies in; null when it lies in none. */
  readonly step: string | null;
  /** Its own span and its kernels' spans, sorted by (start, -end). */
  readonly kernelRanges: Range[];
  /** Bytes of its inputs (by their shapes and element types). */
  readonly bytes: number;
}

/** One worker's share of the distributed view. */
export interface DistributedWorker {
  readonly worker: string;
  readonly steps: string[];
  /** Per step, in step order. */
  readonly overlap: StepCommCosts[];
  /** Collectives in time order; empty when the worker communicated through neither or both libraries. */
  readonly ops: CommOp[];
  /** GPUs its kernels ran on, by id, with their properties ("GPU0" → info). */
  readonly gpus: Record<string, GpuInfo>;
  /** Whether the trace carried device properties. */
  readonly hasDeviceProperties: boolean;
}

/** What the distributed view reads of the model. */
export type DistributedSource = Pick<ProfileModel, 'steps' | 'roleRanges' | 'communication' | 'usedDevices' | 'deviceProperties' | 'hasCommunication'>;

const ELEMENT_BYTES: Readonly<Record<string, number>> = {
  'long int': 8, float: 4, int: 4, 'c10::Half': 2, 'c10::BFloat16': 2, 'unsigned char': 1,
};

/** Bytes of a collective's inputs: per input, the product of its dims times its element size (unknown types count 0). */
export function inputBytes(shapes: unknown, types: unknown): number {
  if (!Array.isArray(shapes) || shapes.length === 0) return 0;
  let total = 0;
  shapes.forEach((shape, i) => {
    const type = Array.isArray(types) ? types[i] : undefined;
    const size = typeof type === 'string' ? (ELEMENT_BYTES[type] ?? 0) : 0;
    let count = 1;
    if (Array.isArray(shape)) for (const d of shape) count *= typeof d === 'number' ? d : 0;
    total += count * size;
  });
  return total;
}

const byStartThenLongest = (a: Range, b: Range): number => a[0] - b[0] || b[1] - a[1];

/** The distributed share of `model`, for worker `worker`. */
export function buildDistributedWorker(model: DistributedSource, worker: string): DistributedWorker {
  const breakdown = computeBreakdown(model);
  const comm = [...model.communication]
    .map((c) => ({ c, ranges: [...c.kernelRanges].sort(byStartThenLongest) as Range[] }))
    .sort((a, b) => a.c.startTime - b.c.startTime || b.c.endTime - a.c.endTime);
  const ops: CommOp[] = [];
  let index = 0;
  for (const { c, ranges } of comm) {
    let step: string | null = null;
    while (index < model.steps.length) {
      const s = model.steps[index]!;
      if (c.startTime >= s.start && c.endTime <= s.end) {
        step = s.name;
        break;
      }
      if (c.startTime >= s.end) index++;
      else break;
    }
    ops.push({ name: c.name, step, kernelRanges: ranges, bytes: inputBytes(c.inputShape, c.inputType) });
  }
  const gpus: Record<string, GpuInfo> = {};
  for (const d of model.usedDevices) {
    const info = typeof d === 'number' ? gpuInfo(model.deviceProperties, d) : undefined;
    if (info) gpus[`GPU${d}`] = info;
  }
  return {
    worker,
    steps: model.steps.map((s) => s.name),
    overlap: breakdown.commOverlap,
    ops: model.hasCommunication ? ops : [],
    gpus,
    hasDeviceProperties: (model.deviceProperties?.length ?? 0) > 0,
  };
}

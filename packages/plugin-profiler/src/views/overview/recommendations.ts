/**
 * The performance recommendations of the `overview` answer, as html list items, on
 * torch-tb-profiler's conditions and thresholds (DataLoader share, DataParallel / backend /
 * communication advice, low GPU utilization, mixed precision for Tensor-Cores-eligible
 * work, memory near capacity) and with its figures and links, in our own words.
 */
import type { MemoryEvent, ProfileModel } from '../../model/types.js';
import type { GpuProfile } from '../gpu/profile.js';
import { pyRound } from '../gpu/py-number.js';
import type { StepCosts } from './breakdown.js';

/** What the recommendations read of the model. */
export type RecommendationSource = Pick<ProfileModel, 'useDp' | 'useDdp' | 'usedDevices' | 'commLibs' | 'deviceProperties' | 'memoryEvents'>;

const link = (text: string, url: string): string => `<a href="${url}" target="_blank">${text}</a>`;
const URL_DATA = 'https://pytorch.org/docs/stable/data.html#single-and-multi-process-data-loading';
const URL_DDP = 'https://pytorch.org/docs/stable/notes/cuda.html#cuda-nn-ddp-instead';
const URL_COMPRESSION = 'https://pytorch.org/docs/stable/ddp_comm_hooks.html';
const URL_GRAD_ACC = 'https://towardsdatascience.com/what-is-gradient-accumulation-in-deep-learning-ec034122cfa';
const URL_LAMB = 'https://nvidia.github.io/apex/optimizers.html#apex.optimizers.FusedLAMB';
const URL_AMP = 'https://pytorch.org/docs/stable/amp.html';
const URL_CHECKPOINT = 'https://pytorch.org/docs/stable/checkpoint.html';

/** The recommendations for a profile, in torch-tb-profiler's order (html strings). */
export function torchRecommendations(model: RecommendationSource, average: StepCosts, gpu: GpuProfile): string[] {
  const out: string[] = [];
  const share = (v: number): number => (average.Total > 0 ? v / average.Total : 0);

  const dataLoader = share(average.DataLoader);
  if (dataLoader > 0.05) {
    out.push(`Each step waits ${(dataLoader * 100).toFixed(1)}% of its time for the DataLoader. Giving the DataLoader num_workers to ${link('load batches in worker processes', URL_DATA)} usually hides that wait.`);
  }

  if (model.useDp && model.usedDevices.length > 1) {
    out.push(`This run trains on several GPUs with DataParallel: ${link('DistributedDataParallel is the faster choice', URL_DDP)}.`);
  }
  if (model.useDdp && !model.commLibs.includes('nccl') && model.deviceProperties) {
    const capable = model.deviceProperties.some((p) =>
      typeof p.computeMajor === 'number' && typeof p.computeMinor === 'number' && Number(`${p.computeMajor}.${p.computeMinor}`) >= 3.5);
    if (capable) out.push('With DistributedDataParallel on these GPUs, the NCCL backend is the fastest one.');
  }
  const comm = share(average.Communication);
  if (comm > 0.1) {
    out.push(`Communication takes ${(comm * 100).toFixed(1)}% of each step. ${link('Compressing gradients', URL_COMPRESSION)}, ${link('accumulating them over several steps', URL_GRAD_ACC)} or a larger batch send less per step; the last two make the effective batch larger, which can change how the model converges (the ${link('LAMB optimizer', URL_LAMB)} is made for large batches).`);
  }

  const low = gpu.metrics.gpus.filter((g) => g.utilization < 0.5).map((g) => g.id);
  if (low.length > 0) {
    const list = low.length === 1 ? `GPU ${low[0]} is` : `GPUs ${low.slice(0, -1).join(', ')} and ${low[low.length - 1]} are`;
    out.push(`${list} busy less than half of the time. A larger batch gives each kernel more work, though it can change how fast and how steadily the model converges.`);
  }

  const props = model.deviceProperties;
  if (props && props.length > 0) {
    const major = props[0]!.computeMajor;
    if (typeof major === 'number' && major >= 7 && gpu.tcUsedRatio === 0 && gpu.tcEligibleOpsKernelRatio > 0) {
      out.push(`Operators that could run on Tensor Cores launch ${pyRound(gpu.tcEligibleOpsKernelRatio * 100)}% of the kernel time, yet none used them: ${link('automatic mixed precision', URL_AMP)} (FP16) would let them.`);
    }
    const memory = memoryNearCapacity(model.memoryEvents, props);
    if (memory) out.push(memory);
  }
  return out;
}

/** Peak allocated memory per device key, in order of first appearance (NaN totals skipped). */
export function peakMemory(events: readonly MemoryEvent[]): { deviceType: 0 | 1 | undefined; deviceId: number | undefined; peak: number }[] {
  const peaks = new Map<string, { deviceType: 0 | 1 | undefined; deviceId: number | undefined; peak: number }>();
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (Number.isNaN(e.totalAllocated)) continue;
    const key = `${e.deviceType}/${e.deviceId}`;
    const cur = peaks.get(key);
    if (cur) cur.peak = Math.max(cur.peak, e.totalAllocated);
    else peaks.set(key, { deviceType: e.deviceType, deviceId: e.deviceId, peak: Math.max(0, e.totalAllocated) });
  }
  return [...peaks.values()];
}

function memoryNearCapacity(events: readonly MemoryEvent[], props: NonNullable<ProfileModel['deviceProperties']>): string | undefined {
  for (const { deviceId, peak } of peakMemory(events)) {
    if (deviceId === undefined) continue;
    // torch indexes the properties with the device id as Python does: -1 (the CPU) is the last GPU.
    const prop = deviceId < 0 ? props[props.length + deviceId] : props[deviceId];
    const total = prop?.totalGlobalMem;
    if (typeof total !== 'number' || !(peak > total * 0.9)) continue;
    const pct = ((peak / total) * 100).toFixed(1);
    const gb = (total / 1024 / 1024 / 1024).toFixed(1);
    return `Memory use peaks at ${pct}% of the ${gb} GB of GPU${deviceId}. ${link('Gradient checkpointing', URL_CHECKPOINT)} or ${link('automatic mixed precision', URL_AMP)} would make room, e.g. for a larger batch.`;
  }
  return undefined;
}

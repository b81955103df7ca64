/**
 * torch-tb-profiler's performance recommendations, as the html list items its overview
 * answers: DataLoader share, DataParallel / backend / communication advice, low GPU
 * utilization, mixed precision for Tensor-Cores-eligible work, memory near capacity.
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
// torch writes this one as a Python tuple by mistake; its answer carries the tuple's text.
const URL_COMPRESSION = "('https://pytorch.org/docs/stable/ddp_comm_hooks.html',)";
const URL_GRAD_ACC = 'https://towardsdatascience.com/what-is-gradient-accumulation-in-deep-learning-ec034122cfa';
const URL_LAMB = 'https://nvidia.github.io/apex/optimizers.html#apex.optimizers.FusedLAMB';
const URL_AMP = 'https://pytorch.org/docs/stable/amp.html';
const URL_CHECKPOINT = 'https://pytorch.org/docs/stable/checkpoint.html';

/** The recommendations torch makes for a profile, in its order (html strings). */
export function torchRecommendations(model: RecommendationSource, average: StepCosts, gpu: GpuProfile): string[] {
  const out: string[] = [];
  const share = (v: number): number => (average.Total > 0 ? v / average.Total : 0);

  const dataLoader = share(average.DataLoader);
  if (dataLoader > 0.05) {
    out.push(`This run has high time cost on input data loading. ${(dataLoader * 100).toFixed(1)}% of the step time is in DataLoader. You could try to set num_workers on DataLoader's construction and ${link('enable multi-processes on data loading', URL_DATA)}.`);
  }

  if (model.useDp && model.usedDevices.length > 1) {
    out.push(`It is recommended to ${link('use DistributedDataParallel instead of DataParallel', URL_DDP)} to do multi-GPU training.`);
  }
  if (model.useDdp && !model.commLibs.includes('nccl') && model.deviceProperties) {
    const capable = model.deviceProperties.some((p) =>
      typeof p.computeMajor === 'number' && typeof p.computeMinor === 'number' && Number(`${p.computeMajor}.${p.computeMinor}`) >= 3.5);
    if (capable) out.push('Nccl backend is currently the fastest and highly recommended backend when using DDP for training.');
  }
  const comm = share(average.Communication);
  if (comm > 0.1) {
    out.push(`This run has high time cost on communication. ${(comm * 100).toFixed(1)}% of the step time is in communication. You could try ${link('Gradient Compression', URL_COMPRESSION)} or ${link('Gradient Accumulation', URL_GRAD_ACC)} or increase the batch size. Note: Gradient accumulation will increase global effective batch size, which may hurt model convergence and accuracy. For such case, you may want to evaluate ${link('LAMB optimizer', URL_LAMB)}.`);
  }

  const low = gpu.metrics.gpus.filter((g) => g.utilization < 0.5).map((g) => g.id);
  if (low.length > 0) {
    // torch's own list wording: "0, 1and 2"; "has" only when the list text is one character.
    let list = String(low[0]);
    for (let i = 1; i < low.length; i++) list += i === low.length - 1 ? `and ${low[i]}` : `, ${low[i]}`;
    const verb = list.length === 1 ? 'has' : 'have';
    out.push(`GPU ${list} ${verb} low utilization. You could try to increase batch size to improve. Note: Increasing batch size may affect the speed and stability of model convergence.`);
  }

  const props = model.deviceProperties;
  if (props && props.length > 0) {
    const major = props[0]!.computeMajor;
    if (typeof major === 'number' && major >= 7 && gpu.tcUsedRatio === 0 && gpu.tcEligibleOpsKernelRatio > 0) {
      out.push(`Kernels with ${pyRound(gpu.tcEligibleOpsKernelRatio * 100)}% time are launched by Tensor Cores eligible operators. You could enable ${link('Automatic Mixed Precision', URL_AMP)} to speedup by using FP16.`);
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
    return `Device memory usage is at the limit of device memory capacity (${pct}% of ${gb}GB on GPU${deviceId}). To get better value of your GPU or to use larger batch size for training, please refer to ${link('Gradient Checkpoint', URL_CHECKPOINT)} or ${link('Automatic Mixed Precision', URL_AMP)}.`;
  }
  return undefined;
}

/** GPU metrics: utilization, est. SM efficiency, est. occupancy, Tensor Cores, trace counters. */
export { buildGpuProfile } from './profile.js';
export type { GpuProfile, GpuSource } from './profile.js';
export { bucketSize, computeGpuMetrics } from './metrics.js';
export type { GpuDeviceMetrics, GpuMetrics, GpuMetricsBounds, KernelActivity } from './metrics.js';
export { gpuInfo, gpuSummary } from './summary.js';
export type { GpuInfo, GpuSummary, TitleValue } from './summary.js';
export { gpuMetricsInsertText, gpuMetricsTraceEvents, insertGpuMetrics } from './trace-insert.js';
export { tcEligibleOpsKernelRatio, tensorCoreRatioByGpu, tensorCoreUsedRatio } from './tensor-cores.js';
export {
  intersectRanges, intersectValueRanges, mergeRanges, mergeValueRanges, rangesSum, subtractRanges,
} from './ranges.js';
export type { Range, ValueRange } from './ranges.js';
export { pyFloat, pyIntOrFloat, pyRound } from './py-number.js';

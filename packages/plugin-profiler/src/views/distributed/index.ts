/** The distributed view: GPUs per node, communication overlap, wait time and collective statistics. */
export { buildDistributedWorker, inputBytes } from './worker.js';
export type { CommOp, DistributedSource, DistributedWorker } from './worker.js';
export {
  buildDistributedView, distributedCommOps, distributedGpuInfo, distributedOverlap, distributedWaitTime, realTransferRanges,
} from './view.js';
export type { DistributedView } from './view.js';

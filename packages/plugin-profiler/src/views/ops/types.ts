/**
 * The precomputed operator / kernel / tree data of one profile: plain, structured-cloneable
 * data (objects and arrays only) from which each route's JSON is cut.
 */
import type { HostNodeKind } from '../../model/types.js';

/** Operators aggregated by a key (name, name + input shape, name [+ shape] + call stack). */
export interface OpAgg {
  readonly name: string;
  /** Python `str()` of the first aggregated operator's input shape. */
  readonly inputShape: string;
  /** The call stack of the group (stack groupings only). */
  readonly callStack?: string;
  calls: number;
  hostDuration: number;
  deviceDuration: number;
  selfHostDuration: number;
  selfDeviceDuration: number;
  readonly tcEligible: boolean;
  tcSelfDuration: number;
  tcTotalDuration: number;
}

/** Kernels aggregated by name, launching operator, grid, block, registers and shared memory. */
export interface KernelOpAgg {
  readonly name: string;
  readonly opName: string;
  /** Python `str()` of the kernel's grid, block, registers per thread ('0' when absent) and shared memory ('0'). */
  readonly grid: string;
  readonly block: string;
  readonly regsPerThread: string;
  readonly sharedMemory: string;
  readonly tcUsed: boolean;
  readonly opTcEligible: boolean;
  calls: number;
  totalDuration: number;
  minDuration: number;
  maxDuration: number;
  /** Sum of blocks-per-SM × duration (divide by totalDuration for the weighted mean). */
  blocksPerSmWeighted: number;
  /** Sum of occupancy × duration. */
  occupancyWeighted: number;
}

/** Kernels aggregated by name (every kernel of the trace). */
export interface KernelStat {
  readonly name: string;
  readonly tcUsed: boolean;
  count: number;
  sum: number;
  max: number;
  min: number;
  /** Duration-weighted sums (missing values count as 0). */
  blocksPerSmWeighted: number;
  occupancyWeighted: number;
}

/** A host node as the tree and diff routes need it. */
export interface OpTreeNode {
  readonly name: string;
  readonly kind: HostNodeKind;
  /** The event type ('Operator', 'ProfilerStep', 'Python' for the root, ...). */
  readonly type: string;
  readonly tid: number | string;
  readonly startTime: number;
  readonly endTime: number;
  readonly deviceDuration: number;
  readonly selfHostDuration: number;
  readonly selfDeviceDuration: number;
  /** Counts in the operator view (see the model's `isOperatorNode`). */
  readonly isOperator: boolean;
  readonly children: OpTreeNode[];
}

/** One module of the module view, with its submodules. */
export interface ModuleStats {
  readonly name: string;
  /** The Python module id. */
  readonly id: number;
  readonly occurences: number;
  readonly operators: number;
  readonly host_duration: number;
  readonly self_host_duration: number;
  readonly device_duration: number;
  readonly self_device_duration: number;
  readonly avg_duration: number;
  readonly children: ModuleStats[];
}

/** Everything the operator, kernel, tree, diff and module routes answer from. */
export interface OpsProfile {
  /** Device columns are shown (the trace has kernels, memcpys or memsets). */
  readonly showGpu: boolean;
  /** The kernel view exists. */
  readonly hasKernel: boolean;
  readonly opsByName: OpAgg[];
  readonly opsByNameInput: OpAgg[];
  /** Groups with a call stack, keyed by operator name. */
  readonly stacksByName: Record<string, OpAgg[]>;
  /** Groups with a call stack, keyed by `${name}###${inputShape}`. */
  readonly stacksByNameInput: Record<string, OpAgg[]>;
  readonly kernelsByNameOp: KernelOpAgg[];
  /** Sorted by total duration, longest first. */
  readonly kernelsByName: KernelStat[];
  readonly hasBlocksPerSm: boolean;
  readonly hasOccupancy: boolean;
  /** Share of kernel time on Tensor Cores (0 without kernels). */
  readonly tcUsedRatio: number;
  /** The first thread's tree (what torch-tb-profiler's tree and diff routes use); undefined without operators. */
  readonly tree: OpTreeNode | undefined;
  /** The module view's rows; undefined when the trace has no module events. */
  readonly modules: ModuleStats[] | undefined;
}

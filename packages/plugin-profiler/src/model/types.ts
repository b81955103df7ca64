/**
 * The analysis model of one profile trace: per-thread operator trees with runtimes and
 * the device activities they launched, the profiler steps, and the time ranges of each
 * role (kernel, memcpy, ...). Plain objects and arrays only, so a model can cross a
 * worker boundary with `structuredClone`/`postMessage`.
 *
 * Times are in microseconds, as the trace writes them.
 */
import type { DeviceProperties, TraceFormat } from '../trace/types.js';

/**
 * What an event is, from its `cat` (and name): the analysis' event types. `Operator`
 * covers `cpu_op`/`operator` (and, in an autograd trace without categories, every
 * complete event); `ProfilerStep` is an operator named `ProfilerStep#N`.
 */
export type EventType =
  | 'Trace'
  | 'Operator'
  | 'ProfilerStep'
  | 'Runtime'
  | 'Kernel'
  | 'Memcpy'
  | 'Memset'
  | 'Python'
  | 'Memory'
  | 'python_function'
  | 'Module'
  | 'user_annotation'
  | 'backward';

/**
 * Which kind of host node: torch-tb-profiler's node classes. Only `operator` nodes of type
 * `Operator` count as operators in the operator view (see {@link isOperatorNode}).
 */
export type HostNodeKind =
  | 'root'
  | 'operator'
  | 'profilerStep'
  | 'module'
  | 'backward'
  | 'dataLoader'
  | 'optimizer';

/** A device activity: a kernel, memcpy or memset on a GPU stream. */
export interface DeviceNode {
  readonly name: string;
  readonly type: 'Kernel' | 'Memcpy' | 'Memset';
  /** The trace's pid (the device for Kineto) and tid (the stream). */
  readonly pid: number | string;
  readonly tid: number | string;
  readonly startTime: number;
  readonly endTime: number;
  readonly externalId: unknown;
  readonly correlationId: unknown;
  /** `args.device`, when written. */
  readonly deviceId: number | undefined;
  readonly blocksPerSm: number | undefined;
  /** `args["est. achieved occupancy %"]`. */
  readonly occupancy: number | undefined;
  readonly grid: unknown;
  readonly block: unknown;
  readonly regsPerThread: unknown;
  readonly sharedMemory: unknown;
  /** The kernel's name matches a Tensor Cores kernel pattern. */
  readonly tcUsed: boolean;
  /** The operator whose runtime launched it ('CallTreeRoot' for launches outside any operator); null when none. */
  opName: string | null;
  /** Whether that operator is Tensor Cores eligible. */
  opTcEligible: boolean;
}

/** A runtime call (cudaLaunchKernel, cudaMemcpyAsync, ...) with the device activities it launched. */
export interface RuntimeNode {
  readonly name: string;
  readonly tid: number | string;
  /** null only for the synthetic 'dummy' runtime that holds kernels whose launch was not recorded. */
  readonly startTime: number | null;
  readonly endTime: number | null;
  readonly externalId: unknown;
  readonly correlationId: unknown;
  /** Launched activities, sorted by (start, -end). */
  deviceNodes: DeviceNode[];
  /** Sum of its activities' durations. */
  deviceDuration: number;
  /** Sum of its Tensor-Cores kernels' durations. */
  tcDuration: number;
}

/** A host node of an operator tree: an operator, a profiler step, a module, or a thread's root. */
export interface OperatorNode {
  readonly name: string;
  readonly kind: HostNodeKind;
  /** The event type it came from ('Python' for a thread's CallTreeRoot). */
  readonly type: EventType;
  readonly tid: number | string;
  startTime: number;
  endTime: number;
  readonly externalId: unknown;
  /** `args["Input Dims"]` (or "Input dims"), [] when absent. */
  readonly inputShape: unknown;
  /** Python's `str()` of the input shape: the grouping key of the operator view. */
  readonly inputShapeKey: string;
  readonly inputType: unknown;
  /** `args["Call stack"]`; null when absent. */
  readonly callStack: string | null;
  /** Child host nodes, sorted by (start, -end). */
  children: OperatorNode[];
  /** Runtimes launched directly by this node, sorted by (start, -end). */
  runtimes: RuntimeNode[];
  /** Total device time of its own and its descendants' launches. */
  deviceDuration: number;
  /** Host time minus children and runtimes. */
  selfHostDuration: number;
  /** Device time of its own launches. */
  selfDeviceDuration: number;
  tcEligible: boolean;
  tcSelfDuration: number;
  tcTotalDuration: number;
  /** Module nodes only: `args["Python module id"]`. */
  readonly moduleId?: number;
  readonly pythonId?: number;
  readonly pythonParentId?: number;
}

/** One operator tree per host thread. */
export interface ThreadTree {
  readonly tid: number | string;
  readonly root: OperatorNode;
}

/** One profiler step after the device-side adjustment. */
export interface StepRange {
  /** "5" of ProfilerStep#5; "0" when the trace has no steps (then one step spans all CPU events). */
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** The roles time is attributed to in the overview, in torch-tb-profiler's order. */
export const PROFILE_ROLES = ['Kernel', 'Memcpy', 'Memset', 'Communication', 'Runtime', 'DataLoader', 'CpuOp', 'Other'] as const;
/** One role of {@link PROFILE_ROLES}. */
export type ProfileRole = (typeof PROFILE_ROLES)[number];

/** A [start, end) range. */
export type TimeRange = readonly [number, number];

/** Merged, sorted ranges of each role except Other (which is what no other role covers). */
export type RoleRanges = Readonly<Record<Exclude<ProfileRole, 'Other'>, TimeRange[]>>;

/** One `[memory]` instant event (an allocation or free). */
export interface MemoryEvent {
  readonly ts: number;
  readonly pid: number | string;
  readonly tid: number | string;
  /** Instant scope, '' when absent. */
  readonly scope: string;
  /** 0 CPU, 1 CUDA, undefined when absent or unknown. */
  readonly deviceType: 0 | 1 | undefined;
  readonly deviceId: number | undefined;
  readonly addr: unknown;
  /** Positive for an allocation, negative for a free; 0 when absent. */
  readonly bytes: number;
  /** NaN when absent. */
  readonly totalAllocated: number;
  /** NaN when absent. */
  readonly totalReserved: number;
}

/** A collective (nccl:* / gloo:*) operator with the kernels it launched. */
export interface CommunicationNode {
  readonly name: string;
  readonly externalId: unknown;
  readonly startTime: number;
  readonly endTime: number;
  readonly inputShape: unknown;
  readonly inputType: unknown;
  readonly kernelRanges: TimeRange[];
  totalTime: number;
}

/** A `python_function` event (with Python stack ids): the module hierarchy is read from these. */
export interface PythonFunction {
  readonly name: string;
  readonly pythonId: unknown;
  readonly pythonParentId: unknown;
  /** `args["Python module id"]` for an nn.Module's forward; undefined for other functions. */
  readonly moduleId: number | undefined;
}

/** The analysis model of one trace (see README.md). */
export interface ProfileModel {
  readonly format: TraceFormat;
  /** One tree per host thread, in the order each thread's first operator appears. */
  readonly trees: ThreadTree[];
  /** The thread with ProfilerStep#N events, when any. */
  readonly mainTid: number | string | undefined;
  /** Every runtime event, in time order. */
  readonly runtimes: RuntimeNode[];
  /** Every kernel/memcpy/memset, in time order. */
  readonly deviceNodes: DeviceNode[];
  /** Steps after aligning them with the device side (and dropping tail steps whose kernels were cut off). */
  readonly steps: StepRange[];
  readonly roleRanges: RoleRanges;
  /** Min start / max end of host events (operators, Python, steps). */
  readonly cpuMinTs: number;
  readonly cpuMaxTs: number;
  /** Min start / max end of every duration event. */
  readonly globalMinTs: number;
  readonly globalMaxTs: number;
  /** The 'PyTorch Profiler (0)' trace span, else the global min/max. */
  readonly globalStartTs: number;
  readonly globalEndTs: number;
  /** The earliest timestamp of any analysed event. */
  readonly profilerStartTs: number;
  readonly hasRuntime: boolean;
  readonly hasKernel: boolean;
  readonly hasCommunication: boolean;
  readonly hasMemcpyOrMemset: boolean;
  /** pids of device activities, sorted. */
  readonly usedDevices: (number | string)[];
  readonly useDp: boolean;
  readonly useDdp: boolean;
  /** 'nccl' / 'gloo' when collectives were seen. */
  readonly commLibs: ('nccl' | 'gloo')[];
  /** Collectives by external id (emptied when both libraries appear). */
  readonly communication: CommunicationNode[];
  /** `python_function` events (modules and plain functions), in time order. */
  readonly pythonFunctions: PythonFunction[];
  /** `[memory]` events, in time order. */
  readonly memoryEvents: MemoryEvent[];
  /** Forward→backward op start times from 'fwdbwd' flow events, as [fwdTs, bwdTs] pairs. */
  readonly forwardBackward: [number, number][];
  readonly deviceProperties: readonly DeviceProperties[] | undefined;
  readonly distributedInfo: Readonly<Record<string, unknown>> | undefined;
  readonly schemaVersion: number | undefined;
  /** The trace says `"Framework": "pytorch-lightning"`. */
  readonly isPytorchLightning: boolean;
}

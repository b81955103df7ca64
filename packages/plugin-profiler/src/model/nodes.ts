/**
 * Node construction from duration events, and the predicates the views share.
 */
import type { DurationEvent } from './events.js';
import { GLOO_OPS, NCCL_OPS } from './events.js';
import { pyStr } from './py-repr.js';
import { isTensorCoreEligibleOp, kernelUsesTensorCores } from './tensor-core.js';
import type { DeviceNode, HostNodeKind, OperatorNode, RuntimeNode } from './types.js';

const EXCLUDED_OPS: ReadonlySet<string> = new Set(['DataParallel.forward', 'DistributedDataParallel.forward']);

/**
 * Whether a host node is an operator of the operator view: a plain operator node of type
 * Operator, not a (Distributed)DataParallel wrapper nor an `Optimizer.*` call.
 */
export function isOperatorNode(node: OperatorNode): boolean {
  return node.kind === 'operator' && node.type === 'Operator' && !EXCLUDED_OPS.has(node.name) && !node.name.startsWith('Optimizer.');
}

/** Whether a name is a data-loader iteration (`enumerate(DataLoader)#...__next__`, `enumerate(DataPipe)#...`). */
export function isDataLoaderName(name: string): boolean {
  return (name.startsWith('enumerate(DataLoader)#') && name.endsWith('.__next__')) || name.startsWith('enumerate(DataPipe)#');
}

const numOrUndef = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** A fresh host node with zeroed statistics. */
export function makeHostNode(init: {
  name: string;
  kind: HostNodeKind;
  type: OperatorNode['type'];
  tid: number | string;
  startTime: number;
  endTime: number;
  externalId?: unknown;
  inputShape?: unknown;
  inputType?: unknown;
  callStack?: string | null;
  moduleId?: number;
  pythonId?: number;
  pythonParentId?: number;
}): OperatorNode {
  const inputShape = init.inputShape === undefined ? [] : init.inputShape;
  const node: OperatorNode = {
    name: init.name,
    kind: init.kind,
    type: init.type,
    tid: init.tid,
    startTime: init.startTime,
    endTime: init.endTime,
    externalId: init.externalId,
    inputShape,
    inputShapeKey: pyStr(inputShape),
    inputType: init.inputType,
    callStack: init.callStack ?? null,
    children: [],
    runtimes: [],
    deviceDuration: 0,
    selfHostDuration: 0,
    selfDeviceDuration: 0,
    tcEligible: isTensorCoreEligibleOp(init.name),
    tcSelfDuration: 0,
    tcTotalDuration: 0,
  };
  if (init.moduleId !== undefined) Object.assign(node, { moduleId: init.moduleId, pythonId: init.pythonId, pythonParentId: init.pythonParentId });
  return node;
}

function inputShapeOf(args: Readonly<Record<string, unknown>>): unknown {
  const dims = args['Input Dims'];
  if (dims !== undefined && dims !== null) return dims;
  return 'Input dims' in args ? args['Input dims'] : [];
}

/**
 * The host node of an operator-like event (Operator, ProfilerStep, Python, Module,
 * user_annotation), or undefined when the event makes no node (a user annotation that is
 * not a collective).
 */
export function hostNodeOf(e: DurationEvent): OperatorNode | undefined {
  let kind: HostNodeKind;
  if (e.type === 'ProfilerStep') kind = 'profilerStep';
  else if (e.type === 'Module') kind = 'module';
  else if (isDataLoaderName(e.name)) kind = 'dataLoader';
  else if (e.name.startsWith('Optimizer.step')) kind = 'optimizer';
  else if (e.type === 'user_annotation' && !NCCL_OPS.has(e.name) && !GLOO_OPS.has(e.name)) return undefined;
  else kind = 'operator';
  const a = e.args;
  if (kind === 'module') {
    const pythonId = numOrUndef(a['Python id']);
    const pythonParentId = numOrUndef(a['Python parent id']);
    return makeHostNode({
      name: e.name, kind, type: e.type, tid: e.tid, startTime: e.ts, endTime: e.ts + e.dur,
      moduleId: numOrUndef(a['Python module id']) ?? 0,
      ...(pythonId !== undefined ? { pythonId } : {}),
      ...(pythonParentId !== undefined ? { pythonParentId } : {}),
    });
  }
  const stack = a['Call stack'];
  return makeHostNode({
    name: e.name,
    kind,
    type: e.type,
    tid: e.tid,
    startTime: e.ts,
    endTime: e.ts + e.dur,
    externalId: e.externalId,
    inputShape: inputShapeOf(a),
    inputType: a['Input type'],
    callStack: typeof stack === 'string' ? stack : null,
  });
}

/** The runtime node of a runtime event, holding the device nodes already seen for its correlation id. */
export function runtimeNodeOf(e: DurationEvent, deviceNodes: DeviceNode[] | undefined): RuntimeNode {
  return {
    name: e.name,
    tid: e.tid,
    startTime: e.ts,
    endTime: e.ts + e.dur,
    externalId: e.externalId,
    correlationId: e.correlationId,
    deviceNodes: deviceNodes ?? [],
    deviceDuration: 0,
    tcDuration: 0,
  };
}

/** The device node of a Kernel/Memcpy/Memset event. */
export function deviceNodeOf(e: DurationEvent): DeviceNode {
  const kernel = e.type === 'Kernel';
  const a = e.args;
  return {
    name: e.name,
    type: e.type as DeviceNode['type'],
    pid: e.pid,
    tid: e.tid,
    startTime: e.ts,
    endTime: e.ts + e.dur,
    externalId: e.externalId,
    correlationId: e.correlationId,
    deviceId: kernel ? numOrUndef(a['device']) : undefined,
    blocksPerSm: kernel ? numOrUndef(a['blocks per SM']) : undefined,
    occupancy: kernel ? numOrUndef(a['est. achieved occupancy %']) : undefined,
    grid: kernel ? a['grid'] : undefined,
    block: kernel ? a['block'] : undefined,
    regsPerThread: kernel ? a['registers per thread'] : undefined,
    sharedMemory: kernel ? a['shared memory'] : undefined,
    tcUsed: kernelUsesTensorCores(e.name),
    opName: null,
    opTcEligible: false,
  };
}

/** Orders host nodes by start ascending, then end descending (an enclosing node before what it encloses). */
export function nodeOrder(a: OperatorNode, b: OperatorNode): number {
  return a.startTime - b.startTime || b.endTime - a.endTime;
}

/** Orders by start ascending, then end descending; null times (the dummy runtime) last. */
export function byStartThenLongest(a: { startTime: number | null; endTime: number | null }, b: { startTime: number | null; endTime: number | null }): number {
  const as = a.startTime ?? Number.POSITIVE_INFINITY;
  const bs = b.startTime ?? Number.POSITIVE_INFINITY;
  if (as !== bs) return as < bs ? -1 : 1;
  const ae = a.endTime ?? Number.NEGATIVE_INFINITY;
  const be = b.endTime ?? Number.NEGATIVE_INFINITY;
  return ae === be ? 0 : ae > be ? -1 : 1;
}

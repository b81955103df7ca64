/**
 * Second pass: host, runtime and device nodes, joined by id. A device activity joins the
 * runtime with its correlation id (whichever comes first in time); a runtime joins the
 * first operator with its external id, or its thread's root when the id is 0; activities
 * whose runtime never appears are "stale" (the main thread's root gets their kernels).
 */
import type { DurationEvent } from './events.js';
import { GLOO_OPS, NCCL_OPS } from './events.js';
import { deviceNodeOf, hostNodeOf, runtimeNodeOf } from './nodes.js';
import type { CommunicationNode, DeviceNode, OperatorNode, PythonFunction, RuntimeNode } from './types.js';

/** The nodes of a trace before its trees are built. */
export interface LinkedNodes {
  /** Host nodes per thread (thread keys: see {@link threadKey}), in time order; each has its runtimes. */
  readonly tidOps: Map<number | string, OperatorNode[]>;
  /** Runtimes with external id 0, per thread. */
  readonly tidRootRuntimes: Map<number | string, RuntimeNode[]>;
  readonly runtimes: RuntimeNode[];
  readonly deviceNodes: DeviceNode[];
  /** Kernels whose runtime never appeared. */
  readonly staleKernels: DeviceNode[];
  /** Collectives by their operator's external id. */
  readonly communication: Map<unknown, CommunicationNode>;
  readonly commLibs: Set<'nccl' | 'gloo'>;
  readonly usedDevices: Set<number | string>;
  readonly pythonFunctions: PythonFunction[];
  readonly useDp: boolean;
  readonly useDdp: boolean;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A thread id as trees key it: an integer-looking string becomes its number (so "25738" and 25738 are one thread). */
export function threadKey(tid: number | string): number | string {
  if (typeof tid === 'string' && /^-?\d+$/.test(tid.trim())) {
    const n = Number(tid);
    if (Number.isSafeInteger(n)) return n;
  }
  return tid;
}

const pythonFunction = (e: DurationEvent, moduleId: number | undefined): PythonFunction => ({ name: e.name, pythonId: e.args['Python id'], pythonParentId: e.args['Python parent id'], moduleId });

function collective(e: DurationEvent, node: OperatorNode | undefined): CommunicationNode {
  return {
    name: e.name,
    externalId: e.externalId,
    startTime: e.ts,
    endTime: e.ts + e.dur,
    inputShape: node?.inputShape ?? [],
    inputType: e.args['Input type'],
    kernelRanges: [[e.ts, e.ts + e.dur]],
    totalTime: e.dur,
  };
}

/** Builds and joins the nodes of time-ordered events (iterated twice when NCCL collectives appear). */
export function linkNodes(events: Iterable<DurationEvent>): LinkedNodes {
  const out = {
    tidOps: new Map<number | string, OperatorNode[]>(),
    tidRootRuntimes: new Map<number | string, RuntimeNode[]>(),
    runtimes: [] as RuntimeNode[],
    deviceNodes: [] as DeviceNode[],
    staleKernels: [] as DeviceNode[],
    communication: new Map<unknown, CommunicationNode>(),
    commLibs: new Set<'nccl' | 'gloo'>(),
    usedDevices: new Set<number | string>(),
    pythonFunctions: [] as PythonFunction[],
    useDp: false,
    useDdp: false,
  };
  const pendingDevices = new Map<unknown, DeviceNode[]>();
  const runtimeByCorrelation = new Map<unknown, RuntimeNode>();
  const runtimesByExternal = new Map<unknown, RuntimeNode[]>();

  for (const e of events) {
    const t = e.type;
    if (t === 'Kernel' || t === 'Memcpy' || t === 'Memset') {
      out.usedDevices.add(e.pid);
      const d = deviceNodeOf(e);
      const rt = runtimeByCorrelation.get(e.correlationId);
      if (rt) rt.deviceNodes.push(d);
      else pushTo(pendingDevices, e.correlationId, d);
      out.deviceNodes.push(d);
    } else if (t === 'Runtime') {
      const launched = pendingDevices.get(e.correlationId);
      pendingDevices.delete(e.correlationId);
      const rt = runtimeNodeOf(e, launched);
      runtimeByCorrelation.set(e.correlationId, rt);
      pushTo(runtimesByExternal, rt.externalId, rt);
      if (rt.externalId === 0) pushTo(out.tidRootRuntimes, threadKey(e.tid), rt);
      out.runtimes.push(rt);
    } else if (t === 'python_function') {
      out.pythonFunctions.push(pythonFunction(e, undefined));
    } else if (t === 'Python' || t === 'Operator' || t === 'ProfilerStep' || t === 'Module' || t === 'user_annotation') {
      const node = hostNodeOf(e);
      if (t === 'Module') out.pythonFunctions.push(pythonFunction(e, node?.moduleId));
      const nccl = NCCL_OPS.has(e.name);
      if (nccl || GLOO_OPS.has(e.name)) {
        out.commLibs.add(nccl ? 'nccl' : 'gloo');
        out.communication.set(node?.externalId ?? e.externalId, collective(e, node));
      }
      if (e.name === 'DataParallel.forward') out.useDp = true;
      if (e.name === 'DistributedDataParallel.forward') out.useDdp = true;
      if (node) pushTo(out.tidOps, threadKey(e.tid), node);
    }
  }
  if (out.commLibs.has('nccl')) {
    for (const e of events) {
      const c = e.type === 'Kernel' ? out.communication.get(e.externalId) : undefined;
      if (c) {
        c.kernelRanges.push([e.ts, e.ts + e.dur]);
        c.totalTime += e.dur;
      }
    }
  }
  for (const ops of out.tidOps.values()) {
    for (const op of ops) {
      const rts = runtimesByExternal.get(op.externalId);
      if (rts) {
        runtimesByExternal.delete(op.externalId);
        op.runtimes.push(...rts);
      }
    }
  }
  for (const list of pendingDevices.values()) for (const d of list) if (d.type === 'Kernel') out.staleKernels.push(d);
  return out;
}

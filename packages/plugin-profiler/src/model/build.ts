/**
 * `buildModel`: a trace's events → the analysis model: sort the events, build and join
 * the nodes by id, build each thread's tree by containment, then the steps and role ranges.
 */
import type { ProfileTrace } from '../trace/types.js';
import { attachBackwardModules } from './backward.js';
import { linkNodes } from './link.js';
import { readEvents } from './read.js';
import { alignStepsWithDevice, scanSteps } from './steps.js';
import { buildThreadTree } from './tree.js';
import type { ProfileModel, ThreadTree } from './types.js';

/** Builds the analysis model of a trace. Unreadable events are skipped; this never throws on bad events. */
export function buildModel(trace: ProfileTrace): ProfileModel {
  const { events, memoryEvents, forwardBackward, profilerStartTs } = readEvents(trace);
  const linked = linkNodes(events);

  let mainTid: number | string | undefined;
  let trees: ThreadTree[] = [];
  for (const [tid, ops] of linked.tidOps) {
    const isMain = ops.some((o) => o.name.startsWith('ProfilerStep#'));
    if (isMain) mainTid = tid;
    trees.push({ tid, root: buildThreadTree(tid, ops, linked.tidRootRuntimes.get(tid) ?? [], isMain ? linked.staleKernels : []) });
  }
  trees = attachBackwardModules(trees, mainTid, forwardBackward);

  const scan = scanSteps(events, new Set(linked.communication.keys()));
  const steps = alignStepsWithDevice(scan.steps, linked.runtimes, linked.deviceNodes);
  if (linked.commLibs.size > 1) linked.communication.clear();
  const rr = scan.roleRanges;

  return {
    format: trace.format,
    trees,
    mainTid,
    runtimes: linked.runtimes,
    deviceNodes: linked.deviceNodes,
    steps,
    roleRanges: rr,
    cpuMinTs: scan.cpuMinTs,
    cpuMaxTs: scan.cpuMaxTs,
    globalMinTs: scan.globalMinTs,
    globalMaxTs: scan.globalMaxTs,
    globalStartTs: scan.globalStartTs,
    globalEndTs: scan.globalEndTs,
    profilerStartTs,
    hasRuntime: rr.Runtime.length > 0,
    hasKernel: rr.Kernel.length > 0,
    hasCommunication: rr.Communication.length > 0,
    hasMemcpyOrMemset: rr.Memcpy.length > 0 || rr.Memset.length > 0,
    usedDevices: [...linked.usedDevices].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    useDp: linked.useDp,
    useDdp: linked.useDdp,
    commLibs: [...linked.commLibs],
    communication: [...linked.communication.values()],
    pythonFunctions: linked.pythonFunctions,
    memoryEvents,
    forwardBackward,
    deviceProperties: trace.deviceProperties,
    distributedInfo: trace.distributedInfo,
    schemaVersion: trace.schemaVersion,
    isPytorchLightning: trace.meta['Framework'] === 'pytorch-lightning',
  };
}

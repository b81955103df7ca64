/**
 * The analysis model of a profile trace (torch-tb-profiler's event parser and operator
 * trees, in TypeScript). See README.md for what each field means.
 */
export { buildModel } from './build.js';
export { isOperatorNode, isDataLoaderName } from './nodes.js';
export { mergeRanges } from './ranges.js';
export { pyRepr, pyStr } from './py-repr.js';
export { kernelUsesTensorCores, isTensorCoreEligibleOp } from './tensor-core.js';
export { ROOT_NAME, DUMMY_RUNTIME_NAME } from './tree.js';
export { PROFILE_ROLES } from './types.js';
export type {
  CommunicationNode,
  DeviceNode,
  EventType,
  HostNodeKind,
  MemoryEvent,
  OperatorNode,
  ProfileModel,
  ProfileRole,
  PythonFunction,
  RoleRanges,
  RuntimeNode,
  StepRange,
  ThreadTree,
  TimeRange,
} from './types.js';

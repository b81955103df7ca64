/**
 * TensorFlow / JAX / XLA profiles: decode `<host>.xplane.pb` (XSpace) files and build
 * what the profiler's views need from them (trace-viewer timeline, op statistics, step
 * times, plane listing).
 */
export { decodeXSpace, encodeXSpace, XSpaceDecodeError, XPLANE_PROTO_PATH } from './decode.js';
export { buildXSpaceProfile, type XSpaceProfile } from './profile.js';
export { xspaceTimeline, eventDetails, isTimedEvent } from './timeline.js';
export { xspaceOpStats, deviceOpLines, OP_STATS_COLUMNS, type OpStatsColumn, type OpStatsTable, type XSpaceOpStats } from './op-stats.js';
export { xspaceSteps, type XSpaceStep, type XSpaceSteps } from './steps.js';
export { summarizePlanes, planeKind, deviceOrdinal, type PlaneKind, type PlaneSummary, type LineSummary } from './planes.js';
export { StatFinder, statName, statValue, statsRecord, type StatValue } from './stats.js';
export { nestingDepths, selfTimes, startOrder } from './nesting.js';
export type * from './types.js';

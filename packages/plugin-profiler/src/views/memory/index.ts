/** The memory views: per-operator statistics, the memory curve and the allocation events. */
export { buildMemoryProfile, memoryCurveOf as memoryCurve, memoryEvents, memoryStats, memoryTotalsOf as memoryTotals } from './profile.js';
export type { MemoryProfile, MemorySource } from './profile.js';
export type { MemoryStatsJson, MemoryStatsQuery } from './stats.js';
export type { MemoryCurveJson, MemoryCurveQuery, CurveContext } from './curve.js';
export type { MemoryEventsJson, MemoryEventsQuery } from './events.js';
export { buildMemoryTree } from './records.js';
export type { MemoryNode, MemoryRecord, MemoryTree } from './records.js';
export { lttb } from './lttb.js';
export { displayRound, memoryFactor, memoryUnit, timeFactor, timeUnit } from './units.js';
export type { MemoryUnit, TimeUnit } from './units.js';

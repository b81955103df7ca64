/** The overview view: step-time breakdown, GPU summary and recommendations. */
export { ROLES, computeBreakdown } from './breakdown.js';
export type { Breakdown, Role, StepCommCosts, StepCosts, StepTimeline } from './breakdown.js';
export { buildOverviewProfile } from './profile.js';
export type { OverviewProfile, OverviewSource } from './profile.js';
export { overviewJson } from './torch-json.js';
export type { PerformanceItem, TorchOverview } from './torch-json.js';
export { ADVICE_THRESHOLDS, adviceFor, overviewFigures } from './figures.js';
export type { AverageFigures, GpuFigures, OverviewFigures, PercentFigures, StepFigures } from './figures.js';
export { peakMemory, torchRecommendations } from './recommendations.js';
export type { RecommendationSource } from './recommendations.js';

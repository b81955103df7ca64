/**
 * The experiment: the configuration a run wrote under `_hparams_/experiment` when there
 * is one (the first in run order, as TensorBoard takes "the first one"), else one
 * inferred from the sessions: their hyperparameters (./infer.ts) and, as metrics, every
 * scalar tag of a run at or below a session. Either way the hyperparameters are sorted,
 * those that differ first, then by name, and `hparamsLimit` keeps the first ones.
 */
import type { ExperimentMessage, HParamInfoMessage, MetricInfoMessage, SessionStartInfoMessage } from '@tb/core/plugin';
import type { Experiment, HParamInfo, HParamValue, MetricInfo, MetricName } from './api-types.js';
import { compareStrings } from './compare.js';
import { inferHParamInfos } from './infer.js';
import { DATA_TYPES, DATASET_TYPES, enumName, scalarValue } from './proto-json.js';
import { longestSessionPath, metricGroup } from './run-paths.js';

/** An experiment with nothing in it: TensorBoard's answer when there are no hparams. */
export const EMPTY_EXPERIMENT: Experiment = { name: '', description: '', user: '', timeCreatedSecs: 0, hparamInfos: [], metricInfos: [] };

function hparamInfoOf(info: HParamInfoMessage): HParamInfo {
  const base = { name: info.name, displayName: info.displayName, description: info.description, type: enumName(DATA_TYPES, info.type) };
  if (info.domain === 'domainDiscrete') {
    const values = (info.domainDiscrete?.values ?? []).map(scalarValue).filter((v): v is HParamValue => v !== undefined);
    return { ...base, domainDiscrete: values, differs: info.differs };
  }
  if (info.domain === 'domainInterval') {
    return { ...base, domainInterval: { minValue: info.domainInterval?.minValue ?? 0, maxValue: info.domainInterval?.maxValue ?? 0 }, differs: info.differs };
  }
  return { ...base, differs: info.differs };
}

function metricInfoOf(info: MetricInfoMessage): MetricInfo {
  return {
    name: { group: info.name?.group ?? '', tag: info.name?.tag ?? '' },
    displayName: info.displayName,
    description: info.description,
    datasetType: enumName(DATASET_TYPES, info.datasetType),
  };
}

/** A written configuration as the answer writes it (metrics left out unless `includeMetrics`). */
export function experimentFromConfig(config: ExperimentMessage, includeMetrics: boolean): Experiment {
  return sortHParams({
    name: config.name,
    description: config.description,
    user: config.user,
    timeCreatedSecs: config.timeCreatedSecs,
    hparamInfos: config.hparamInfos.map(hparamInfoOf),
    metricInfos: includeMetrics ? config.metricInfos.map(metricInfoOf) : [],
  });
}

/**
 * The metrics of sessions `sessionRuns`: each scalar (run, tag) under a session becomes
 * `{group: run relative to the session, tag}`, distinct, sorted by (tag, group).
 */
export function inferMetricInfos(sessionRuns: ReadonlySet<string>, scalarTags: ReadonlyMap<string, readonly string[]>): MetricInfo[] {
  const names = new Map<string, MetricName>();
  for (const [run, tags] of scalarTags) {
    const session = longestSessionPath(sessionRuns, run);
    if (session === null) continue;
    const group = metricGroup(run, session);
    for (const tag of tags) names.set(JSON.stringify([tag, group]), { group, tag });
  }
  return [...names.values()]
    .sort((a, b) => compareStrings(a.tag, b.tag) || compareStrings(a.group, b.group))
    .map((name) => ({ name, displayName: '', description: '', datasetType: 'DATASET_UNKNOWN' }));
}

/** What an experiment is made from: the configuration (if any) and the sessions. */
export interface ExperimentSources {
  /** The first configuration written, in run order; null when none was. */
  readonly config: ExperimentMessage | null;
  /** Each session's run and start info, in run order. */
  readonly sessions: readonly { readonly name: string; readonly start: SessionStartInfoMessage }[];
  /** Every run's scalar tags (plugin `scalars`). */
  readonly scalarTags: ReadonlyMap<string, readonly string[]>;
}

/**
 * The experiment of `sources`, hyperparameters sorted (those that differ first, then by
 * name); metrics only when `includeMetrics`. Empty when there is neither a configuration
 * nor a session with a typed hyperparameter.
 */
export function buildExperiment(sources: ExperimentSources, includeMetrics: boolean): Experiment {
  if (sources.config) return experimentFromConfig(sources.config, includeMetrics);
  const hparamInfos = inferHParamInfos(sources.sessions.map((s) => s.start));
  if (hparamInfos.length === 0) return EMPTY_EXPERIMENT;
  const metricInfos = includeMetrics ? inferMetricInfos(new Set(sources.sessions.map((s) => s.name)), sources.scalarTags) : [];
  return sortHParams({ ...EMPTY_EXPERIMENT, hparamInfos, metricInfos });
}

/** Hyperparameters that differ first, then by name (stable), as TensorBoard sorts them. */
function sortHParams(experiment: Experiment): Experiment {
  const hparamInfos = [...experiment.hparamInfos].sort((a, b) => Number(!a.differs) - Number(!b.differs) || compareStrings(a.name, b.name));
  return { ...experiment, hparamInfos };
}

/**
 * The first `limit` hyperparameters, in sorted order; all when `limit` is 0 or absent
 * (a negative limit drops that many from the end, as Python's slice does).
 */
export function limitHParams(experiment: Experiment, limit: number | undefined): Experiment {
  if (!limit) return experiment;
  return { ...experiment, hparamInfos: experiment.hparamInfos.slice(0, limit) };
}

/**
 * The sessions of the log root, read once per data version: the hparams tags of every
 * run (configuration, session starts and ends), every run's scalar tags, and each
 * session's metrics (the last value of each metric's scalar series). A request builds
 * its answer from this index; the index is rebuilt only when a run's hparams or scalar
 * tags changed (their counts, last steps or wall times), so an unchanged log root costs
 * two tag listings per request.
 */
import type { DataProvider, ExperimentMessage, SessionEndInfoMessage, SessionStartInfoMessage, TagListing } from '@tb/core/plugin';
import type { Experiment, HParamValue, MetricName } from './api-types.js';
import { buildExperiment, type ExperimentSources } from './experiment.js';
import { EXPERIMENT_TAG, parseExperiment, parseSessionEndInfo, parseSessionStartInfo, PLUGIN_NAME, SESSION_END_INFO_TAG, SESSION_START_INFO_TAG } from './metadata.js';
import { scalarValue } from './proto-json.js';
import { metricRun } from './run-paths.js';

/** The plugin name of the scalar series that hold metrics. */
export const SCALARS_PLUGIN = 'scalars';

/** One metric's value in a session: the last point of its series. */
export interface MetricPoint {
  readonly name: MetricName;
  readonly value: number;
  readonly step: number;
  readonly wallTime: number;
}

/** One session: a run with a session start. */
export interface SessionData {
  /** The run. */
  readonly name: string;
  /** Its group: the start info's group_name, else the session's own name. */
  readonly groupName: string;
  /** Its hyperparameter values that JSON can hold (numbers, strings, booleans; no NaN or infinities). */
  readonly hparams: ReadonlyMap<string, HParamValue>;
  readonly startTimeSecs: number;
  readonly endTimeSecs: number;
  /** Status number (STATUS_UNKNOWN, 0, when it wrote no end). */
  readonly status: number;
  readonly modelUri: string;
  readonly monitorUrl: string;
  /** One per experiment metric it has, in the experiment's order. */
  readonly metricValues: readonly MetricPoint[];
}

/** A session as read from its tags. */
export interface SessionRecord {
  readonly name: string;
  readonly start: SessionStartInfoMessage;
  readonly end: SessionEndInfoMessage | null;
}

/** The last point of a scalar series, or undefined when (run, tag) has none. */
export type LastScalar = (run: string, tag: string) => { step: number; wallTime: number; value: number } | undefined;

/** The experiment and sessions of one data version, each computed on first use. */
export interface SessionIndex {
  /** The experiment with hyperparameters sorted and not limited; metrics only when `includeMetrics`. */
  experiment(includeMetrics: boolean): Experiment;
  /** Every session in run order, with its metric values when `includeMetrics`. */
  sessions(includeMetrics: boolean): readonly SessionData[];
}

/** The session of `record` with the metrics of `metrics` that `last` finds. */
export function sessionData(record: SessionRecord, metrics: readonly MetricName[], last: LastScalar): SessionData {
  const hparams = new Map<string, HParamValue>();
  for (const [key, value] of Object.entries(record.start.hparams)) {
    const v = scalarValue(value);
    if (v === undefined || (typeof v === 'number' && !Number.isFinite(v))) continue;
    hparams.set(key, v);
  }
  const metricValues: MetricPoint[] = [];
  for (const name of metrics) {
    const point = last(metricRun(record.name, name.group), name.tag);
    if (point) metricValues.push({ name, value: point.value, step: point.step, wallTime: point.wallTime });
  }
  return {
    name: record.name,
    groupName: record.start.groupName || record.name,
    hparams,
    startTimeSecs: record.start.startTimeSecs,
    endTimeSecs: record.end?.endTimeSecs ?? 0,
    status: record.end?.status ?? 0,
    modelUri: record.start.modelUri,
    monitorUrl: record.start.monitorUrl,
    metricValues,
  };
}

/** An index over `sources` and `sessions`, reading metrics with `last`. */
export function createSessionIndex(sources: ExperimentSources, records: readonly SessionRecord[], last: LastScalar): SessionIndex {
  const experiments = new Map<boolean, Experiment>();
  const sessions = new Map<boolean, readonly SessionData[]>();
  const experiment = (includeMetrics: boolean): Experiment => {
    let e = experiments.get(includeMetrics);
    if (!e) experiments.set(includeMetrics, (e = buildExperiment(sources, includeMetrics)));
    return e;
  };
  return {
    experiment,
    sessions(includeMetrics) {
      let s = sessions.get(includeMetrics);
      if (!s) {
        const metrics = includeMetrics ? experiment(true).metricInfos.map((m) => m.name) : [];
        sessions.set(includeMetrics, (s = records.map((r) => sessionData(r, metrics, last))));
      }
      return s;
    },
  };
}

/**
 * What changed-detection compares: every hparams and scalar tag's run, name, count, last
 * step and last wall time, in listing order, each item given to `visit` until it says
 * false. Compared item by item, so no change is missed.
 */
function walkSignature(listings: readonly TagListing[], visit: (item: string | number) => boolean): boolean {
  for (const listing of listings) {
    for (const [run, tags] of listing) {
      if (!visit(run) || !visit(tags.size)) return false;
      for (const [tag, info] of tags) {
        if (!visit(tag) || !visit(info.count) || !visit(info.maxStep) || !visit(info.maxWallTime)) return false;
      }
    }
    if (!visit(listing.size)) return false;
  }
  return true;
}

function signature(listings: readonly TagListing[]): (string | number)[] {
  const items: (string | number)[] = [];
  walkSignature(listings, (item) => items.push(item) > 0);
  return items;
}

function matchesSignature(items: readonly (string | number)[], listings: readonly TagListing[]): boolean {
  let i = 0;
  const same = walkSignature(listings, (item) => {
    const old = items[i++];
    return old === item || (Number.isNaN(old) && Number.isNaN(item));
  });
  return same && i === items.length;
}

/** Decoded plugin_data by its bytes (the provider keeps one array per tag): a new session costs one decode, not all. */
const decoded = new WeakMap<Uint8Array, ExperimentMessage | SessionStartInfoMessage | SessionEndInfoMessage>();

function parseOnce<T extends ExperimentMessage | SessionStartInfoMessage | SessionEndInfoMessage>(content: Uint8Array, run: string, parse: (content: Uint8Array, run: string) => T): T {
  let message = decoded.get(content) as T | undefined;
  if (!message) decoded.set(content, (message = parse(content, run)));
  return message;
}

/** The index of `data` now, read from its tags. */
function readIndex(data: DataProvider, hparamTags: TagListing, scalarTags: TagListing): SessionIndex {
  const order = data.listRuns().map((r) => r.name);
  const listed = new Set(order);
  const runs = [...order.filter((r) => hparamTags.has(r)), ...[...hparamTags.keys()].filter((r) => !listed.has(r))];
  let config: ExperimentSources['config'] = null;
  const records: SessionRecord[] = [];
  for (const run of runs) {
    const tags = hparamTags.get(run)!;
    const experiment = tags.get(EXPERIMENT_TAG);
    if (experiment && !config) config = parseOnce(experiment.pluginContent, run, parseExperiment);
    const start = tags.get(SESSION_START_INFO_TAG);
    if (!start) continue;
    const end = tags.get(SESSION_END_INFO_TAG);
    records.push({
      name: run,
      start: parseOnce(start.pluginContent, run, parseSessionStartInfo),
      end: end ? parseOnce(end.pluginContent, run, parseSessionEndInfo) : null,
    });
  }
  const scalarTagNames = new Map([...scalarTags].map(([run, tags]) => [run, [...tags.keys()]] as const));
  const last: LastScalar = (run, tag) => {
    const s = data.readScalars(SCALARS_PLUGIN, run, tag, { downsample: 1 });
    const i = s ? s.step.length - 1 : -1;
    return s && i >= 0 ? { step: s.step[i]!, wallTime: s.wallTime[i]!, value: s.value[i]! } : undefined;
  };
  return createSessionIndex({ config, sessions: records, scalarTags: scalarTagNames }, records, last);
}

const cache = new WeakMap<DataProvider, { readonly signature: readonly (string | number)[]; readonly index: SessionIndex }>();

/** The index of `data`'s current version: the cached one while no hparams or scalar tag changed. */
export function sessionIndex(data: DataProvider): SessionIndex {
  const hparamTags = data.listTags(PLUGIN_NAME);
  const scalarTags = data.listTags(SCALARS_PLUGIN);
  const listings = [hparamTags, scalarTags];
  const cached = cache.get(data);
  if (cached && matchesSignature(cached.signature, listings)) return cached.index;
  const index = readIndex(data, hparamTags, scalarTags);
  cache.set(data, { signature: signature(listings), index });
  return index;
}

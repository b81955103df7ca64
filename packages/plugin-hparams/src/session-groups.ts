/**
 * POST /session_groups: the sessions whose status is allowed, grouped by group name
 * (hyperparameters and monitor URL from the group's first session in run order,
 * sessions sorted by name), metrics aggregated, filtered and sorted by the request's
 * columns, then one page of them with the total that passed the filters.
 */
import type { HParamValue, ListSessionGroupsResponse, MetricValue, Session, SessionGroup } from './api-types.js';
import { aggregateMetrics } from './aggregate.js';
import { columnFilter, groupOrder } from './columns.js';
import { compareStrings } from './compare.js';
import { enumName, jsonDouble, STATUSES } from './proto-json.js';
import type { SessionGroupsQuery } from './request.js';
import type { MetricPoint, SessionData, SessionIndex } from './session-index.js';

/** A group before it is written as JSON. */
export interface GroupData {
  readonly name: string;
  readonly hparams: ReadonlyMap<string, HParamValue>;
  readonly monitorUrl: string;
  readonly sessions: readonly SessionData[];
  readonly metricValues: readonly MetricPoint[];
}

/** Every group that passes the query's filters, sorted, before paging. */
export function listGroups(sessions: readonly SessionData[], q: SessionGroupsQuery): GroupData[] {
  const byName = new Map<string, SessionData[]>();
  for (const s of sessions) {
    if (!q.allowedStatuses.has(s.status)) continue;
    const members = byName.get(s.groupName);
    if (members) members.push(s);
    else byName.set(s.groupName, [s]);
  }
  let groups: GroupData[] = [];
  for (const [name, members] of byName) {
    const first = members[0]!;
    const ordered = [...members].sort((a, b) => compareStrings(a.name, b.name));
    groups.push({ name, hparams: first.hparams, monitorUrl: first.monitorUrl, sessions: ordered, metricValues: aggregateMetrics(ordered, q.aggregationType, q.aggregationMetric) });
  }
  const filters = q.colParams.map(columnFilter).filter((f) => f !== null);
  if (filters.length) groups = groups.filter((g) => filters.every((f) => f(g)));
  return groups.sort(groupOrder(q.colParams));
}

function metricValueJson(v: MetricPoint): MetricValue {
  return { name: { group: v.name.group, tag: v.name.tag }, value: jsonDouble(v.value), trainingStep: v.step, wallTimeSecs: v.wallTime };
}

function sessionJson(s: SessionData): Session {
  return {
    name: s.name,
    startTimeSecs: s.startTimeSecs,
    endTimeSecs: s.endTimeSecs,
    status: enumName(STATUSES, s.status),
    modelUri: s.modelUri,
    metricValues: s.metricValues.map(metricValueJson),
    monitorUrl: s.monitorUrl,
  };
}

/** `group` as the answer writes it, with only the hyperparameters in `include` when given. */
export function groupJson(group: GroupData, include: ReadonlySet<string> | null): SessionGroup {
  const hparams: Record<string, HParamValue> = {};
  for (const [k, v] of group.hparams) if (!include || include.has(k)) hparams[k] = v;
  return { name: group.name, hparams, metricValues: group.metricValues.map(metricValueJson), sessions: group.sessions.map(sessionJson), monitorUrl: group.monitorUrl };
}

/**
 * The hyperparameters the answer keeps: when some column says `includeInResult`, those of
 * hparam columns that do not say false; else all (null).
 */
export function includedHParams(q: SessionGroupsQuery): ReadonlySet<string> | null {
  if (!q.colParams.some((p) => p.includeInResult !== undefined)) return null;
  return new Set(q.colParams.flatMap((p) => (p.column.kind === 'hparam' && p.includeInResult !== false ? [p.column.name] : [])));
}

/** The answer to `q`: groups [startIndex, startIndex + sliceSize) and how many passed. */
export function listSessionGroups(index: SessionIndex, q: SessionGroupsQuery): ListSessionGroupsResponse {
  const { page, totalSize } = groupPage(index, q);
  const include = includedHParams(q);
  return { sessionGroups: page.map((g) => groupJson(g, include)), totalSize };
}

/** The groups of `q`'s page and how many passed the filters. */
export function groupPage(index: SessionIndex, q: SessionGroupsQuery): { page: GroupData[]; totalSize: number } {
  const groups = listGroups(index.sessions(q.includeMetrics), q);
  // Python's slice, negative indices included: JavaScript's slice has the same rules.
  return { page: groups.slice(q.startIndex, q.startIndex + q.sliceSize), totalSize: groups.length };
}

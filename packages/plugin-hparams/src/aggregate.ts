/**
 * A session group's metrics from its sessions', as TensorBoard aggregates them: the
 * average of each metric over the sessions that have it (steps averaged and floored,
 * wall times averaged), or every metric of one representative session, the one whose
 * `aggregationMetric` is the least, the greatest or the median (the lower middle one).
 */
import type { AggregationType, MetricName } from './api-types.js';
import type { MetricPoint, SessionData } from './session-index.js';

/** The point of `name` among `values`, if any. */
export function findMetric(values: readonly MetricPoint[], name: MetricName): MetricPoint | undefined {
  return values.find((v) => v.name.tag === name.tag && v.name.group === name.group);
}

/** Each metric averaged over the sessions that have it, in the order metrics first appear. */
export function averageMetrics(sessions: readonly SessionData[]): MetricPoint[] {
  const stats = new Map<string, { name: MetricName; total: number; count: number; steps: number; wallTimes: number }>();
  for (const session of sessions) {
    for (const v of session.metricValues) {
      const key = `${v.name.group}\u0000${v.name.tag}`;
      let s = stats.get(key);
      if (!s) stats.set(key, (s = { name: v.name, total: 0, count: 0, steps: 0, wallTimes: 0 }));
      s.total += v.value;
      s.count += 1;
      s.steps += v.step;
      s.wallTimes += v.wallTime;
    }
  }
  return [...stats.values()].map((s) => ({ name: s.name, value: s.total / s.count, step: Math.floor(s.steps / s.count), wallTime: s.wallTimes / s.count }));
}

/** Sessions' values of `name`, with their positions, for those that have it. */
function measurements(sessions: readonly SessionData[], name: MetricName): { value: number; index: number }[] {
  const out: { value: number; index: number }[] = [];
  sessions.forEach((s, index) => {
    const v = findMetric(s.metricValues, name);
    if (v) out.push({ value: v.value, index });
  });
  return out;
}

/**
 * The position of the representative session: the first least (or greatest) value, as
 * Python's min and max find it (a NaN met first stays), or the lower median of the
 * values sorted (NaN last). -1 when no session has the metric.
 */
function representative(sessions: readonly SessionData[], name: MetricName, type: 'AGGREGATION_MIN' | 'AGGREGATION_MAX' | 'AGGREGATION_MEDIAN'): number {
  const m = measurements(sessions, name);
  if (m.length === 0) return -1;
  if (type === 'AGGREGATION_MEDIAN') {
    const key = (x: number) => (Number.isNaN(x) ? Infinity : x);
    const sorted = [...m].sort((a, b) => key(a.value) - key(b.value) || Number(Number.isNaN(a.value)) - Number(Number.isNaN(b.value)));
    return sorted[Math.floor((sorted.length - 1) / 2)]!.index;
  }
  let best = m[0]!;
  for (const x of m.slice(1)) if (type === 'AGGREGATION_MIN' ? x.value < best.value : x.value > best.value) best = x;
  return best.index;
}

/**
 * The metrics of a group of `sessions` (sorted by name) under `type`; AGGREGATION_UNSET
 * averages. With min, max or median, a group where no session has `metric` has no
 * metric values (TensorBoard fails the whole request there).
 */
export function aggregateMetrics(sessions: readonly SessionData[], type: AggregationType, metric: MetricName | undefined): readonly MetricPoint[] {
  if (type === 'AGGREGATION_AVG' || type === 'AGGREGATION_UNSET' || metric === undefined) return averageMetrics(sessions);
  const index = representative(sessions, metric, type);
  return index < 0 ? [] : sessions[index]!.metricValues;
}

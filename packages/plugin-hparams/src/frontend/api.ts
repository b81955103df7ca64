/**
 * The hparams routes as the dashboard calls them (see ../../http-api.md): POST
 * experiment and session_groups with TensorBoard's JSON bodies (every group fetched, a
 * page at a time), and a session's curves from the Scalars plugin's `scalars` route
 * (beside ours under the same path prefix), or from our metric_evals when the Scalars
 * plugin is not there.
 */
import { PluginHttpError, type PluginFetch } from '@tb/ui';
import type {
  Experiment,
  GetExperimentRequest,
  ListMetricEvalsRequest,
  ListSessionGroupsRequest,
  ListSessionGroupsResponse,
  MetricName,
  SessionGroup,
  Status,
} from '../api-types.js';
import { metricRun } from './session-runs.js';

/** Session groups asked per session_groups request. */
export const PAGE_SIZE = 1000;

function post(body: unknown, signal?: AbortSignal): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), ...(signal ? { signal } : {}) };
}

/** POST experiment: the hyperparameters and metrics. */
export function fetchExperiment(fetch: PluginFetch, signal?: AbortSignal): Promise<Experiment> {
  const request: GetExperimentRequest = { experimentName: '' };
  return fetch.json<Experiment>('experiment', post(request, signal));
}

/**
 * Every session group whose sessions have one of `statuses`, in the server's order,
 * fetched `pageSize` at a time until `totalSize` are in (or a page comes back short).
 */
export async function fetchAllSessionGroups(
  fetch: PluginFetch,
  statuses: readonly Status[],
  pageSize = PAGE_SIZE,
  signal?: AbortSignal,
): Promise<SessionGroup[]> {
  const groups: SessionGroup[] = [];
  for (;;) {
    const request: ListSessionGroupsRequest = { experimentName: '', allowedStatuses: statuses, colParams: [], startIndex: groups.length, sliceSize: pageSize };
    const page = await fetch.json<ListSessionGroupsResponse>('session_groups', post(request, signal));
    if (!page || !Array.isArray(page.sessionGroups)) {
      throw new Error(`session_groups: expected {sessionGroups: [...], totalSize}, found ${JSON.stringify(page)?.slice(0, 80)}`);
    }
    groups.push(...page.sessionGroups);
    const total = typeof page.totalSize === 'number' && page.totalSize >= 0 ? page.totalSize : Infinity;
    if (page.sessionGroups.length < pageSize || groups.length >= total) return groups;
  }
}

/** One point of a curve. */
export interface CurvePoint {
  readonly wallTime: number;
  readonly step: number;
  readonly value: number;
}

/**
 * The URL of another plugin's route beside ours: `fetch.url('')` is
 * `<prefix>/data/plugin/hparams/`, so the Scalars plugin's is `<prefix>/data/plugin/scalars/`.
 */
export function siblingPluginUrl(fetch: PluginFetch, pluginId: string, route: string): string {
  const own = fetch.url('');
  const base = own.replace(/\/data\/plugin\/[^/]+\/?$/, `/data/plugin/${encodeURIComponent(pluginId)}/`);
  if (base === own) throw new Error(`expected this plugin's URL to end in /data/plugin/<id>/, found ${own}`);
  return base + route;
}

const toNumber = (v: unknown): number =>
  typeof v === 'number' ? v : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : NaN;

/** `[[wall, step, value], ...]` (values may be "NaN" / "Infinity") as points. */
export function parseSeries(raw: unknown): CurvePoint[] {
  if (!Array.isArray(raw)) throw new Error(`expected a series [[wall_time, step, value], ...], found ${JSON.stringify(raw)?.slice(0, 80)}`);
  return raw.flatMap((p) =>
    Array.isArray(p) && p.length >= 3 ? [{ wallTime: toNumber(p[0]), step: toNumber(p[1]), value: toNumber(p[2]) }] : [],
  );
}

/** Points asked of the Scalars plugin per curve: plenty for a small chart. */
const CURVE_POINTS = 500;

/** GET the Scalars plugin's `scalars?run=&tag=` (a few hundred points); null when it answers 404. */
export async function fetchScalarSeries(fetch: PluginFetch, run: string, tag: string, signal?: AbortSignal): Promise<CurvePoint[] | null> {
  const q = new URLSearchParams({ run, tag, downsample: String(CURVE_POINTS) });
  const res = await globalThis.fetch(siblingPluginUrl(fetch, 'scalars', `scalars?${q}`), signal ? { signal } : undefined);
  if (res.ok) return parseSeries(await res.json());
  if (res.status === 404) return null;
  throw new PluginHttpError(res.status, `${res.status} ${res.statusText} from the Scalars plugin for ${run}, ${tag}`);
}

/**
 * The series of `metric` in `session`: the Scalars plugin's `scalars?run=&tag=` (its run
 * is `<session>/<group>`), or when that plugin is not served, our metric_evals.
 */
export async function fetchCurve(fetch: PluginFetch, session: string, metric: MetricName, signal?: AbortSignal): Promise<CurvePoint[]> {
  const points = await fetchScalarSeries(fetch, metricRun(session, metric), metric.tag, signal);
  if (points) return points;
  const request: ListMetricEvalsRequest = { experimentName: '', sessionName: session, metricName: metric };
  return parseSeries(await fetch.json<unknown>('metric_evals', post(request, signal)));
}

/**
 * The Scalars plugin's tags, as run -> tag names (`{}` when that plugin is not served).
 */
export async function fetchScalarTags(fetch: PluginFetch, signal?: AbortSignal): Promise<Record<string, string[]>> {
  const res = await globalThis.fetch(siblingPluginUrl(fetch, 'scalars', 'tags'), signal ? { signal } : undefined);
  if (res.status === 404) return {};
  if (!res.ok) throw new PluginHttpError(res.status, `${res.status} ${res.statusText} from the Scalars plugin's tags`);
  const raw = (await res.json()) as unknown;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(`the Scalars plugin's tags: expected {run: {tag: ...}}, found ${JSON.stringify(raw)?.slice(0, 80)}`);
  }
  return Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([run, tags]) => [run, tags && typeof tags === 'object' ? Object.keys(tags) : []]));
}

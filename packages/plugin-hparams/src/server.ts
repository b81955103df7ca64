/**
 * The hparams plugin's routes under /data/plugin/hparams/, TensorBoard's: each answers a
 * POST whose body is the request as JSON (any content type) and a GET whose `request`
 * query field is (see ../http-api.md).
 *
 * - experiment      GetExperimentRequest       -> Experiment
 * - session_groups  ListSessionGroupsRequest   -> ListSessionGroupsResponse
 * - metric_evals    ListMetricEvalsRequest     -> [[wall_time, step, value], ...]
 * - download_data   ?format=csv|json|latex&columnsVisibility=[...] and a ListSessionGroupsRequest
 */
import { DataProviderToken, field, reply, routeFor, z, type DataProvider, type RouteMethod } from '@tb/core/plugin';
import type { Experiment, ListSessionGroupsResponse } from './api-types.js';
import { downloadTable, formatDownload } from './download.js';
import { limitHParams } from './experiment.js';
import { metricEvalsJson } from './metric-evals.js';
import { experimentRequest, metricEvalsRequest, parseRequest, sessionGroupsRequest, type ExperimentQuery, type MetricEvalsQuery, type SessionGroupsQuery } from './request.js';
import { groupPage, includedHParams, listSessionGroups } from './session-groups.js';
import { sessionIndex } from './session-index.js';

/** The services the routes use: the DataProvider. */
export const needs = { data: DataProviderToken };
const route = routeFor(needs);

/** GET's query: the request as JSON. */
const RequestQuery = z.object({ request: field.one.optional() });

/** The request of a GET (its `request` field) or a POST (its body). */
async function requestText(method: RouteMethod, query: { request?: string | undefined }, request: Request): Promise<string | undefined> {
  return method === 'GET' ? query.request : await request.text();
}

/** The experiment, hyperparameters sorted and limited as asked. */
export function experimentImpl(data: DataProvider, q: ExperimentQuery): Experiment {
  return limitHParams(sessionIndex(data).experiment(q.includeMetrics), q.hparamsLimit);
}

/** One page of session groups. */
export function sessionGroupsImpl(data: DataProvider, q: SessionGroupsQuery): ListSessionGroupsResponse {
  return listSessionGroups(sessionIndex(data), q);
}

/** The metric's points, as JSON text. */
export function metricEvalsImpl(data: DataProvider, q: MetricEvalsQuery): string {
  return metricEvalsJson(data, q);
}

const visibilityList = field.one.transform((raw, ctx): boolean[] => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'boolean')) return parsed as boolean[];
  ctx.addIssue({ code: 'custom', message: `{name} should be a JSON list of booleans, one per column (e.g. [true,false]), found ${JSON.stringify(raw)}` });
  return z.NEVER;
});

const DownloadQuery = z.object({ format: field.oneOf(['csv', 'json', 'latex']), columnsVisibility: visibilityList, request: field.one.optional() });

const methods: readonly RouteMethod[] = ['GET', 'POST'];

/** Every route, for GET (`?request=`) and POST (the body). */
export const routes = methods.flatMap((method) => [
  route({
    method,
    path: '/experiment',
    query: RequestQuery,
    handler: async ({ query, request }, { data }) => experimentImpl(data, parseRequest(await requestText(method, query, request), experimentRequest, 'GetExperimentRequest')),
  }),
  route({
    method,
    path: '/session_groups',
    query: RequestQuery,
    handler: async ({ query, request }, { data }) =>
      sessionGroupsImpl(data, parseRequest(await requestText(method, query, request), sessionGroupsRequest, 'ListSessionGroupsRequest')),
  }),
  route({
    method,
    path: '/metric_evals',
    query: RequestQuery,
    handler: async ({ query, request }, { data }) =>
      reply.json(metricEvalsImpl(data, parseRequest(await requestText(method, query, request), metricEvalsRequest, 'ListMetricEvalsRequest'))),
  }),
  route({
    method,
    path: '/download_data',
    query: DownloadQuery,
    handler: async ({ query, request }, { data }) => {
      const q = parseRequest(await requestText(method, query, request), sessionGroupsRequest, 'ListSessionGroupsRequest');
      const index = sessionIndex(data);
      const { page } = groupPage(index, q);
      const table = downloadTable(index.experiment(q.includeMetrics), page, includedHParams(q), query.columnsVisibility);
      const { body, contentType } = formatDownload(table, query.format);
      return reply.text(body, contentType);
    },
  }),
]);

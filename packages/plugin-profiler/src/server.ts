/**
 * The profiler's routes (see ../http-api.md). torch-tb-profiler's, with its JSON shapes,
 * so that its figures can be checked against ours (the plugin answers under
 * /data/plugin/profile/ and the alias /data/plugin/pytorch_profiler/), and ours for the
 * page: `figures` (the overview as numbers and sentences), `timeline` (the trace viewer's
 * binary timeline) with `timeline/detail`, and `xplane/*` for TensorFlow profiles.
 */
import { DataProviderToken, field, LoggerToken, NotFoundError, reply, routeFor, z } from '@tb/core/plugin';
import * as answer from './profile/answers.js';
import { storeFor } from './profile/store.js';

export const needs = { data: DataProviderToken, logger: LoggerToken };
const route = routeFor(needs);

const profileQuery = z.object({ run: field.one, worker: field.one, span: field.one });
type ProfileQuery = z.infer<typeof profileQuery>;
const groupBy = field.oneOf(['Operation', 'OperationAndInputShape']);
const kernelGroupBy = field.oneOf(['Kernel', 'KernelNameAndOpName']);
const memoryMetric = field.oneOf(['B', 'KB', 'MB', 'GB']);
const timeMetric = field.oneOf(['us', 'ms', 's']);
/** A timestamp in the trace's clock (µs), as torch-tb-profiler's memory routes take it. */
const timestamp = field.one.transform((raw, ctx) => {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: `should be a number (microseconds), found '${raw}'` });
    return z.NEVER;
  }
  return n;
});

/** A route answering for one loaded profile: looks it up (a 404 naming it when absent) and hands it on. */
function profileRoute<Q extends z.ZodRawShape>(path: string, extra: Q, handler: (p: answer.LoadedProfile, q: z.infer<z.ZodObject<Q>>) => unknown) {
  return route({
    method: 'GET',
    path,
    query: profileQuery.extend(extra),
    handler: async ({ query }, { data, logger }) => {
      const q = query as unknown as ProfileQuery & z.infer<z.ZodObject<Q>>;
      const profile = await storeFor(data, logger).profile(q.run, q.worker, q.span);
      const result = await handler(profile, q);
      if (result === undefined) throw new NotFoundError(`${path.slice(1)} has nothing for ${q.run}/${q.worker}/${q.span}`);
      return result;
    },
  });
}

export const routes = [
  route({ method: 'GET', path: '/runs', handler: (_i, { data, logger }) => storeFor(data, logger).runsAnswer() }),
  route({
    method: 'GET',
    path: '/views',
    query: z.object({ run: field.one }),
    handler: ({ query }, { data, logger }) => storeFor(data, logger).views(query.run),
  }),
  route({
    method: 'GET',
    path: '/workers',
    query: z.object({ run: field.one, view: field.one.optional() }),
    handler: ({ query }, { data, logger }) => storeFor(data, logger).workers(query.run, query.view),
  }),
  route({
    method: 'GET',
    path: '/spans',
    query: z.object({ run: field.one, worker: field.one }),
    handler: ({ query }, { data, logger }) => storeFor(data, logger).spans(query.run, query.worker),
  }),
  // Where the profile's load stands (starts it); answers at once, for the page's progress bar.
  route({
    method: 'GET',
    path: '/progress',
    query: profileQuery,
    handler: ({ query: q }, { data, logger }) => storeFor(data, logger).progress(q.run, q.worker, q.span),
  }),
  profileRoute('/overview', {}, (p) => answer.overview(p)),
  profileRoute('/figures', {}, (p) => answer.figures(p)),
  profileRoute('/operation', { group_by: groupBy }, (p, q) => answer.operationPie(p, q.group_by)),
  profileRoute('/operation/table', { group_by: groupBy }, (p, q) => answer.operationTable(p, q.group_by)),
  profileRoute('/operation/stack', { group_by: groupBy, op_name: field.one, input_shape: field.one.optional() }, (p, q) =>
    answer.operationStack(p, q.group_by, q.op_name, q.input_shape),
  ),
  profileRoute('/kernel', { group_by: kernelGroupBy.optional() }, (p, q) => answer.kernelPie(p, q.group_by ?? 'Kernel')),
  profileRoute('/kernel/table', { group_by: kernelGroupBy.optional() }, (p, q) => answer.kernelTable(p, q.group_by ?? 'KernelNameAndOpName')),
  profileRoute('/kernel/tc_pie', {}, (p) => answer.tensorCorePie(p)),
  profileRoute('/memory', { start_ts: timestamp.optional(), end_ts: timestamp.optional(), memory_metric: memoryMetric.optional() }, (p, q) =>
    answer.memory(p, { startTs: q.start_ts, endTs: q.end_ts, metric: q.memory_metric }),
  ),
  profileRoute('/memory_curve', { time_metric: timeMetric.optional(), memory_metric: memoryMetric.optional() }, (p, q) =>
    answer.memoryCurve(p, { timeMetric: q.time_metric, memoryMetric: q.memory_metric }),
  ),
  profileRoute('/memory_totals', { time_metric: timeMetric.optional(), memory_metric: memoryMetric.optional() }, (p, q) =>
    answer.memoryTotals(p, { timeMetric: q.time_metric, memoryMetric: q.memory_metric }),
  ),
  profileRoute('/memory_events', { start_ts: timestamp.optional(), end_ts: timestamp.optional(), time_metric: timeMetric.optional(), memory_metric: memoryMetric.optional() }, (p, q) =>
    answer.memoryEvents(p, { startTs: q.start_ts, endTs: q.end_ts, timeMetric: q.time_metric, memoryMetric: q.memory_metric }),
  ),
  profileRoute('/module', {}, (p) => answer.moduleView(p)),
  profileRoute('/tree', {}, (p) => answer.opTree(p)),
  profileRoute('/trace', {}, (p) => answer.trace(p)),
  ...(['gpuinfo', 'overlap', 'waittime', 'commops'] as const).map((which) =>
    route({
      method: 'GET',
      path: `/distributed/${which}`,
      query: profileQuery,
      // torch-tb-profiler asks with worker=All: the view is over every worker of the span.
      handler: async ({ query: q }, { data, logger }) => {
        const workers = await storeFor(data, logger).spanProfiles(q.run, q.span);
        const result = answer.distributed(workers, which);
        if (result === undefined) throw new NotFoundError(`run '${q.run}' span ${q.span} has no distributed profile (one worker, or no collectives)`);
        return result;
      },
    }),
  ),
  ...['/diff', '/diffnode'].map((path) =>
    route({
      method: 'GET',
      path,
      query: profileQuery.extend({ exp_run: field.one, exp_worker: field.one, exp_span: field.one, path: field.one.optional() }),
      handler: async ({ query: q }, { data, logger }) => {
        const store = storeFor(data, logger);
        const [base, exp] = await Promise.all([store.profile(q.run, q.worker, q.span), store.profile(q.exp_run, q.exp_worker, q.exp_span)]);
        const result = path === '/diff' ? answer.diff(base, exp) : answer.diffNode(base, exp, q.path ?? '0');
        if (result === undefined) throw new NotFoundError(`no operator node at path '${q.path ?? '0'}' in this comparison`);
        return result;
      },
    }),
  ),
  profileRoute('/timeline', {}, (p) => reply.bytes(answer.timelineBytes(p), 'application/octet-stream')),
  profileRoute('/timeline/detail', { slice: field.nonNegativeInt }, (p, q) => answer.timelineDetail(p, q.slice)),
  profileRoute('/xplane/op_stats', {}, (p) => answer.xplaneOpStats(p)),
  profileRoute('/xplane/steps', {}, (p) => answer.xplaneSteps(p)),
  profileRoute('/xplane/planes', {}, (p) => answer.xplanePlanes(p)),
];

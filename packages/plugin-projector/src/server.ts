/**
 * The projector's routes under /data/plugin/projector/ (see ../http-api.md).
 * TensorBoard's, with its answers and its 400s:
 *
 * - GET runs                              -> ["run", ...]: runs with something to project
 * - GET info?run=                         -> the run's ProjectorConfig as JSON
 * - GET tensor?run=&name=[&num_rows=]     -> float32 bytes (application/octet-stream)
 * - GET metadata?run=&name=[&num_rows=]   -> the metadata TSV (text/plain)
 * - GET sprite_image?run=&name=           -> the sprite sheet (image/png...)
 * - GET bookmarks?run=&name=              -> the bookmarks JSON file
 *
 * Ours, on the compute runner:
 *
 * - POST projections {run, tensor, method, params} -> {id}
 * - GET projections/<id>/events           -> text/event-stream: progress, layout, done | error
 * - DELETE projections/<id>               -> {id, cancelled}
 * - GET neighbors?run=&tensor=&index=&k=[&metric=] -> {index, metric, neighbors: [{index, distance}]}
 */
import { ComputeRunnerToken, DataProviderToken, field, FlagsToken, InvalidArgumentError, LoggerToken, reply, routeFor, z, type DataProvider, type Logger, type PluginFlags } from '@tb/core/plugin';
import type { ProjectionCancelled, ProjectionCreated, ProjectionRequest, RunsResponse } from './api-types.js';
import { bytesAnswer } from './bytes-response.js';
import { configToJson } from './config.js';
import { neighborsOf } from './neighbors.js';
import { type JobLimits, MAX_PCA_COMPONENTS, ProjectionJobs } from './projections.js';
import { sseResponse } from './sse.js';
import { storeFor, type ProjectorStore } from './store.js';
import { cutMetadata, imageContentType } from './tsv.js';

/** Options of {@link projectorRoutes}. */
export interface ProjectorOptions {
  /**
   * Offer each run's latest checkpoint's 2-D variables (TensorBoard with TensorFlow
   * installed does; without it, it does not). Default true.
   */
  readonly checkpoints?: boolean;
  /** Limits of the projection jobs (2 at once, finished ones kept 5 minutes). */
  readonly jobs?: Partial<JobLimits>;
}

export const needs = { data: DataProviderToken, compute: ComputeRunnerToken, flags: FlagsToken, logger: LoggerToken };
const route = routeFor(needs);

/** TensorBoard's `num_rows`: absent, or a positive integer (else its 400). */
const numRows = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (!raw) return undefined;
    const n = /^\s*[+-]?\d+\s*$/.test(raw) ? Number(raw) : NaN;
    if (!(n > 0)) {
      ctx.addIssue({ code: 'custom', message: 'query parameter num_rows must be integer > 0' });
      return z.NEVER;
    }
    return n;
  });

const runName = z.object({ run: field.one, name: field.one });
const positive = z.number().finite().positive();
const params = z
  .object({
    dims: z.union([z.literal(2), z.literal(3)]).optional(),
    components: z.number().int().min(1).max(MAX_PCA_COMPONENTS).optional(),
    perplexity: positive.optional(),
    learningRate: positive.optional(),
    iterations: z.number().int().min(1).max(100_000).optional(),
    neighbors: z.number().int().min(2).max(500).optional(),
    minDist: z.number().finite().min(0).max(10).optional(),
    seed: z.number().int().optional(),
    numRows: z.number().int().positive().optional(),
  })
  .strict();
const projectionBody = z.object({
  run: z.string().min(1),
  tensor: z.string().min(1),
  method: z.enum(['pca', 'tsne', 'umap']),
  params: params.optional(),
});

/** The id in `/.../projections/<id>[/events]`. */
function jobId(request: Request): string {
  const m = /\/projections\/([^/]+)(?:\/events)?\/?$/.exec(new URL(request.url).pathname);
  return decodeURIComponent(m?.[1] ?? '');
}

/** The projector's routes; `options` as {@link ProjectorOptions}. */
export function projectorRoutes(options: ProjectorOptions = {}) {
  const checkpoints = options.checkpoints ?? true;
  const jobsByProvider = new WeakMap<DataProvider, ProjectionJobs>();
  const jobsFor = (data: DataProvider): ProjectionJobs => {
    let jobs = jobsByProvider.get(data);
    if (!jobs) jobsByProvider.set(data, (jobs = new ProjectionJobs(options.jobs)));
    return jobs;
  };
  const store = ({ data, flags, logger }: { data: DataProvider; flags: PluginFlags; logger: Logger }): ProjectorStore => storeFor(data, { logdir: flags.logdir, checkpoints, logger });

  return [
    route({
      method: 'GET',
      path: '/runs',
      handler: async (_input, deps): Promise<RunsResponse> => [...(await store(deps).configs()).keys()],
    }),
    route({
      method: 'GET',
      path: '/info',
      query: z.object({ run: field.one }),
      handler: async ({ query }, deps) => reply.json(JSON.stringify(configToJson((await store(deps).run(query.run)).config), null, 2)),
    }),
    route({
      method: 'GET',
      path: '/tensor',
      query: runName.extend({ num_rows: numRows }),
      handler: async ({ query }, deps) => {
        const t = await store(deps).tensor(query.run, query.name);
        const rows = query.num_rows ? Math.min(query.num_rows, t.rows) : t.rows;
        return bytesAnswer(new Uint8Array(t.data.buffer, t.data.byteOffset, rows * t.cols * 4), 'application/octet-stream');
      },
    }),
    route({
      method: 'GET',
      path: '/metadata',
      query: runName.extend({ num_rows: numRows }),
      handler: async ({ query }, deps) => {
        const s = store(deps);
        const rc = await s.run(query.run);
        const path = s.embedding(rc, query.name)?.metadataPath;
        if (!path) throw new InvalidArgumentError(`No metadata file found for tensor "${query.name}" in the config file "${rc.configPath}"`);
        const bytes = await s.file(s.resolve(rc, path), 'metadata file');
        return reply.bytes(cutMetadata(bytes, query.num_rows), 'text/plain; charset=utf-8');
      },
    }),
    route({
      method: 'GET',
      path: '/sprite_image',
      query: runName,
      handler: async ({ query }, deps) => {
        const s = store(deps);
        const rc = await s.run(query.run);
        const path = s.embedding(rc, query.name)?.sprite?.imagePath;
        if (!path) throw new InvalidArgumentError(`No sprite image file found for tensor "${query.name}" in the config file "${rc.configPath}"`);
        const bytes = await s.file(s.resolve(rc, path), 'sprite image');
        return reply.bytes(bytes, imageContentType(bytes));
      },
    }),
    route({
      method: 'GET',
      path: '/bookmarks',
      query: runName,
      handler: async ({ query }, deps) => {
        const s = store(deps);
        const rc = await s.run(query.run);
        const path = s.embedding(rc, query.name)?.bookmarksPath;
        if (!path) throw new InvalidArgumentError(`No bookmarks file found for tensor "${query.name}" in the config file "${rc.configPath}"`);
        return reply.bytes(await s.file(s.resolve(rc, path), 'bookmarks file'), 'application/json');
      },
    }),
    route({
      method: 'POST',
      path: '/projections',
      body: projectionBody,
      bodyKind: 'json',
      handler: async ({ body }, deps): Promise<ProjectionCreated> => {
        const req: ProjectionRequest = body;
        const s = store(deps);
        const rc = await s.run(req.run);
        if (!s.embedding(rc, req.tensor)) {
          throw new InvalidArgumentError(`tensor: expected one of the run's embeddings (${rc.config.embeddings.map((e) => JSON.stringify(e.tensorName)).join(', ')}), found ${JSON.stringify(req.tensor)}`);
        }
        const id = jobsFor(deps.data).start({ method: req.method, params: req.params ?? {}, load: () => s.tensor(req.run, req.tensor), runner: deps.compute });
        return { id };
      },
    }),
    route({
      method: 'GET',
      path: '/projections/:id/events',
      handler: ({ request }, { data }) => sseResponse(jobsFor(data).events(jobId(request))),
    }),
    route({
      method: 'DELETE',
      path: '/projections/:id',
      handler: ({ request }, { data }): ProjectionCancelled => {
        const id = jobId(request);
        return { id, cancelled: jobsFor(data).cancel(id) };
      },
    }),
    route({
      method: 'GET',
      path: '/neighbors',
      query: z.object({
        run: field.one,
        tensor: field.one,
        index: field.nonNegativeInt,
        k: field.positiveInt.optional(),
        metric: field.oneOf(['euclidean', 'cosine'] as const).optional(),
      }),
      handler: async ({ query }, deps) => {
        const t = await store(deps).tensor(query.run, query.tensor);
        return neighborsOf(deps.compute, t, query.index, query.k ?? 10, query.metric ?? 'euclidean');
      },
    }),
  ];
}

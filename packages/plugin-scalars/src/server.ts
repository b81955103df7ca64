/**
 * The scalars plugin's routes under /data/plugin/scalars/, as data: each names its
 * input schema and calls one pure function. Errors are thrown as NotFoundError (404) or
 * InvalidArgumentError (400); core turns them into JSON.
 *
 * - GET  tags                                 -> {run: {tag: {displayName, description}}}
 * - GET  scalars?run=&tag=[&format=csv][&downsample=N]
 * - POST scalars_multirun  (form: tag, runs..., [downsample])
 * - GET|POST export?runs=&tags=[&tagRegex=]   -> CSV attachment
 *
 * See ../http-api.md for examples.
 */
import { DataProviderToken, field, InvalidArgumentError, reply, replyJson, routeFor, z } from '@tb/core/plugin';
import { seriesCsv } from './csv.js';
import { downsampleSeries } from './downsample.js';
import { exportCsv } from './export.js';
import { multirunAnswer } from './multirun.js';
import { readSeries, seriesAnswer } from './series.js';
import { tagsImpl } from './tags.js';

export const needs = { data: DataProviderToken };
const route = routeFor(needs);

const CSV_TYPE = 'text/csv; charset=utf-8';
const downsample = field.positiveIntMeaning('the most points per series').optional();

const ScalarsQuery = z.object({ run: field.one, tag: field.one, format: field.oneOf(['json', 'csv']).optional(), downsample });
const MultirunFields = z.object({ tag: field.many, runs: field.many, downsample });
const ExportFields = z.object({ runs: field.many, tags: field.many, tagRegex: field.regex.optional() });
type ExportSelection = z.infer<typeof ExportFields>;

const exportAnswer = (data: Parameters<typeof exportCsv>[0], ...parts: ExportSelection[]) =>
  reply.text(
    exportCsv(data, {
      runs: parts.flatMap((p) => p.runs),
      tags: parts.flatMap((p) => p.tags),
      tagRegex: parts.find((p) => p.tagRegex)?.tagRegex,
    }),
    CSV_TYPE,
    { 'Content-Disposition': 'attachment; filename="scalars.csv"' },
  );

export const routes = [
  route({ method: 'GET', path: '/tags', handler: (_input, { data }) => tagsImpl(data) }),

  route({
    method: 'GET',
    path: '/scalars',
    query: ScalarsQuery,
    handler: ({ query, request }, { data }) => {
      if (query.format === 'csv') return reply.text(seriesCsv(downsampleSeries(readSeries(data, query.run, query.tag), query.downsample)), CSV_TYPE);
      return replyJson(request, seriesAnswer(data, query.run, query.tag, query.downsample));
    },
  }),

  route({
    method: 'POST',
    path: '/scalars_multirun',
    query: MultirunFields,
    body: MultirunFields,
    handler: ({ query, body, request }, { data }) => {
      const tags = [...body.tag, ...query.tag];
      if (tags.length !== 1) {
        throw new InvalidArgumentError(`tag should be given exactly once (form: tag=...&runs=...), found ${tags.length} values`);
      }
      return replyJson(request, multirunAnswer(data, tags[0]!, [...body.runs, ...query.runs], body.downsample ?? query.downsample));
    },
  }),

  route({ method: 'GET', path: '/export', query: ExportFields, handler: ({ query }, { data }) => exportAnswer(data, query) }),
  route({ method: 'POST', path: '/export', query: ExportFields, body: ExportFields, handler: ({ query, body }, { data }) => exportAnswer(data, body, query) }),
];

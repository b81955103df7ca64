/**
 * The scalars plugin's routes under /data/plugin/scalars/: each one reads and checks
 * its fields, calls one pure function, and writes the answer. Errors are thrown as
 * NotFoundError (404) or InvalidArgumentError (400); the host turns them into JSON.
 *
 * - GET  tags                                 -> {run: {tag: {displayName, description}}}
 * - GET  scalars?run=&tag=[&format=csv][&downsample=N]
 * - POST scalars_multirun  (form: tag, runs..., [downsample])
 * - GET|POST export?runs=&tags=[&tagRegex=]   -> CSV attachment
 *
 * See ../http-api.md for examples.
 */
import type { Hono } from 'hono';
import { InvalidArgumentError, type DataProvider } from '@tb/core';
import { seriesCsv } from './csv.js';
import { downsampleSeries } from './downsample.js';
import { exportCsv } from './export.js';
import { multirunImpl, multirunJson } from './multirun.js';
import {
  allStrings,
  mergeFields,
  parseDownsample,
  parseFormat,
  parseTagRegex,
  requiredString,
  type Fields,
} from './params.js';
import { readSeries, seriesJson } from './series.js';
import { tagsImpl } from './tags.js';


const JSON_TYPE = { 'Content-Type': 'application/json' };
const CSV_TYPE = 'text/csv; charset=utf-8';

/** Registers the scalars routes on `app` (mounted at /data/plugin/scalars/), reading through `data`. */
export function scalarsRoutes(app: Hono, data: DataProvider): void {
  app.get('/tags', (c) => c.json(tagsImpl(data)));

  app.get('/scalars', (c) => {
    const q = query(c.req.url);
    const run = requiredString(q, 'run');
    const tag = requiredString(q, 'tag');
    const format = parseFormat(q);
    const series = downsampleSeries(readSeries(data, run, tag), parseDownsample(q));
    if (format === 'csv') return c.body(seriesCsv(series), 200, { 'Content-Type': CSV_TYPE });
    return c.body(seriesJson(series), 200, JSON_TYPE);
  });

  app.post('/scalars_multirun', async (c) => {
    const fields = mergeFields(await form(c.req.raw), query(c.req.url));
    const tags = allStrings(fields, 'tag');
    if (tags.length !== 1) {
      throw new InvalidArgumentError(`tag should be given exactly once (form: tag=...&runs=...), found ${tags.length} values`);
    }
    const byRun = multirunImpl(data, tags[0]!, allStrings(fields, 'runs'), parseDownsample(fields));
    return c.body(multirunJson(byRun), 200, JSON_TYPE);
  });
  app.get('/scalars_multirun', () => {
    throw new InvalidArgumentError('scalars_multirun expects a POST with a form body (tag=...&runs=...), found a GET');
  });

  const exportRoute = (fields: Fields) =>
    exportCsv(data, { runs: allStrings(fields, 'runs'), tags: allStrings(fields, 'tags'), tagRegex: parseTagRegex(fields) });
  const attachment = { 'Content-Type': CSV_TYPE, 'Content-Disposition': 'attachment; filename="scalars.csv"' };
  app.get('/export', (c) => c.body(exportRoute(query(c.req.url)), 200, attachment));
  app.post('/export', async (c) => c.body(exportRoute(mergeFields(await form(c.req.raw), query(c.req.url))), 200, attachment));
}

function query(url: string): Fields {
  return new URL(url).searchParams;
}

/** The request's form body; a 400 naming the content type when it is not a form. */
async function form(request: Request): Promise<Fields> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
    throw new InvalidArgumentError(
      `expected a form body (application/x-www-form-urlencoded or multipart/form-data), found ${type ? `content type '${type}'` : 'no content type'}`,
    );
  }
  try {
    return await request.formData();
  } catch (err) {
    throw new InvalidArgumentError(`expected a readable form body, found one that fails to parse: ${(err as Error).message}`);
  }
}

/**
 * The histograms plugin's routes under /data/plugin/histograms/ (see ../http-api.md),
 * also answered under TensorBoard's /data/plugin/distributions/ (an alias):
 *
 * - GET tags                                  -> {run: {tag: {displayName, description}}}
 * - GET histograms?run=&tag=[&downsample=N][&full=true]
 *                                             -> [[wall_time, step, [[left, right, count], ...]], ...]
 *   (large answers re-binned to the 30 bins the page draws unless full=true; see compact.ts)
 * - GET distributions?run=&tag=[&downsample=N] -> [[wall_time, step, [[basis_point, value] x 9]], ...]
 */
import { DataProviderToken, field, replyJson, routeFor, z } from '@tb/core/plugin';
import { histogramsAnswer, readDistributions } from './series.js';
import { tagsImpl } from './tags.js';

export const needs = { data: DataProviderToken };
const route = routeFor(needs);

const SeriesQuery = z.object({ run: field.one, tag: field.one, downsample: field.positiveInt.optional() });
const HistogramsQuery = SeriesQuery.extend({ full: field.boolean.optional() });

export const routes = [
  route({ method: 'GET', path: '/tags', handler: (_input, { data }) => tagsImpl(data) }),
  route({
    method: 'GET',
    path: '/histograms',
    query: HistogramsQuery,
    handler: ({ query, request }, { data }) => replyJson(request, histogramsAnswer(data, query.run, query.tag, query)),
  }),
  route({
    method: 'GET',
    path: '/distributions',
    query: SeriesQuery,
    handler: ({ query }, { data }) => readDistributions(data, query.run, query.tag, query.downsample),
  }),
];

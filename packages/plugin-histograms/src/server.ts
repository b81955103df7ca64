/**
 * The histograms plugin's routes under /data/plugin/histograms/ (see ../http-api.md),
 * also answered under TensorBoard's /data/plugin/distributions/ (an alias):
 *
 * - GET tags                                  -> {run: {tag: {displayName, description}}}
 * - GET histograms?run=&tag=[&downsample=N]   -> [[wall_time, step, [[left, right, count], ...]], ...]
 * - GET distributions?run=&tag=[&downsample=N] -> [[wall_time, step, [[basis_point, value] x 9]], ...]
 */
import { DataProviderToken, field, routeFor, z } from '@tb/core/plugin';
import { readDistributions, readHistograms } from './series.js';
import { tagsImpl } from './tags.js';

export const needs = { data: DataProviderToken };
const route = routeFor(needs);

const SeriesQuery = z.object({ run: field.one, tag: field.one, downsample: field.positiveInt.optional() });

export const routes = [
  route({ method: 'GET', path: '/tags', handler: (_input, { data }) => tagsImpl(data) }),
  route({
    method: 'GET',
    path: '/histograms',
    query: SeriesQuery,
    handler: ({ query }, { data }) => readHistograms(data, query.run, query.tag, query.downsample),
  }),
  route({
    method: 'GET',
    path: '/distributions',
    query: SeriesQuery,
    handler: ({ query }, { data }) => readDistributions(data, query.run, query.tag, query.downsample),
  }),
];

/**
 * The custom scalars plugin's routes under /data/plugin/custom_scalars/, as data:
 *
 * - GET layout                -> the merged Layout as JSON, `{}` when no run wrote one
 * - GET scalars?run=&tag=     -> {regex_valid, tag_to_events: {tag: [[wall_time, step, value], ...]}}
 *
 * See ../http-api.md for examples.
 */
import { DataProviderToken, field, reply, routeFor, z } from '@tb/core/plugin';
import { layoutImpl } from './layout.js';
import { scalarsImpl } from './scalars.js';

/** The services the routes use: the DataProvider. */
export const needs = { data: DataProviderToken };
const route = routeFor(needs);

/** `tag` may be absent or empty: TensorBoard answers `regex_valid: false` then, not an error. */
const ScalarsQuery = z.object({ run: field.one, tag: field.one.optional() });

/** The plugin's routes, as data. */
export const routes = [
  route({ method: 'GET', path: '/layout', handler: (_input, { data }) => reply.json(layoutImpl(data)) }),
  route({
    method: 'GET',
    path: '/scalars',
    query: ScalarsQuery,
    handler: ({ query }, { data }) => reply.json(scalarsImpl(data, query.run, query.tag ?? '')),
  }),
];

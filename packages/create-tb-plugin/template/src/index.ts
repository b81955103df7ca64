/**
 * The plugin: its metadata, the services it needs (as tokens) and its routes (as data).
 * tb-core finds it by its package name (`tb-plugin-*`), mounts the routes under
 * `/data/plugin/__ID__/` and checks their input before a handler runs.
 */
import { DataProviderToken, definePlugin, field, routeFor, z } from '@tb/core/plugin';
import { PLUGIN_ID, PLUGIN_NAME, TITLE } from './metadata.js';
import { summarize } from './server.js';

const needs = { data: DataProviderToken };
const route = routeFor(needs);

export default definePlugin({
  id: PLUGIN_ID,
  title: TITLE,
  pluginNames: [PLUGIN_NAME],
  needs,
  routes: [
    route({
      method: 'GET',
      path: '/summary',
      query: z.object({ tag: field.one.optional() }),
      handler: ({ query }, { data }) => summarize(data, query.tag),
    }),
  ],
});

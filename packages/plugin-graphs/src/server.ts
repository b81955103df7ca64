/**
 * The graphs plugin's routes under /data/plugin/graphs/ (see ../http-api.md):
 *
 * - GET info                                        -> {run: {run, run_graph, tags: {tag: {...}}}}
 * - GET graph?run=[&tag=][&conceptual=true][&limit_attr_size=N&large_attrs_key=K]
 *                                                   -> the GraphDef as protobuf text (TensorBoard's)
 * - GET run_metadata?run=&tag=                      -> the RunMetadata as protobuf text
 * - GET graph_json?run=[&tag=][&conceptual=true]    -> our page's compact JSON (graph-json.ts)
 */
import { DataProviderToken, field, InvalidArgumentError, reply, routeFor, z, type DataProvider } from '@tb/core/plugin';
import { GraphStore } from './graph-store.js';
import { infoImpl } from './info.js';
import { checkAttrLimit, limitAttrs } from './limit-attrs.js';
import { toTextFormatAsync } from './proto/text-format.js';
import { graphJsonImpl } from './to-graph-json.js';

export const needs = { data: DataProviderToken };
const route = routeFor(needs);

/** TensorBoard's content type for protobuf text answers. */
export const PBTXT_CONTENT_TYPE = 'text/x-protobuf; charset=utf-8';

const stores = new WeakMap<DataProvider, GraphStore>();

/** The one store (and cache) of a DataProvider. */
export function storeFor(data: DataProvider): GraphStore {
  let store = stores.get(data);
  if (!store) stores.set(data, (store = new GraphStore(data)));
  return store;
}

/** Python's `int()` of a query value: optional sign, digits (underscores between), spaces around. */
function pythonInt(raw: string, name: string): number {
  if (!/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(raw)) throw new InvalidArgumentError(`query parameter \`${name}\` must be an integer, found '${raw}'`);
  return Number(raw.replace(/[\s_]/g, ''));
}

const GraphQuery = z.object({
  run: field.one,
  tag: field.one.optional(),
  conceptual: field.one.optional(),
  limit_attr_size: field.one.optional(),
  large_attrs_key: field.one.optional(),
});

export const routes = [
  route({ method: 'GET', path: '/info', handler: (_input, { data }) => infoImpl(data) }),
  route({
    method: 'GET',
    path: '/graph',
    query: GraphQuery,
    handler: async ({ query }, { data }) => {
      const limit = {
        limitAttrSize: query.limit_attr_size === undefined ? undefined : pythonInt(query.limit_attr_size, 'limit_attr_size'),
        largeAttrsKey: query.large_attrs_key,
      };
      const store = storeFor(data);
      const loaded = await store.graph({ run: query.run, tag: query.tag, conceptual: query.conceptual === 'true' });
      checkAttrLimit(limit);
      const text = await store.view(loaded, `text\u0000${limit.limitAttrSize ?? ''}\u0000${limit.largeAttrsKey ?? ''}`, async () => {
        const clock = store.pace();
        return toTextFormatAsync(await limitAttrs(loaded.graph, limit, clock), clock);
      });
      return reply.bytes(text, PBTXT_CONTENT_TYPE);
    },
  }),
  route({
    method: 'GET',
    path: '/run_metadata',
    query: z.object({ run: field.one, tag: field.one }),
    handler: async ({ query }, { data }) => {
      const store = storeFor(data);
      const loaded = await store.runMetadata(query.run, query.tag);
      const text = await store.view(loaded, 'text', () => toTextFormatAsync(loaded.graph, store.pace()));
      return reply.bytes(text, PBTXT_CONTENT_TYPE);
    },
  }),
  route({
    method: 'GET',
    path: '/graph_json',
    query: z.object({ run: field.one, tag: field.one.optional(), conceptual: field.one.optional() }),
    handler: async ({ query }, { data }) => {
      const body = await graphJsonImpl(storeFor(data), { run: query.run, tag: query.tag, conceptual: query.conceptual === 'true' });
      return reply.bytes(body, 'application/json');
    },
  }),
];

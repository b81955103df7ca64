/**
 * The plugin contract: a package exporting two plugins made by definePlugin, with routes
 * as data, input schemas built from `field`, every kind of reply, errors that become
 * answers, and an alias. Used by docs/plugins.md; exercised by examples.test.ts.
 */
import { DataProviderToken, definePlugin, field, HttpError, InvalidArgumentError, NotFoundError, reply, routeFor, z } from '@tb/core/plugin';

const needs = { data: DataProviderToken };
const route = routeFor(needs);

/** Notes: text summaries, as JSON or as plain text. */
export const notes = definePlugin({
  id: 'notes',
  title: 'Notes',
  pluginNames: ['text'],
  needs,
  aliases: ['notes_v1'], // /data/plugin/notes_v1/* answers too
  routes: [
    // JSON: what a handler returns is the answer's body.
    route({
      method: 'GET',
      path: '/tags',
      handler: (_input, { data }) => Object.fromEntries([...data.listTags('text')].map(([run, tags]) => [run, [...tags.keys()].sort()])),
    }),
    // Query fields checked by core before the handler runs: a 400 names the field.
    route({
      method: 'GET',
      path: '/note',
      query: z.object({ run: field.one, tag: field.one, format: field.oneOf(['json', 'text']).optional() }),
      handler: ({ query }, { data }) => {
        const series = data.readTensors('text', query.run, query.tag, { downsample: 1 });
        if (!series || series.length === 0) throw new NotFoundError(`no note ${JSON.stringify(query.tag)} in run ${JSON.stringify(query.run)}`);
        const last = series[series.length - 1]!;
        const text = new TextDecoder().decode(last.value.strings[0] ?? new Uint8Array());
        return query.format === 'text' ? reply.text(text, 'text/plain; charset=utf-8') : { step: last.step, text };
      },
    }),
    // A body, and an error with its own status.
    route({
      method: 'POST',
      path: '/search',
      body: z.object({ pattern: field.regex }),
      handler: ({ body }, { data }) => {
        const hits = [...data.listTags('text')].flatMap(([run, tags]) => [...tags.keys()].filter((t) => body.pattern.test(t)).map((tag) => ({ run, tag })));
        if (hits.length > 100) throw new HttpError(413, `expected at most 100 matching tags, found ${hits.length}: narrow the pattern`);
        return hits;
      },
    }),
    // Bytes, with a header.
    route({
      method: 'GET',
      path: '/file',
      query: z.object({ path: field.one }),
      handler: async ({ query }, { data }) => {
        if (!query.path.endsWith('.txt')) throw new InvalidArgumentError(`path should end in .txt, found ${JSON.stringify(query.path)}`);
        return reply.bytes(await data.readFile(query.path), 'text/plain', { 'cache-control': 'max-age=60' });
      },
    }),
  ],
});

/** A second plugin of the same package: its own id, tab and routes. */
export const noteCount = definePlugin({
  id: 'note_count',
  title: 'Note count',
  pluginNames: ['text'],
  needs,
  routes: [route({ method: 'GET', path: '/count', handler: (_input, { data }) => ({ count: [...data.listTags('text').values()].reduce((n, tags) => n + tags.size, 0) }) })],
});

/** A package exports a list of plugins as its default: each one becomes a tab. */
export default [notes, noteCount];

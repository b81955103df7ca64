import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NotFoundError } from '../errors.js';
import { memoryLogger } from '../logger.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { field } from '../plugins/fields.js';
import { routeFor } from '../plugins/route.js';
import { DataProviderToken } from '../plugins/tokens.js';
import { hostPlugin } from '../testing/host-plugin.js';
import { MemoryProvider } from '../testing/memory-provider.js';
import { MAX_MESSAGE_LENGTH } from './errors.js';

const needs = { data: DataProviderToken };
const route = routeFor(needs);
const plugin = definePlugin({
  id: 'echoes',
  title: 'Echoes',
  pluginNames: ['scalars'],
  needs,
  routes: [
    route({
      method: 'POST',
      path: '/runs',
      body: z.object({ runs: field.many }),
      handler: ({ body }) => {
        throw new NotFoundError(`no run ${JSON.stringify(body.runs[0])}`);
      },
    }),
    route({
      method: 'GET',
      path: '/crash',
      handler: () => {
        throw new TypeError(`cannot read ${'y'.repeat(100_000)}`);
      },
    }),
  ],
});

interface ErrorAnswer {
  error: { status: number; message: string; plugin?: string };
}

describe('error messages', () => {
  it(`are cut to ${MAX_MESSAGE_LENGTH} characters, saying how many more there were`, async () => {
    const app = hostPlugin(plugin, new MemoryProvider());
    const run = 'r'.repeat(7 * 1024 * 1024);
    const res = await app.request('/data/plugin/echoes/runs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `runs=${run}`,
    });
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text.length).toBeLessThan(MAX_MESSAGE_LENGTH + 200);
    const { error } = JSON.parse(text) as ErrorAnswer;
    const full = `no run "${run}"`;
    expect(error.message).toBe(`${full.slice(0, MAX_MESSAGE_LENGTH)}… (${full.length - MAX_MESSAGE_LENGTH} more characters)`);
  });

  it('are cut for 500s and for routes that do not exist, and in the log', async () => {
    const logger = memoryLogger();
    const app = hostPlugin(plugin, new MemoryProvider(), { logger });
    const crash = (await (await app.request('/data/plugin/echoes/crash')).json()) as ErrorAnswer;
    expect(crash.error).toMatchObject({ status: 500, plugin: 'echoes' });
    expect(crash.error.message).toMatch(/^plugin 'echoes' failed: cannot read y+… \(\d+ more characters\)$/);
    expect(logger.lines.find((l) => l.level === 'error')!.message.length).toBeLessThan(5 * MAX_MESSAGE_LENGTH + 100);
    const missing = (await (await app.request(`/data/${'z'.repeat(10_000)}`)).json()) as ErrorAnswer;
    expect(missing.error.status).toBe(404);
    expect(missing.error.message).toMatch(/^no route GET \/data\/z+… \(8019 more characters\)$/);
  });
});

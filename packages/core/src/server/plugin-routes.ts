/**
 * Mounts a plugin's routes (data, see plugins/route.ts) on hono: reads the query and
 * body into plain fields, validates them with the route's schemas, calls the handler
 * with the plugin's services, and writes what it returns. Every failure becomes a JSON
 * error naming the plugin, here and nowhere else.
 */
import { Hono, type Context } from 'hono';
import { InvalidArgumentError, HttpError } from '../errors.js';
import type { Logger } from '../logger.js';
import { nameField } from '../plugins/fields.js';
import type { HostedPlugin } from '../plugins/host.js';
import { isReply, type AnyRoute, type RawFields } from '../plugins/route.js';
import type { SchemaIssue, StandardSchema } from '../plugins/standard-schema.js';
import { errorResponse } from './errors.js';

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** A hono app answering `hosted`'s routes, to mount at /data/plugin/<id>/ and each alias. */
export function pluginRoutes(hosted: HostedPlugin, logger: Logger): Hono {
  const { plugin, deps } = hosted;
  const app = new Hono();
  app.onError((err, c) => errorResponse(c, err, logger, plugin.id));
  const methodsByPath = new Map<string, string[]>();
  for (const route of plugin.routes) {
    methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);
    app.on(route.method, route.path, async (c) => respond(await route.handler((await readInput(route, c)) as never, deps)));
  }
  for (const [routePath, methods] of methodsByPath) {
    app.all(routePath, (c) => {
      const bodyRoute = plugin.routes.find((r) => r.path === routePath && r.body);
      const what = bodyRoute ? ` with a ${bodyRoute.bodyKind === 'json' ? 'JSON' : 'form'} body` : '';
      throw new HttpError(405, `${routePath.slice(1)} expects a ${methods.join(' or ')}${what} (see the plugin's http-api.md), found a ${c.req.method}`);
    });
  }
  app.all('*', (c) => {
    throw new HttpError(404, `plugin '${plugin.id}' has no route ${c.req.method} ${c.req.path.replace(/^.*?\/data\/plugin\/[^/]+/, '')}`);
  });
  return app;
}

async function readInput(route: AnyRoute, c: Context): Promise<{ query: unknown; body: unknown; request: Request }> {
  const request = c.req.raw;
  const query = await validate(route.query, searchFields(new URL(request.url).searchParams), 'query');
  let body: unknown = undefined;
  if (route.body) body = await validate(route.body, await readBody(request, route.bodyKind ?? 'form'), 'body');
  return { query, body, request };
}

/** Query or form fields: a string (or File) when given once, an array when repeated. */
export function searchFields(source: { forEach(fn: (value: string | File, key: string) => void): void }): RawFields {
  const out: Record<string, string | File | (string | File)[]> = {};
  source.forEach((value, key) => {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  });
  return out;
}

async function readBody(request: Request, kind: 'form' | 'json'): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  const found = type ? `content type '${type}'` : 'no content type';
  if (kind === 'json') {
    if (!/^application\/json\b/i.test(type)) throw new InvalidArgumentError(`expected a JSON body (application/json), found ${found}`);
    try {
      return await request.json();
    } catch (err) {
      throw new InvalidArgumentError(`expected a JSON body, found one that fails to parse: ${(err as Error).message}`);
    }
  }
  if (!FORM_TYPES.test(type)) {
    throw new InvalidArgumentError(`expected a form body (application/x-www-form-urlencoded or multipart/form-data), found ${found}`);
  }
  try {
    return searchFields(await request.formData());
  } catch (err) {
    throw new InvalidArgumentError(`expected a readable form body, found one that fails to parse: ${(err as Error).message}`);
  }
}

async function validate(schema: StandardSchema<unknown, unknown> | undefined, value: unknown, where: 'query' | 'body'): Promise<unknown> {
  if (!schema) return value;
  const result = await schema['~standard'].validate(value);
  if (!result.issues) return result.value;
  throw new InvalidArgumentError(result.issues.map((issue) => describeIssue(issue, where)).join('; '));
}

function describeIssue(issue: SchemaIssue, where: string): string {
  const name = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.');
  return nameField(issue.message, name || where);
}

/** Turns a handler's result into a Response: a Response as is, a Reply, or JSON. */
function respond(result: unknown): Response {
  if (result instanceof Response) return result;
  if (isReply(result)) return new Response(result.body as ConstructorParameters<typeof Response>[0], { status: result.status, headers: result.headers });
  return new Response(JSON.stringify(result ?? null), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

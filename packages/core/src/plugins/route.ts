/**
 * A plugin's routes as data: `{ method, path, query?, body?, handler(input, deps) }`.
 * Core mounts them on its HTTP server, validates `query` and `body` with their schemas
 * (any Standard Schema library; `@tb/core/plugin` re-exports zod as `z` and ready-made
 * field schemas), and turns what the handler returns, or throws, into the answer. A
 * handler is a plain function: it needs no web framework and is testable alone.
 *
 * @example
 * const route = routeFor({ data: DataProviderToken });
 * export const tags = route({
 *   method: 'GET',
 *   path: '/tags',
 *   handler: (_input, { data }) => tagsImpl(data),  // returned values are sent as JSON
 * });
 * export const scalars = route({
 *   method: 'GET',
 *   path: '/scalars',
 *   query: z.object({ run: field.one, tag: field.one, downsample: field.positiveInt.optional() }),
 *   handler: ({ query }, { data }) => readSeries(data, query.run, query.tag, query.downsample),
 * });
 */
import type { Deps, Needs } from './needs.js';
import type { StandardSchema } from './standard-schema.js';

/** The HTTP methods a route may answer. */
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The kinds of request body a route reads. */
export type BodyKind = 'form' | 'json';

/** What a handler receives: the validated query and body, and the request itself. */
export interface RouteInput<Q, B> {
  /** The query string, validated by the route's `query` schema (else the raw fields). */
  readonly query: Q;
  /** The body, validated by the route's `body` schema; undefined for routes without one. */
  readonly body: B;
  /** The standard Fetch request, for headers (e.g. If-None-Match). */
  readonly request: Request;
}

/**
 * Query and form fields before validation: a field given once is a string (or a File
 * for an upload), a repeated field an array, in order.
 */
export type RawFields = Readonly<Record<string, string | File | readonly (string | File)[]>>;

/**
 * What a handler may return: any JSON value (sent as `application/json`), a
 * {@link Reply} made by `reply.*`, or a standard `Response`.
 */
export type RouteResult = unknown;

/** One route of a plugin, as data. */
export interface RouteDefinition<Q = RawFields, B = undefined, D = Deps<Needs>> {
  readonly method: RouteMethod;
  /** Under the plugin's prefix, starting with '/': `/tags` answers /data/plugin/<id>/tags. */
  readonly path: string;
  /** Validates the query string (a {@link RawFields} object). A failure is a 400 naming the field. */
  readonly query?: StandardSchema<unknown, Q>;
  /** Validates the body: a form (urlencoded or multipart, as {@link RawFields}) or JSON. */
  readonly body?: StandardSchema<unknown, B>;
  /** What body the route reads; 'form' by default when `body` is given. */
  readonly bodyKind?: BodyKind;
  /** Computes the answer; throw an HttpError (NotFoundError, InvalidArgumentError...) for a 4xx. */
  readonly handler: (input: RouteInput<Q, B>, deps: D) => RouteResult | Promise<RouteResult>;
}

/**
 * A route of any input, as a plugin's `routes` list holds them: every
 * {@link RouteDefinition} with deps `D` is one, whatever its schemas.
 */
export interface AnyRoute<D = Deps<Needs>> {
  readonly method: RouteMethod;
  readonly path: string;
  readonly query?: StandardSchema<unknown, unknown>;
  readonly body?: StandardSchema<unknown, unknown>;
  readonly bodyKind?: BodyKind;
  readonly handler: (input: RouteInput<never, never>, deps: D) => RouteResult | Promise<RouteResult>;
}

/**
 * A route maker bound to a plugin's `needs`, so each handler's `deps` is typed and its
 * input is typed by the route's own schemas.
 */
export function routeFor<N extends Needs>(_needs: N): <Q = RawFields, B = undefined>(route: RouteDefinition<Q, B, Deps<N>>) => RouteDefinition<Q, B, Deps<N>> {
  return (route) => route;
}

const REPLY = Symbol.for('@tb/core:Reply');

/** An answer with a content type and headers, made by {@link reply}. */
export interface Reply {
  readonly [REPLY]: true;
  readonly status: number;
  readonly body: string | Uint8Array | null;
  readonly headers: Readonly<Record<string, string>>;
}

function make(status: number, body: string | Uint8Array | null, headers: Record<string, string>): Reply {
  return { [REPLY]: true, status, body, headers };
}

/** Answers other than plain JSON. */
export const reply = {
  /** JSON already serialized (for large series built as text), or any value with a status. */
  json(value: unknown, o: { status?: number; headers?: Record<string, string> } = {}): Reply {
    const body = typeof value === 'string' ? value : JSON.stringify(value);
    return make(o.status ?? 200, body, { 'Content-Type': 'application/json', ...o.headers });
  },
  /** Text with its content type, e.g. `text/csv; charset=utf-8`. */
  text(body: string, contentType: string, headers: Record<string, string> = {}): Reply {
    return make(200, body, { 'Content-Type': contentType, ...headers });
  },
  /** Bytes with their content type (images, audio, protobuf). */
  bytes(body: Uint8Array, contentType: string, headers: Record<string, string> = {}): Reply {
    return make(200, body, { 'Content-Type': contentType, 'X-Content-Type-Options': 'nosniff', ...headers });
  },
  /** A 304 Not Modified, for a request whose If-None-Match names the current ETag. */
  notModified(headers: Record<string, string> = {}): Reply {
    return make(304, null, headers);
  },
} as const;

/** True for values made by {@link reply}. */
export function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && (value as Partial<Reply>)[REPLY] === true;
}

/**
 * Compressed answers: JSON, CSV, text, HTML, CSS and JavaScript go out gzip (or deflate)
 * when the client accepts it, which shrinks scalar series about tenfold. Images and
 * audio are compressed already and go out as they are; server-sent events are never
 * compressed, so each event reaches the page when it is written.
 */
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

/** The content types worth compressing. `text/event-stream` is left out on purpose. */
export const COMPRESSIBLE = /^\s*(?:application\/(?:json|javascript|x-ndjson|xml|wasm)|text\/(?!event-stream\b)[a-z0-9.+-]+|image\/svg\+xml|[a-z]+\/[a-z0-9.-]+\+json)\s*(?:;|$)/i;

/** Answers that declare a Content-Length under this many bytes are sent as they are. */
const THRESHOLD_BYTES = 1024;

/** The compression middleware, for every route. */
export function compressAnswers(): MiddlewareHandler {
  return compress({ threshold: THRESHOLD_BYTES, contentTypeFilter: COMPRESSIBLE });
}

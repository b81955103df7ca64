/**
 * `X-Content-Type-Options: nosniff` on every answer: a browser then takes each answer
 * as the type it is sent as, so a run or tag name in a JSON or CSV answer can never be
 * read as HTML or script.
 */
import type { MiddlewareHandler } from 'hono';

/** A middleware adding `X-Content-Type-Options: nosniff` to every answer, errors included. */
export function noSniff(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  };
}

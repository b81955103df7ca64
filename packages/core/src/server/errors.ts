/**
 * Errors become responses here, and only here: an {@link HttpError} maps to its status,
 * any other error to a 500 that names the plugin whose route threw. The server never
 * falls over because a route did.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HttpError } from '../errors.js';
import type { Logger } from '../logger.js';

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: { status: number; message: string; plugin?: string };
}

/** The HTTP status of an error: an HttpError's own, or 500 for anything unexpected. */
export function statusOf(err: unknown): ContentfulStatusCode {
  return err instanceof HttpError ? (err.status as ContentfulStatusCode) : 500;
}

/** Turns `err` into a JSON error response; unexpected errors are logged with their stack. */
export function errorResponse(c: Context, err: unknown, logger: Logger, plugin?: string): Response {
  const status = statusOf(err);
  const message = err instanceof Error ? err.message : String(err);
  if (status === 500) {
    const where = plugin ? `plugin '${plugin}'` : 'core';
    logger.error(`${where}: ${c.req.method} ${c.req.path} failed: ${err instanceof Error ? (err.stack ?? message) : message}`);
  }
  const body: ErrorBody = {
    error: {
      status,
      message: status === 500 && plugin ? `plugin '${plugin}' failed: ${message}` : message,
      ...(plugin ? { plugin } : {}),
    },
  };
  return c.json(body, status);
}

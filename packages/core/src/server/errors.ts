/**
 * Errors become responses here, and only here: an {@link HttpError} maps to its status,
 * any other error to a 500 that names the plugin whose route threw. The server never
 * falls over because a route did. A message is cut to {@link MAX_MESSAGE_LENGTH}
 * characters, so an error can never echo a huge input back in full.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HttpError } from '../errors.js';
import type { Logger } from '../logger.js';
import { capText } from '../plugins/describe.js';

/** The most characters of an error message sent to a client; the rest is counted, not sent. */
export const MAX_MESSAGE_LENGTH = 2_000;

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
    logger.error(capText(`${where}: ${c.req.method} ${c.req.path} failed: ${err instanceof Error ? (err.stack ?? message) : message}`, 5 * MAX_MESSAGE_LENGTH));
  }
  const body: ErrorBody = {
    error: {
      status,
      message: capText(status === 500 && plugin ? `plugin '${plugin}' failed: ${message}` : message, MAX_MESSAGE_LENGTH),
      ...(plugin ? { plugin } : {}),
    },
  };
  return c.json(body, status);
}

/**
 * Request bodies are bounded: past the limit the request is answered 413 (JSON, in the
 * usual error shape) before it is read into memory, so one client cannot make the
 * server buffer hundreds of megabytes while every other client waits.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** The default limit: 8 MiB, far above any form or JSON body the routes take. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** A middleware refusing bodies over `maxBytes` with a 413 that says the limit and what was sent. */
export function limitBodies(maxBytes: number = MAX_BODY_BYTES): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      const declared = Number(c.req.header('content-length'));
      const found = Number.isFinite(declared) && declared > maxBytes ? `${declared.toLocaleString('en-US')} bytes` : 'more than that';
      const message = `request body too large: expected at most ${formatBytes(maxBytes)} (${maxBytes.toLocaleString('en-US')} bytes), found ${found}`;
      return c.json({ error: { status: 413, message } }, 413);
    },
  });
}

function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MB` : `${n.toLocaleString('en-US')} bytes`;
}

/**
 * GET /data/events: a server-sent-events stream telling the page which runs got new
 * data (`runs`) and how loading goes (`status`, at most every 250 ms while loading).
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { LogSource } from './app.js';

const STATUS_EVERY_MS = 250;
const HEARTBEAT_MS = 15_000;

export function eventsRoute(mux: LogSource): Hono {
  const app = new Hono();
  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      let closed = false;
      let lastState = '';
      const sendStatus = async () => {
        const status = mux.status();
        const text = JSON.stringify(status);
        if (text === lastState) return;
        lastState = text;
        await stream.writeSSE({ event: 'status', data: text });
      };
      const unsubscribe = mux.onChange((runs) => {
        void stream.writeSSE({ event: 'runs', data: JSON.stringify({ changed: runs }) }).then(sendStatus);
      });
      stream.onAbort(() => {
        closed = true;
        unsubscribe();
      });
      await sendStatus();
      let sinceBeat = 0;
      while (!closed) {
        await stream.sleep(STATUS_EVERY_MS);
        if (closed) break;
        await sendStatus();
        sinceBeat += STATUS_EVERY_MS;
        if (sinceBeat >= HEARTBEAT_MS) {
          sinceBeat = 0;
          await stream.writeSSE({ event: 'heartbeat', data: '{}' });
        }
      }
      unsubscribe();
    }),
  );
  return app;
}

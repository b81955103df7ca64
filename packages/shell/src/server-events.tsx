/**
 * The server's event stream (`/data/events`): loading progress (`status`) and runs with
 * new data (`runs`). EventSource reconnects by itself when the server restarts.
 */
import { useEffect, useRef } from 'preact/hooks';
import { parseStatus, type LoadStatus } from './api.js';

/** Callbacks for the stream's events. */
export interface ServerEventHandlers {
  readonly onStatus: (status: LoadStatus) => void;
  readonly onRuns: (changed: readonly string[]) => void;
}

function parseChanged(data: string): string[] {
  try {
    const parsed = JSON.parse(data) as { changed?: unknown };
    return Array.isArray(parsed.changed) ? parsed.changed.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}

/** Listens to the SSE stream at `url` while the component is mounted. */
export function useServerEvents(url: string, handlers: ServerEventHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (typeof EventSource !== 'function') return;
    const source = new EventSource(url);
    source.addEventListener('status', (e) => {
      try {
        latest.current.onStatus(parseStatus(JSON.parse((e as MessageEvent<string>).data)));
      } catch {
        // A malformed status message: keep the last one.
      }
    });
    source.addEventListener('runs', (e) => latest.current.onRuns(parseChanged((e as MessageEvent<string>).data)));
    return () => source.close();
  }, [url]);
}

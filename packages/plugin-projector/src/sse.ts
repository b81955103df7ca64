/**
 * Server-sent events: one event as the text/event-stream wire form, and a Response that
 * streams events from a subscription until it ends or the client goes away.
 */

/** One event: its name and its JSON data. */
export interface SseEvent {
  readonly event: string;
  readonly data: unknown;
}

const encoder = new TextEncoder();

/** `event: name\ndata: {...}\n\n` (JSON never holds a raw newline). */
export function formatEvent(e: SseEvent): Uint8Array {
  return encoder.encode(`event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
}

/** Where a stream's events come from: `subscribe` replays what happened, then follows; it returns the unsubscribe. */
export interface EventSource {
  subscribe(listener: (e: SseEvent | null) => void): () => void;
}

/** A `text/event-stream` Response following `source`; `null` from the source ends it. */
export function sseResponse(source: EventSource): Response {
  let unsubscribe: (() => void) | null = null;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      unsubscribe = source.subscribe((e) => {
        if (closed) return;
        if (e === null) {
          closed = true;
          controller.close();
          queueMicrotask(() => unsubscribe?.());
          return;
        }
        controller.enqueue(formatEvent(e));
      });
      if (closed) unsubscribe();
    },
    cancel() {
      unsubscribe?.();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' },
  });
}

/** Parses a text/event-stream body back into events (for tests and clients). */
export function parseEvents(text: string): SseEvent[] {
  const out: SseEvent[] = [];
  for (const block of text.split('\n\n')) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length) out.push({ event, data: JSON.parse(data.join('\n')) as unknown });
  }
  return out;
}

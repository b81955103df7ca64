/**
 * A binary answer that does not copy its bytes: a large view is streamed in slices of
 * itself (views, not copies), where `reply.bytes` would hand one buffer to the Response
 * to copy. Small answers take the ordinary path.
 */
import { reply } from '@tb/core/plugin';

/** Answers above this many bytes are streamed. */
export const STREAM_ABOVE = 4 << 20;
const SLICE = 1 << 20;

/** `bytes` with `contentType`, streamed without a copy when large. */
export function bytesAnswer(bytes: Uint8Array, contentType: string): Response | ReturnType<typeof reply.bytes> {
  if (bytes.byteLength <= STREAM_ABOVE) return reply.bytes(bytes, contentType);
  let pos = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const end = Math.min(bytes.byteLength, pos + SLICE);
      controller.enqueue(bytes.subarray(pos, end));
      pos = end;
      if (pos >= bytes.byteLength) controller.close();
    },
  });
  return new Response(body, {
    headers: { 'Content-Type': contentType, 'Content-Length': String(bytes.byteLength), 'X-Content-Type-Options': 'nosniff' },
  });
}

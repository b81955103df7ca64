/**
 * Parses a trace file as it is read: gzip is inflated as a stream and the JSON text is
 * split into events by {@link TraceEventScanner}, so a 100 MB trace never exists as one
 * string. The result is what {@link traceFromJson} makes of the whole value, except that
 * each event keeps only the fields of a TraceEvent.
 */
import { Readable } from 'node:stream';
import { constants, createGunzip } from 'node:zlib';
import { TraceEventScanner, TraceParseError } from './event-scanner.js';
import { traceFromJson } from './from-json.js';
import type { ProfileTrace } from './types.js';

/** Options of {@link parseTraceStream}. */
export interface ParseStreamOptions {
  /** The chunks are a gzip file (`.json.gz`). */
  readonly gzip: boolean;
  /** Called after each input chunk with the input bytes read so far (compressed bytes for gzip). */
  readonly onProgress?: (bytesRead: number) => void;
  /** Called for recoverable problems, e.g. a file cut short whose earlier events were kept. */
  readonly onWarning?: (message: string) => void;
  /** Stops reading and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/**
 * The trace in `chunks`. Rejects with a TraceParseError (naming the byte offset) on
 * corrupt JSON, a TraceFormatError when the JSON is not a trace; a truncated text yields
 * the events before the cut and a warning.
 */
export async function parseTraceStream(chunks: AsyncIterable<Uint8Array>, options: ParseStreamOptions): Promise<ProfileTrace> {
  const scanner = new TraceEventScanner();
  const counted = countBytes(chunks, options);
  const text = options.gzip ? gunzip(counted) : counted;
  for await (const chunk of text) {
    options.signal?.throwIfAborted();
    scanner.push(chunk);
  }
  const { value, truncatedAt } = scanner.finish();
  const trace = traceFromJson(value);
  if (truncatedAt !== undefined) {
    options.onWarning?.(`the trace ends early (cut at byte ${truncatedAt} of its JSON text); kept the ${trace.traceEvents.length} events before the cut`);
  }
  return trace;
}

async function* countBytes(chunks: AsyncIterable<Uint8Array>, options: ParseStreamOptions): AsyncGenerator<Uint8Array> {
  let read = 0;
  for await (const chunk of chunks) {
    options.signal?.throwIfAborted();
    read += chunk.length;
    yield chunk;
    options.onProgress?.(read);
  }
}

/**
 * Inflates a gzip stream. A stream cut short yields what could be inflated (the JSON
 * scanner then reports the cut); corrupt compressed data rejects with a TraceParseError.
 */
async function* gunzip(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const inflate = createGunzip({ finishFlush: constants.Z_SYNC_FLUSH });
  const source = Readable.from(chunks, { objectMode: false });
  source.on('error', (err) => inflate.destroy(err));
  source.pipe(inflate);
  let out = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      out += chunk.length;
      yield chunk;
    }
  } catch (err) {
    if (err instanceof Error && 'errno' in err && 'code' in err && String(err.code).startsWith('Z_')) {
      throw new TraceParseError(`corrupt gzip data: ${err.message}`, out);
    }
    throw err;
  } finally {
    source.destroy();
    inflate.destroy();
  }
}

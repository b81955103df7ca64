/**
 * The errors a profile load rejects with: they name the profile, and keep the name of the
 * original (a TraceParseError stays one) so callers can tell the kinds apart.
 */
import type { ProfileId } from './types.js';

/** `run/worker/span`. */
export function describeId(id: ProfileId): string {
  return `${id.run}/${id.worker}/${id.span}`;
}

/** An error naming the profile, keeping the original's name (TraceParseError, ...). */
export function loadError(id: ProfileId, err: unknown, what = 'could not load'): Error {
  const original = err instanceof Error ? err : new Error(String(err));
  const e = new Error(`${what} the profile ${describeId(id)}: ${original.message}`, { cause: original });
  e.name = original.name;
  return e;
}

/** The abort signal's reason as an Error (an AbortError when it is not one). */
export function abortReason(signal: AbortSignal): Error {
  const r: unknown = signal.reason;
  if (r instanceof Error) return r;
  const e = new Error(r === undefined ? 'the load was aborted' : String(r));
  e.name = 'AbortError';
  return e;
}

/**
 * Keeps only the fields of a {@link TraceEvent} from a parsed event record, so that
 * whatever else a writer adds (`tts`, `flow_in`, vendor keys) costs no memory for the
 * life of a loaded profile.
 */
import type { TraceEvent } from './types.js';

/** The keys of {@link TraceEvent}. */
export const TRACE_EVENT_FIELDS: ReadonlySet<string> = new Set(['ph', 'name', 'cat', 'pid', 'tid', 'ts', 'dur', 'id', 'bp', 's', 'args']);

/**
 * `v` itself when it is not a plain object or has no other keys (the common case: no
 * copy); otherwise a copy with only the {@link TRACE_EVENT_FIELDS}.
 */
export function pickEventFields(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const record = v as Record<string, unknown>;
  let extra = false;
  for (const key in record) {
    if (!TRACE_EVENT_FIELDS.has(key)) {
      extra = true;
      break;
    }
  }
  if (!extra) return v;
  const out: Record<string, unknown> = {};
  for (const key of TRACE_EVENT_FIELDS) if (key in record) out[key] = record[key];
  return out;
}

/**
 * A parsed trace file's JSON value as a {@link ProfileTrace}: Kineto's object with
 * `traceEvents`, or the autograd profiler's bare list of events. Events that are not
 * objects with a string `ph` are dropped (a corrupt event costs that event).
 */
import type { DeviceProperties, ProfileTrace, TraceEvent } from './types.js';

/** Why a file is not a trace at all. */
export class TraceFormatError extends Error {
  override readonly name = 'TraceFormatError';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether `v` can be read as a trace event (the fields every view relies on are there). */
export function isTraceEvent(v: unknown): v is TraceEvent {
  if (!isObject(v) || typeof v.ph !== 'string') return false;
  if (v.ph === 'M') return true;
  return typeof v.ts === 'number' && Number.isFinite(v.ts);
}

/** The trace of a whole JSON value; throws a {@link TraceFormatError} naming what was found instead. */
export function traceFromJson(value: unknown): ProfileTrace {
  if (Array.isArray(value)) {
    return { format: 'autograd', traceEvents: value.filter(isTraceEvent).map(normalizeEvent), meta: {} };
  }
  if (!isObject(value) || !Array.isArray(value.traceEvents)) {
    throw new TraceFormatError(`not a trace: expected a list of events or an object with "traceEvents", found ${describe(value)}`);
  }
  const { traceEvents, schemaVersion, deviceProperties, distributedInfo, ...meta } = value;
  return {
    format: 'kineto',
    traceEvents: (traceEvents as unknown[]).filter(isTraceEvent).map(normalizeEvent),
    ...(typeof schemaVersion === 'number' ? { schemaVersion } : {}),
    ...(Array.isArray(deviceProperties) ? { deviceProperties: deviceProperties.filter(isObject) as unknown as DeviceProperties[] } : {}),
    ...(isObject(distributedInfo) ? { distributedInfo } : {}),
    meta,
  };
}

/** An event with a name and pid/tid always present ('' and 0 when the writer left them out). */
export function normalizeEvent(e: TraceEvent): TraceEvent {
  if (typeof e.name === 'string' && e.pid !== undefined && e.tid !== undefined) return e;
  return { ...e, name: typeof e.name === 'string' ? e.name : '', pid: e.pid ?? 0, tid: e.tid ?? 0 };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (isObject(v)) return `an object with keys ${Object.keys(v).slice(0, 5).map((k) => JSON.stringify(k)).join(', ') || '(none)'}`;
  return typeof v;
}

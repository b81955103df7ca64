/**
 * The binary form of a {@link Timeline}, as the server sends it to the trace viewer:
 *
 *   "TBTL" | version u32 | header length u32 | header (UTF-8 JSON) | zero padding to 8
 *   | float64 columns | uint32 columns | uint16 columns
 *
 * all little-endian. The header holds the strings, processes, tracks, counter names and
 * the column lengths; the columns follow in a fixed order (start, dur, each counter's ts
 * and values; track, name, flow from, flow to; depth, cat), each naturally aligned, so
 * the page reads them as typed-array views without copying. `details` stays behind
 * (the page asks for one slice at a time). Runs in the browser and in Node.
 */
import { NO_DETAILS } from './details.js';
import type { Timeline, TimelineProcess, TimelineTrack } from './types.js';

export { sliceDetail, type SliceDetail } from './detail.js';

/** The four magic bytes, "TBTL". */
const MAGIC = [0x54, 0x42, 0x54, 0x4c] as const;
/** The layout version this code writes and reads. */
export const TIMELINE_CODEC_VERSION = 1;

/** Why bytes are not an encoded timeline. */
export class TimelineCodecError extends Error {
  override readonly name = 'TimelineCodecError';
}

interface Header {
  origin: number;
  duration: number;
  processes: TimelineProcess[];
  tracks: TimelineTrack[];
  names: string[];
  categories: string[];
  counters: { name: string; process: number; length: number }[];
  slices: number;
  flows: number;
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const align = (n: number, to: number): number => Math.ceil(n / to) * to;

/** The bytes of `t` (all but `details`). */
export function encodeTimeline(t: Timeline): Uint8Array<ArrayBuffer> {
  const header: Header = {
    origin: t.origin,
    duration: t.duration,
    processes: t.processes.map(({ name, sortIndex }) => ({ name, sortIndex })),
    tracks: t.tracks.map(({ process, name, sortIndex, kind, depthCount }) => ({ process, name, sortIndex, kind, depthCount })),
    names: [...t.names],
    categories: [...t.categories],
    counters: t.counters.map((c) => ({ name: c.name, process: c.process, length: c.ts.length })),
    slices: t.slices.start.length,
    flows: t.flows.from.length,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const columns = columnsOf(t);
  const bodyStart = align(12 + json.length, 8);
  const total = columns.reduce((sum, c) => sum + c.byteLength, bodyStart);
  const out = new Uint8Array(total);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, TIMELINE_CODEC_VERSION, true);
  view.setUint32(8, json.length, true);
  out.set(json, 12);
  let offset = bodyStart;
  for (const c of columns) {
    writeColumn(view, out, offset, c);
    offset += c.byteLength;
  }
  return out;
}

/** The timeline in `bytes` (details empty); throws a {@link TimelineCodecError} for anything else. */
export function decodeTimeline(bytes: ArrayBuffer): Timeline {
  if (!(bytes instanceof ArrayBuffer)) throw new TimelineCodecError('expected an ArrayBuffer');
  const u8 = new Uint8Array(bytes);
  if (u8.length < 12 || MAGIC.some((b, i) => u8[i] !== b)) throw new TimelineCodecError('not an encoded timeline (bad magic)');
  const view = new DataView(bytes);
  const version = view.getUint32(4, true);
  if (version !== TIMELINE_CODEC_VERSION) throw new TimelineCodecError(`unsupported timeline version ${version} (expected ${TIMELINE_CODEC_VERSION})`);
  const jsonLength = view.getUint32(8, true);
  if (12 + jsonLength > u8.length) throw new TimelineCodecError('truncated timeline header');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(u8.subarray(12, 12 + jsonLength))) as Header;
  } catch (e) {
    throw new TimelineCodecError(`corrupt timeline header: ${(e as Error).message}`);
  }
  checkHeader(header);
  const n = header.slices;
  const f = header.flows;
  let offset = align(12 + jsonLength, 8);
  const counterBytes = header.counters.reduce((sum, c) => sum + c.length * 16, 0);
  const expected = offset + n * 16 + counterBytes + n * 8 + f * 8 + n * 4;
  if (expected !== u8.length) throw new TimelineCodecError(`timeline size mismatch: ${u8.length} bytes, expected ${expected}`);
  const take = <T extends Float64Array | Uint32Array | Uint16Array>(Kind: ColumnKind<T>, length: number): T => {
    const c = readColumn(bytes, offset, Kind, length);
    offset += length * Kind.BYTES_PER_ELEMENT;
    return c;
  };
  const start = take(Float64Array, n);
  const dur = take(Float64Array, n);
  const counters = header.counters.map((c) => ({ name: c.name, process: c.process, ts: take(Float64Array, c.length), values: take(Float64Array, c.length) }));
  const track = take(Uint32Array, n);
  const name = take(Uint32Array, n);
  const from = take(Uint32Array, f);
  const to = take(Uint32Array, f);
  const depth = take(Uint16Array, n);
  const cat = take(Uint16Array, n);
  checkIndices(track, header.tracks.length, 'track');
  checkIndices(name, header.names.length, 'name');
  checkIndices(cat, header.categories.length, 'category');
  checkIndices(from, n, 'flow source');
  checkIndices(to, n, 'flow target');
  return {
    origin: header.origin,
    duration: header.duration,
    processes: header.processes,
    tracks: header.tracks,
    slices: { track, start, dur, depth, name, cat },
    names: header.names,
    categories: header.categories,
    flows: { from, to },
    counters,
    details: NO_DETAILS,
  };
}

type Column = Float64Array | Uint32Array | Uint16Array;
type ColumnKind<T extends Column> = { new (buffer: ArrayBuffer, offset: number, length: number): T; new (length: number): T; readonly BYTES_PER_ELEMENT: number };

function columnsOf(t: Timeline): Column[] {
  const s = t.slices;
  return [s.start, s.dur, ...t.counters.flatMap((c) => [c.ts, c.values]), s.track, s.name, t.flows.from, t.flows.to, s.depth, s.cat];
}

function writeColumn(view: DataView, out: Uint8Array, offset: number, c: Column): void {
  if (LITTLE_ENDIAN_HOST) {
    out.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), offset);
    return;
  }
  const size = c.BYTES_PER_ELEMENT;
  for (let i = 0; i < c.length; i++) {
    const at = offset + i * size;
    if (c instanceof Float64Array) view.setFloat64(at, c[i]!, true);
    else if (c instanceof Uint32Array) view.setUint32(at, c[i]!, true);
    else view.setUint16(at, c[i]!, true);
  }
}

function readColumn<T extends Column>(bytes: ArrayBuffer, offset: number, Kind: ColumnKind<T>, length: number): T {
  if (LITTLE_ENDIAN_HOST) return new Kind(bytes, offset, length);
  const view = new DataView(bytes);
  const out = new Kind(length);
  const size = Kind.BYTES_PER_ELEMENT;
  for (let i = 0; i < length; i++) {
    const at = offset + i * size;
    out[i] = size === 8 ? view.getFloat64(at, true) : size === 4 ? view.getUint32(at, true) : view.getUint16(at, true);
  }
  return out;
}

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function checkHeader(h: Header): void {
  const fail = (what: string): never => {
    throw new TimelineCodecError(`corrupt timeline header: ${what}`);
  };
  if (typeof h !== 'object' || h === null) fail('not an object');
  if (typeof h.origin !== 'number' || typeof h.duration !== 'number') fail('origin/duration');
  if (!isCount(h.slices) || !isCount(h.flows)) fail('column lengths');
  if (!isStringArray(h.names) || !isStringArray(h.categories)) fail('names/categories');
  if (!Array.isArray(h.processes) || !h.processes.every((p) => typeof p?.name === 'string' && typeof p.sortIndex === 'number')) fail('processes');
  const inProcess = (p: unknown): boolean => isCount(p) && p < h.processes.length;
  if (!Array.isArray(h.tracks) || !h.tracks.every((t) => typeof t?.name === 'string' && inProcess(t.process) && isCount(t.depthCount))) fail('tracks');
  if (!Array.isArray(h.counters) || !h.counters.every((c) => typeof c?.name === 'string' && inProcess(c.process) && isCount(c.length))) fail('counters');
}

function checkIndices(column: Uint32Array | Uint16Array, limit: number, what: string): void {
  for (let i = 0; i < column.length; i++) {
    if (column[i]! >= limit) throw new TimelineCodecError(`corrupt timeline: ${what} index ${column[i]} out of range at ${i}`);
  }
}

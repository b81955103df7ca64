/**
 * Reading (and, for tests and tools, writing) `<host>.xplane.pb` files through
 * protobufjs and our schema in `packages/plugin-profiler/proto/xplane.proto`.
 *
 * The schema is parsed once, on first use, from the file text (`protobuf.parse`), so
 * nothing is fetched and the global protobufjs configuration is left alone: 64-bit
 * fields come out of protobufjs as `Long`s and are turned into numbers here (a line's
 * absolute timestamp into a bigint, see {@link XLine.timestampNs}).
 *
 * The space is read plane by plane: a plane that does not decode is dropped and named
 * in {@link XSpace.errors}, so one damaged plane does not cost the rest. Only when no
 * plane can be read from a non-empty input is it an {@link XSpaceDecodeError}.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import type { XEvent, XEventMetadata, XLine, XPlane, XSpace, XStat, XStatMetadata } from './types.js';

/** `packages/plugin-profiler/proto/xplane.proto`, from both `src/xplane/` and `dist/xplane/`. */
export const XPLANE_PROTO_PATH: string = fileURLToPath(new URL('../../proto/xplane.proto', import.meta.url));

/** Bytes that hold no readable XSpace. */
export class XSpaceDecodeError extends Error {
  override readonly name = 'XSpaceDecodeError';
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

interface Schema {
  readonly space: protobuf.Type;
  readonly plane: protobuf.Type;
}

let schema: Schema | undefined;

function loadSchema(): Schema {
  if (!schema) {
    const { root } = protobuf.parse(readFileSync(XPLANE_PROTO_PATH, 'utf8'), { keepCase: false });
    schema = {
      space: root.lookupType('tensorflow.profiler.XSpace'),
      plane: root.lookupType('tensorflow.profiler.XPlane'),
    };
  }
  return schema;
}

/** A protobufjs 64-bit value: a number, or a Long when protobufjs has one. */
type Int64 = number | protobuf.Long | undefined | null;

function num(v: Int64): number {
  if (v === undefined || v === null) return 0;
  return typeof v === 'number' ? v : new protobuf.util.LongBits(v.low >>> 0, v.high >>> 0).toNumber(v.unsigned);
}

function big(v: Int64): bigint {
  if (v === undefined || v === null) return 0n;
  if (typeof v === 'number') return BigInt(Math.trunc(v));
  const bits = (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0);
  return v.unsigned ? bits : BigInt.asIntN(64, bits);
}

/** A copy (so no view pins the whole input buffer); protobufjs's unset default is a plain []. */
function copyBytes(b: unknown): Uint8Array {
  if (b instanceof Uint8Array) return Uint8Array.prototype.slice.call(b);
  return Array.isArray(b) ? Uint8Array.from(b as number[]) : new Uint8Array(0);
}

// The shapes protobufjs decodes into (message instances, defaults on the prototype).
type Raw = Record<string, unknown>;

function toStat(m: Raw): XStat {
  const s: { -readonly [K in keyof XStat]: XStat[K] } = { metadataId: num(m.metadataId as Int64) };
  // A oneof: protobufjs sets only the member that was on the wire as an own property.
  if (Object.hasOwn(m, 'doubleValue')) s.doubleValue = m.doubleValue as number;
  else if (Object.hasOwn(m, 'uint64Value')) s.uint64Value = num(m.uint64Value as Int64);
  else if (Object.hasOwn(m, 'int64Value')) s.int64Value = num(m.int64Value as Int64);
  else if (Object.hasOwn(m, 'strValue')) s.strValue = m.strValue as string;
  else if (Object.hasOwn(m, 'bytesValue')) s.bytesValue = copyBytes(m.bytesValue);
  else if (Object.hasOwn(m, 'refValue')) s.refValue = num(m.refValue as Int64);
  return s;
}

const toStats = (list: unknown): XStat[] => ((list as Raw[] | undefined) ?? []).map(toStat);

function toEvent(m: Raw): XEvent {
  return {
    metadataId: num(m.metadataId as Int64),
    offsetPs: num(m.offsetPs as Int64),
    numOccurrences: num(m.numOccurrences as Int64),
    durationPs: num(m.durationPs as Int64),
    stats: toStats(m.stats),
  };
}

function toLine(m: Raw): XLine {
  return {
    id: num(m.id as Int64),
    displayId: num(m.displayId as Int64),
    name: (m.name as string) ?? '',
    displayName: (m.displayName as string) ?? '',
    timestampNs: big(m.timestampNs as Int64),
    durationPs: num(m.durationPs as Int64),
    events: ((m.events as Raw[] | undefined) ?? []).map(toEvent),
  };
}

function toPlane(m: Raw): XPlane {
  const eventMetadata = new Map<number, XEventMetadata>();
  for (const [key, e] of Object.entries((m.eventMetadata as Record<string, Raw> | undefined) ?? {})) {
    const id = mapKey(key, e);
    eventMetadata.set(id, {
      id,
      name: (e.name as string) ?? '',
      displayName: (e.displayName as string) ?? '',
      metadata: copyBytes(e.metadata),
      stats: toStats(e.stats),
      childId: ((e.childId as Int64[] | undefined) ?? []).map(num),
    });
  }
  const statMetadata = new Map<number, XStatMetadata>();
  for (const [key, s] of Object.entries((m.statMetadata as Record<string, Raw> | undefined) ?? {})) {
    const id = mapKey(key, s);
    statMetadata.set(id, { id, name: (s.name as string) ?? '', description: (s.description as string) ?? '' });
  }
  return {
    id: num(m.id as Int64),
    name: (m.name as string) ?? '',
    lines: ((m.lines as Raw[] | undefined) ?? []).map(toLine),
    eventMetadata,
    statMetadata,
    stats: toStats(m.stats),
  };
}

/**
 * The map key of an int64-keyed protobufjs map: with Long support protobufjs keys it by
 * an 8-character "hash" of the 64 bits, otherwise by the decimal number. The entry's
 * own `id` is the same value by convention; the key wins when they disagree.
 */
function mapKey(key: string, entry: Raw): number {
  if (key.length === 8 && !/^-?\d+$/.test(key)) return protobuf.util.LongBits.fromHash(key).toNumber(false);
  const n = Number(key);
  return Number.isFinite(n) ? n : num(entry.id as Int64);
}

/** Three or more U+FFFD replacement characters: the mark of a binary file saved as text. */
function looksUtf8Mangled(bytes: Uint8Array): boolean {
  let hits = 0;
  for (let i = 0; i + 2 < bytes.length && hits < 3; i++) {
    if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) hits++;
  }
  return hits >= 3;
}

/**
 * Decodes a serialized XSpace (`<host>.xplane.pb`) into plain data. Planes that fail to
 * decode are skipped and reported in `errors`.
 * @throws XSpaceDecodeError when the bytes hold no readable plane and are not empty.
 */
export function decodeXSpace(bytes: Uint8Array): XSpace {
  const { plane: planeType } = loadSchema();
  const planes: XPlane[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const hostnames: string[] = [];
  const reader = protobuf.Reader.create(bytes);
  try {
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      const field = tag >>> 3;
      if (field === 1 && (tag & 7) === 2) {
        const start = reader.pos;
        const body = reader.bytes();
        try {
          planes.push(toPlane(planeType.decode(body) as unknown as Raw));
        } catch (e) {
          errors.push(`plane ${planes.length + errors.length} at byte ${start}: ${message(e)}`);
        }
      } else if (field === 2 && (tag & 7) === 2) errors.push(reader.string());
      else if (field === 3 && (tag & 7) === 2) warnings.push(reader.string());
      else if (field === 4 && (tag & 7) === 2) hostnames.push(reader.string());
      else reader.skipType(tag & 7);
    }
  } catch (e) {
    errors.push(`stopped at byte ${reader.pos} of ${bytes.length}: ${message(e)}`);
  }
  if (planes.length === 0 && errors.length > 0 && bytes.length > 0) {
    const hint = looksUtf8Mangled(bytes)
      ? ' (the bytes contain U+FFFD replacement characters: the file was probably converted to or from UTF-8 text, which destroys binary protobuf data)'
      : '';
    throw new XSpaceDecodeError(`not a readable XSpace: ${errors.join('; ')}${hint}`);
  }
  return { planes, errors, warnings, hostnames };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Plain XSpace → protobufjs input object (maps keyed by id, bigints as decimal strings). */
function toWire(space: XSpace): Record<string, unknown> {
  return {
    planes: space.planes.map((p) => ({
      id: p.id,
      name: p.name,
      stats: p.stats,
      eventMetadata: Object.fromEntries([...p.eventMetadata].map(([k, v]) => [String(k), v])),
      statMetadata: Object.fromEntries([...p.statMetadata].map(([k, v]) => [String(k), v])),
      lines: p.lines.map((l) => ({
        ...l,
        timestampNs: l.timestampNs.toString(),
        events: l.events.map((e) =>
          e.numOccurrences > 0
            ? { metadataId: e.metadataId, numOccurrences: e.numOccurrences, durationPs: e.durationPs, stats: e.stats }
            : { metadataId: e.metadataId, offsetPs: e.offsetPs, durationPs: e.durationPs, stats: e.stats },
        ),
      })),
    })),
    errors: space.errors,
    warnings: space.warnings,
    hostnames: space.hostnames,
  };
}

/** Serializes an XSpace (the inverse of {@link decodeXSpace}); for tests and tools. */
export function encodeXSpace(space: XSpace): Uint8Array {
  const { space: spaceType } = loadSchema();
  return spaceType.encode(spaceType.fromObject(toWire(space))).finish();
}

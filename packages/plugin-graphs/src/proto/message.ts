/**
 * A decoded protobuf message, driven by its {@link MessageSpec}: one slot per field, holding
 * what the wire said (absent fields stay `undefined`, so presence is known). Values:
 * integers as numbers (bigint beyond 2^53), floats as numbers, bools, strings as JS strings,
 * bytes as views into the decoded buffer, messages as {@link Msg}, repeated fields as arrays,
 * map fields as `Map`s (the last entry of a key wins, as in protobuf). The values of lazy
 * maps (a node's attrs) are {@link LazyMsg}s: wire bytes, decoded each time they are read
 * (`msgOf` in decode.ts), which keeps a parsed graph small.
 *
 * Messages are treated as immutable once decoded: code that changes a graph copies the
 * messages it changes ({@link copyMsg}), so cached graphs can be shared by every request.
 */
import { messageSpec, type FieldSpec, type MessageSpec } from './schema.js';

/** A scalar field's value. */
export type Scalar = number | bigint | boolean | string | Uint8Array;
/** A map field's key. */
export type MapKey = number | bigint | string;
/** A singular or element value. */
export type Value = Scalar | Msg | LazyMsg;
/** What a slot holds. */
export type Slot = Value | Value[] | Map<MapKey, Value> | undefined;

/** One message. */
export interface Msg {
  readonly spec: MessageSpec;
  readonly slots: Slot[];
  /** Bytes of fields the schema does not know (kept out of the text, counted in sizes). */
  unknownBytes: number;
  /** Its serialized size, once computed (see byte-size.ts). */
  size?: number;
}

/** A message not decoded yet: its type and where its bytes are. */
export interface LazyMsg {
  readonly spec: MessageSpec;
  readonly buf: Uint8Array;
  readonly start: number;
  readonly end: number;
  /** Its serialized size once computed (as {@link Msg.size}). */
  size?: number;
}

/** True for a {@link LazyMsg}. */
export function isLazy(v: unknown): v is LazyMsg {
  return typeof v === 'object' && v !== null && 'buf' in v && 'spec' in v;
}

/** An empty message of type `name` (or of `spec`). */
export function newMsg(spec: MessageSpec | string): Msg {
  const s = typeof spec === 'string' ? messageSpec(spec) : spec;
  return { spec: s, slots: new Array<Slot>(s.fields.length).fill(undefined), unknownBytes: 0 };
}

/** A shallow copy: new slots, the same values (copy the nested messages you change). */
export function copyMsg(m: Msg): Msg {
  return { spec: m.spec, slots: m.slots.slice(), unknownBytes: m.unknownBytes };
}

/** The spec of field `name` of `m`; throws for a name the message lacks (a programming error). */
export function fieldOf(m: Msg, name: string): FieldSpec {
  const f = m.spec.byName.get(name);
  if (!f) throw new Error(`${m.spec.name} has no field '${name}'`);
  return f;
}

/** The raw slot of field `name`. */
export function slotOf(m: Msg, name: string): Slot {
  return m.slots[fieldOf(m, name).slot];
}

/** Sets field `name`; setting a oneof member clears the others. Returns `m`. */
export function setField(m: Msg, name: string, value: Slot): Msg {
  const f = fieldOf(m, name);
  if (f.oneof !== undefined) clearOneof(m, f);
  m.slots[f.slot] = value;
  delete m.size;
  return m;
}

/** Clears the other members of `f`'s oneof (the decoder and {@link setField} use it). */
export function clearOneof(m: Msg, f: FieldSpec): void {
  for (const other of m.spec.fields) if (other.oneof === f.oneof && other !== f) m.slots[other.slot] = undefined;
}

/** A string field (`''` when absent). */
export function str(m: Msg, name: string): string {
  const v = slotOf(m, name);
  return typeof v === 'string' ? v : '';
}

/** A numeric field as a number (`0` when absent). */
export function num(m: Msg, name: string): number {
  const v = slotOf(m, name);
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : 0;
}

/** A message field, or undefined when absent. */
export function sub(m: Msg, name: string): Msg | undefined {
  const v = slotOf(m, name);
  return isMsg(v) ? v : undefined;
}

/** A repeated field's elements (`[]` when absent). */
export function list<T extends Value = Value>(m: Msg, name: string): readonly T[] {
  const v = slotOf(m, name);
  return Array.isArray(v) ? (v as T[]) : [];
}

/** A map field (an empty map when absent). */
export function mapOf<T extends Value = Value>(m: Msg, name: string): ReadonlyMap<MapKey, T> {
  const v = slotOf(m, name);
  return v instanceof Map ? (v as Map<MapKey, T>) : new Map();
}

/** True for a decoded message. */
export function isMsg(v: unknown): v is Msg {
  return typeof v === 'object' && v !== null && 'spec' in v && 'slots' in v;
}

/**
 * Protobuf text format, as TensorBoard's `str(message)` writes it (the Python protobuf
 * library's text_format):
 *
 * - fields in field-number order, two spaces of indent per level, `name: value` for
 *   scalars and `name {` ... `}` for messages (an empty one as `name {` then `}`);
 * - proto3 fields at their default are left out; fields with presence (oneof members,
 *   proto2) and present sub-messages are written; repeated fields one line per element;
 * - map fields as entries sorted by key, each with its key and value even at their defaults
 *   (`attr { key: "T" value { ... } }`, `arg_attr { key: 0 value { ... } }`);
 * - strings and bytes in double quotes, with `\n \r \t \" \' \\` escaped and every other
 *   byte outside printable ASCII (non-ASCII UTF-8 too) as a three-digit octal escape;
 * - enums by name (by number when the name is unknown), integers in decimal, floats and
 *   doubles as Python's `repr` of the value as a double (`0.0`, `1e-07`, `inf`, `nan`, a
 *   float 0.2 as `0.20000000298023224`), `true`/`false`.
 */
import { isDefaultValue } from './byte-size.js';
import { msgOf } from './decode.js';
import { isLazy, isMsg, type MapKey, type Msg, type Value } from './message.js';
import type { FieldSpec } from './schema.js';
import { ByteOut } from '../byte-out.js';
import { NO_PACE, type Pace } from '../pace.js';

const ESCAPES: readonly string[] = Array.from({ length: 256 }, (_, b) => {
  switch (b) {
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x22:
      return '\\"';
    case 0x27:
      return "\\'";
    case 0x5c:
      return '\\\\';
    default:
      return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\${b.toString(8).padStart(3, '0')}`;
  }
});
/** The same escapes as bytes; null for a byte written as it is. */
const ESCAPE_BYTES: readonly (Uint8Array | null)[] = ESCAPES.map((e, b) => (e.length === 1 && e.charCodeAt(0) === b ? null : Uint8Array.from(e, (c) => c.charCodeAt(0))));

const PLAIN = /^[\x20\x21\x23-\x26\x28-\x5b\x5d-\x7e]*$/;
const encoder = new TextEncoder();

/** The bytes between the quotes: C-style escapes, octal for anything not printable ASCII. */
export function escapeBytes(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += ESCAPES[bytes[i]!]!;
  return out;
}

/** A string's UTF-8 bytes, escaped as {@link escapeBytes} does. */
export function escapeString(s: string): string {
  return PLAIN.test(s) ? s : escapeBytes(encoder.encode(s));
}

function writeIndent(out: ByteOut, depth: number): void {
  out.reserve(depth * 2);
  for (let i = depth * 2; i > 0; i--) out.buf[out.len++] = 0x20;
}

/** `"bytes"`, escaped. */
function writeEscaped(out: ByteOut, bytes: Uint8Array): void {
  out.reserve(bytes.length * 4 + 2);
  const buf = out.buf;
  let at = out.len;
  buf[at++] = 0x22;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const esc = ESCAPE_BYTES[b];
    if (esc === null) buf[at++] = b;
    else for (let j = 0; j < esc!.length; j++) buf[at++] = esc![j]!;
  }
  buf[at++] = 0x22;
  out.len = at;
}

/** `"string"`: its UTF-8 bytes, escaped. */
function writeEscapedString(out: ByteOut, s: string): void {
  if (!PLAIN.test(s)) {
    writeEscaped(out, encoder.encode(s));
    return;
  }
  out.reserve(s.length + 2);
  out.buf[out.len++] = 0x22;
  for (let i = 0; i < s.length; i++) out.buf[out.len++] = s.charCodeAt(i);
  out.buf[out.len++] = 0x22;
}

/**
 * Python's `repr(float)` of a double: the shortest digits that read back to the same
 * value, in fixed notation for exponents from -4 to 15 (with `.0` when whole) and as
 * `1e-07` / `1.5e+16` otherwise; `inf`, `-inf`, `nan`.
 */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa, exp] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const e = Number(exp);
  const point = e + 1;
  if (point > 16 || point < -3) {
    const frac = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ee = Math.abs(e);
    return `${sign}${frac}e${e < 0 ? '-' : '+'}${ee < 10 ? '0' : ''}${ee}`;
  }
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}.0`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function writeScalar(f: FieldSpec, v: Value, out: ByteOut): void {
  switch (f.kind) {
    case 'string':
      writeEscapedString(out, v as string);
      return;
    case 'bytes':
      writeEscaped(out, v as Uint8Array);
      return;
    case 'float':
    case 'double':
      out.ascii(pythonFloatRepr(v as number));
      return;
    case 'bool':
      out.ascii(v ? 'true' : 'false');
      return;
    case 'enum':
      out.ascii(f.enumNames?.get(v as number) ?? String(v));
      return;
    default:
      out.ascii(String(v));
  }
}

/** `name {\n` and `name: ` of each field, as bytes. */
const heads = new WeakMap<FieldSpec, { open: Uint8Array; colon: Uint8Array }>();
function headOf(f: FieldSpec): { open: Uint8Array; colon: Uint8Array } {
  let h = heads.get(f);
  if (!h) heads.set(f, (h = { open: encoder.encode(`${f.name} {\n`), colon: encoder.encode(`${f.name}: `) }));
  return h;
}
const CLOSE = encoder.encode('}\n');
const KEY = encoder.encode('key: ');

/** Python's `sorted()` of map keys: strings by code point, numbers by value. */
function compareKeys(a: MapKey, b: MapKey): number {
  if (typeof a === 'string' && typeof b === 'string') {
    if (a === b) return 0;
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; ) {
      const ca = a.codePointAt(i)!;
      const cb = b.codePointAt(i)!;
      if (ca !== cb) return ca - cb;
      i += ca > 0xffff ? 2 : 1;
    }
    return a.length - b.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function writeElement(f: FieldSpec, value: Value, depth: number, out: ByteOut): void {
  const v = isLazy(value) ? msgOf(value)! : value;
  writeIndent(out, depth);
  if (isMsg(v)) {
    out.raw(headOf(f).open);
    writeFields(v, depth + 1, out);
    writeIndent(out, depth);
    out.raw(CLOSE);
  } else {
    out.raw(headOf(f).colon);
    writeScalar(f, v, out);
    out.byte(0x0a);
  }
}

function writeMap(f: FieldSpec, map: Map<MapKey, Value>, depth: number, out: ByteOut): void {
  const keys = [...map.keys()];
  if (keys.length > 1) keys.sort(compareKeys);
  for (const key of keys) {
    writeIndent(out, depth);
    out.raw(headOf(f).open);
    writeIndent(out, depth + 1);
    out.raw(KEY);
    writeScalar(f.mapKey!, key, out);
    out.byte(0x0a);
    writeElement(f.mapValue!, map.get(key)!, depth + 1, out);
    writeIndent(out, depth);
    out.raw(CLOSE);
  }
}

/** Writes one field of `m` (nothing when absent or, without presence, at its default). */
function writeField(m: Msg, f: FieldSpec, depth: number, out: ByteOut): void {
  const slot = m.slots[f.slot];
  if (slot === undefined) return;
  if (slot instanceof Map) writeMap(f, slot, depth, out);
  else if (Array.isArray(slot)) for (const v of slot) writeElement(f, v, depth, out);
  else if (f.presence || isMsg(slot) || isLazy(slot) || !isDefaultValue(f, slot)) writeElement(f, slot, depth, out);
}

function writeFields(m: Msg, depth: number, out: ByteOut): void {
  for (const f of m.spec.fields) writeField(m, f, depth, out);
}

async function writeFieldsAsync(m: Msg, depth: number, out: ByteOut, clock: Pace): Promise<void> {
  for (const f of m.spec.fields) {
    const slot = m.slots[f.slot];
    if (!f.big || slot === undefined || slot instanceof Map) {
      writeField(m, f, depth, out);
      continue;
    }
    for (const v of Array.isArray(slot) ? slot : [slot]) {
      const child = v as Msg;
      writeIndent(out, depth);
      out.raw(headOf(f).open);
      if (child.spec.hasBig) await writeFieldsAsync(child, depth + 1, out, clock);
      else writeFields(child, depth + 1, out);
      writeIndent(out, depth);
      out.raw(CLOSE);
      if (clock.due()) await clock.pause();
    }
  }
}

/** `m` in text format, as bytes (ASCII: every other byte is escaped), all at once. */
export function toTextFormatBytes(m: Msg): Uint8Array {
  const out = new ByteOut();
  writeFields(m, 0, out);
  return out.result();
}

/** `m` in text format, as a string. */
export function toTextFormat(m: Msg): string {
  const b = toTextFormatBytes(m);
  return Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');
}

/** As {@link toTextFormatBytes}, pausing between the elements of big fields as `clock` says. */
export async function toTextFormatAsync(m: Msg, clock: Pace = NO_PACE): Promise<Uint8Array> {
  const out = new ByteOut();
  await writeFieldsAsync(m, 0, out, clock);
  return out.result();
}

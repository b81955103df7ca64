/**
 * One AttrValue as short text for the node card of our page (`graph_json`'s `attr`):
 * `DT_FLOAT`, `[?,28,28]`, `"SAME"`, `true`, `0.001`, `[1, 2, 2, 1]`, a function's name, a
 * tensor as `float [] 0.2` (its values when there are at most 8) or `float [784,100]
 * (313600 bytes)` (its contents left out). Anything longer than 200 characters is cut and
 * ends with `… (N bytes)`, N the AttrValue's serialized size. `elided` says whether some of
 * the value was left out.
 */
import { byteSize } from './proto/byte-size.js';
import { isMsg, list, num, slotOf, str, sub, type Msg, type Value } from './proto/message.js';
import { DATA_TYPE_NAMES } from './proto/schema.js';
import { escapeBytes } from './proto/text-format.js';

/** The most characters of an attr's text. */
export const MAX_ATTR_TEXT = 200;
/** The most tensor elements shown. */
export const MAX_TENSOR_VALUES = 8;

/** An attr's short text, and whether some of it was left out. */
export interface AttrText {
  readonly text: string;
  readonly elided: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `DT_FLOAT` -> `float`: a dtype's short name (`DT_INVALID` and unknown numbers as `dtype(N)`). */
export function dtypeShortName(dtype: number): string {
  const name = DATA_TYPE_NAMES.get(dtype);
  return name && dtype !== 0 ? name.slice(3).toLowerCase() : `dtype(${dtype})`;
}

/** The shortest decimal that reads back as the same float32. */
export function float32Text(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  for (let p = 1; p <= 9; p++) {
    const s = x.toPrecision(p);
    if (Math.fround(Number(s)) === x) return String(Number(s));
  }
  return String(x);
}

function bytesText(b: Uint8Array): string {
  try {
    return JSON.stringify(utf8.decode(b));
  } catch {
    return `"${escapeBytes(b)}"`;
  }
}

/** `[1,28,28]`, `?` for an unknown size, `<unknown rank>`. */
export function shapeText(shape: Msg): string {
  if (slotOf(shape, 'unknown_rank') === true) return '<unknown rank>';
  return `[${list<Msg>(shape, 'dim').map((d) => (num(d, 'size') < 0 ? '?' : String(num(d, 'size')))).join(',')}]`;
}

/** The sizes of a shape's dims (-1 unknown), or null for an unknown rank. */
export function shapeDims(shape: Msg): number[] | null {
  if (slotOf(shape, 'unknown_rank') === true) return null;
  return list<Msg>(shape, 'dim').map((d) => num(d, 'size'));
}

const ELEMENT_BYTES: Record<number, number> = { 1: 4, 2: 8, 3: 4, 4: 1, 5: 2, 6: 1, 9: 8, 10: 1, 17: 2, 19: 2, 22: 4, 23: 8 };

function half(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

function contentValues(dtype: number, content: Uint8Array, count: number): string[] | undefined {
  const size = ELEMENT_BYTES[dtype];
  if (size === undefined) return undefined;
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  const n = Math.min(count, Math.floor(content.length / size));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const at = i * size;
    switch (dtype) {
      case 1: out.push(float32Text(view.getFloat32(at, true))); break;
      case 2: out.push(String(view.getFloat64(at, true))); break;
      case 3: out.push(String(view.getInt32(at, true))); break;
      case 4: case 10: out.push(dtype === 10 ? String(view.getUint8(at) !== 0) : String(view.getUint8(at))); break;
      case 5: out.push(String(view.getInt16(at, true))); break;
      case 6: out.push(String(view.getInt8(at))); break;
      case 9: out.push(String(view.getBigInt64(at, true))); break;
      case 17: out.push(String(view.getUint16(at, true))); break;
      case 19: out.push(float32Text(half(view.getUint16(at, true)))); break;
      case 22: out.push(String(view.getUint32(at, true))); break;
      default: out.push(String(view.getBigUint64(at, true))); break;
    }
  }
  return out;
}

const VALUE_FIELDS = ['float_val', 'double_val', 'int_val', 'string_val', 'int64_val', 'bool_val', 'half_val', 'uint32_val', 'uint64_val'];

function valueText(fieldName: string, v: Value): string {
  if (v instanceof Uint8Array) return bytesText(v);
  if (fieldName === 'float_val' && typeof v === 'number') return float32Text(v);
  if (fieldName === 'half_val' && typeof v === 'number') return float32Text(half(v));
  return String(v);
}

function tensorText(t: Msg): AttrText {
  const dtype = num(t, 'dtype');
  const shape = sub(t, 'tensor_shape');
  const dims = shape ? shapeDims(shape) : [];
  const elements = dims ? dims.reduce((a, d) => a * Math.max(d, 0), 1) : 0;
  const head = `${dtypeShortName(dtype)} ${shape ? shapeText(shape) : '[]'}`;
  const content = slotOf(t, 'tensor_content');
  let values: string[] | undefined;
  let total = 0;
  if (content instanceof Uint8Array && content.length > 0) {
    total = Math.floor(content.length / (ELEMENT_BYTES[dtype] ?? content.length));
    values = total <= MAX_TENSOR_VALUES ? contentValues(dtype, content, total) : undefined;
  } else {
    for (const name of VALUE_FIELDS) {
      const vals = list(t, name);
      if (vals.length === 0) continue;
      total = vals.length;
      values = total <= MAX_TENSOR_VALUES ? vals.map((v) => valueText(name, v)) : undefined;
      break;
    }
  }
  if (!values) {
    return total === 0 && elements === 0 ? { text: head, elided: false } : { text: `${head} (${byteSize(t)} bytes)`, elided: true };
  }
  const shown = elements <= 1 && values.length === 1 ? values[0]! : `[${values.join(', ')}]`;
  return { text: `${head} ${shown}`, elided: false };
}

function listText(l: Msg): AttrText {
  const parts: string[] = [];
  let elided = false;
  for (const f of l.spec.fields) {
    for (const v of list(l, f.name)) {
      if (f.name === 'type') parts.push(DATA_TYPE_NAMES.get(v as number) ?? String(v));
      else if (f.name === 'shape') parts.push(shapeText(v as Msg));
      else if (f.name === 'tensor') {
        const t = tensorText(v as Msg);
        elided ||= t.elided;
        parts.push(t.text);
      } else if (f.name === 'func') parts.push(str(v as Msg, 'name'));
      else if (f.name === 'f') parts.push(float32Text(v as number));
      else parts.push(valueText(f.name, v));
    }
  }
  return { text: `[${parts.join(', ')}]`, elided };
}

function fullText(a: Msg): AttrText {
  for (const f of a.spec.fields) {
    const v = a.slots[f.slot];
    if (v === undefined) continue;
    switch (f.name) {
      case 'list':
        return listText(v as Msg);
      case 's':
        return { text: bytesText(v as Uint8Array), elided: false };
      case 'f':
        return { text: float32Text(v as number), elided: false };
      case 'type':
        return { text: DATA_TYPE_NAMES.get(v as number) ?? String(v), elided: false };
      case 'shape':
        return { text: shapeText(v as Msg), elided: false };
      case 'tensor':
        return tensorText(v as Msg);
      case 'func':
        return { text: isMsg(v) ? str(v, 'name') : '', elided: false };
      case 'placeholder':
        return { text: `$${String(v)}`, elided: false };
      default:
        return { text: String(v), elided: false };
    }
  }
  return { text: '', elided: false };
}

/** The short text of AttrValue `a`. */
export function attrText(a: Msg): AttrText {
  const full = fullText(a);
  if (full.text.length <= MAX_ATTR_TEXT) return full;
  return { text: `${full.text.slice(0, MAX_ATTR_TEXT)}… (${byteSize(a)} bytes)`, elided: true };
}

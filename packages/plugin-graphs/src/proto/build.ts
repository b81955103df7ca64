/**
 * {@link Msg}s from plain objects, for code that makes messages rather than decodes them
 * (tests, the benchmark's generator): keys are field names, repeated fields arrays, map
 * fields objects (or Maps), sub-messages nested objects, `bytes` fields Uint8Arrays or
 * strings (taken as UTF-8).
 *
 * @example build('NodeDef', { name: 'x', op: 'Const', attr: { dtype: { type: 1 } } })
 */
import { newMsg, setField, type MapKey, type Msg, type Slot, type Value } from './message.js';
import { messageSpec, type FieldSpec } from './schema.js';

/** A plain description of a message. */
export type Plain = { readonly [field: string]: PlainValue };
/** A plain field value. */
export type PlainValue = number | bigint | boolean | string | Uint8Array | Msg | Plain | readonly PlainValue[] | ReadonlyMap<MapKey, PlainValue>;

const utf8 = new TextEncoder();

function isPlainObject(v: PlainValue): v is Plain {
  return typeof v === 'object' && v !== null && !(v instanceof Uint8Array) && !(v instanceof Map) && !Array.isArray(v) && !('spec' in v && 'slots' in v);
}

function element(f: FieldSpec, v: PlainValue): Value {
  if (f.kind === 'message') return isPlainObject(v) ? build(f.message().name, v) : (v as Msg);
  if (f.kind === 'bytes' && typeof v === 'string') return utf8.encode(v);
  return v as Value;
}

/** The message of type `type` that `plain` describes; throws for a field the type lacks. */
export function build(type: string, plain: Plain): Msg {
  const m = newMsg(messageSpec(type));
  for (const [name, v] of Object.entries(plain)) {
    const f = m.spec.byName.get(name);
    if (!f) throw new Error(`${type} has no field '${name}' (it has ${[...m.spec.byName.keys()].join(', ')})`);
    let slot: Slot;
    if (f.kind === 'map') {
      const entries = v instanceof Map ? [...(v as ReadonlyMap<MapKey, PlainValue>)] : Object.entries(v as Plain);
      slot = new Map(entries.map(([k, x]) => [typeof k === 'string' && f.mapKey!.kind !== 'string' ? Number(k) : k, element(f.mapValue!, x)]));
    } else if (f.repeated) {
      slot = (v as readonly PlainValue[]).map((x) => element(f, x));
    } else {
      slot = element(f, v);
    }
    setField(m, name, slot);
  }
  return m;
}

/**
 * The hyperparameters of an experiment that wrote no configuration, inferred from its
 * sessions' values as TensorBoard's backend_context does: one type that fits every value
 * (mixed types read as strings), a discrete domain of the distinct values for strings and
 * booleans, the [min, max] interval for numbers, and whether the sessions differ.
 */
import type { SessionStartInfoMessage } from '@tb/core/plugin';
import type { DataType, HParamInfo, HParamValue } from './api-types.js';
import { compareStrings } from './compare.js';
import { type ProtobufValue, scalarValue } from './proto-json.js';
import { reprFloat } from '@tb/core/plugin';

/** The type of one value; null for kinds no hparam has (null, list, struct). */
function typeOf(value: ProtobufValue): DataType | null {
  switch (value.kind) {
    case 'numberValue':
      return 'DATA_TYPE_FLOAT64';
    case 'stringValue':
      return 'DATA_TYPE_STRING';
    case 'boolValue':
      return 'DATA_TYPE_BOOL';
    default:
      return null;
  }
}

/** A value as text, as TensorBoard's JSON writes it (`0.1`, `32.0`, `true`, the string itself). */
function asText(value: HParamValue): string {
  if (typeof value === 'number') return reprFloat(value);
  return typeof value === 'boolean' ? String(value) : value;
}

/** One hyperparameter's info from every value the sessions gave it; null when none has a type. */
export function inferHParamInfo(name: string, values: readonly ProtobufValue[]): HParamInfo | null {
  let type: DataType = 'DATA_TYPE_UNSET';
  for (const v of values) {
    const t = typeOf(v);
    if (t === null) continue;
    if (type === 'DATA_TYPE_UNSET') type = t;
    else if (type !== t) type = 'DATA_TYPE_STRING';
    if (type === 'DATA_TYPE_STRING') break;
  }
  const base = { name, displayName: '', description: '', type };
  switch (type) {
    case 'DATA_TYPE_UNSET':
      return null;
    case 'DATA_TYPE_STRING': {
      const distinct = new Set<string>();
      for (const v of values) {
        const scalar = scalarValue(v);
        // NaN and infinities have no JSON text: TensorBoard leaves them out.
        if (scalar === undefined || (typeof scalar === 'number' && !Number.isFinite(scalar))) continue;
        distinct.add(asText(scalar));
      }
      // TensorBoard lists a Python set (in no set order): ours is sorted.
      return { ...base, domainDiscrete: [...distinct].sort(compareStrings), differs: distinct.size > 1 };
    }
    case 'DATA_TYPE_BOOL': {
      // Values of other kinds read as bool_value's default, false, as in TensorBoard.
      const distinct = new Set(values.map((v) => v.kind === 'boolValue' && v.boolValue === true));
      return { ...base, domainDiscrete: [false, true].filter((b) => distinct.has(b)), differs: distinct.size > 1 };
    }
    case 'DATA_TYPE_FLOAT64': {
      // Values of other kinds read as number_value's default, 0.
      const numbers = values.map((v) => (v.kind === 'numberValue' ? (v.numberValue ?? 0) : 0));
      const ordered = numbers.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
      const minValue = ordered.length ? ordered[0]! : NaN;
      const maxValue = ordered.length ? ordered[ordered.length - 1]! : NaN;
      const distinct = new Set(numbers.map((x) => (Object.is(x, -0) ? 0 : x)));
      return { ...base, domainInterval: { minValue, maxValue }, differs: distinct.size > 1 };
    }
  }
}

/**
 * The hyperparameters of `sessions` (each session's start info, in run order), in the
 * order they first appear. The experiment sorts them afterwards.
 */
export function inferHParamInfos(sessions: readonly SessionStartInfoMessage[]): HParamInfo[] {
  const values = new Map<string, ProtobufValue[]>();
  for (const start of sessions) {
    for (const [name, value] of Object.entries(start.hparams)) {
      let list = values.get(name);
      if (!list) values.set(name, (list = []));
      list.push(value);
    }
  }
  const out: HParamInfo[] = [];
  for (const [name, list] of values) {
    const info = inferHParamInfo(name, list);
    if (info) out.push(info);
  }
  return out;
}

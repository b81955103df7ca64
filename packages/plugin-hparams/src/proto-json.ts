/**
 * How TensorBoard's answers write the hparams protos as JSON (proto3 JSON, every field
 * printed): enums by name, doubles as numbers or the strings "NaN", "Infinity" and
 * "-Infinity", hyperparameter values as plain numbers, strings and booleans.
 */
import type { SessionStartInfoMessage } from '@tb/core/plugin';
import type { AggregationType, DatasetType, DataType, HParamValue, JsonDouble, SortOrder, Status } from './api-types.js';

/** A google.protobuf.Value, as decoded. */
export type ProtobufValue = SessionStartInfoMessage['hparams'][string];

/** `DataType` by number. */
export const DATA_TYPES: readonly DataType[] = ['DATA_TYPE_UNSET', 'DATA_TYPE_STRING', 'DATA_TYPE_BOOL', 'DATA_TYPE_FLOAT64'];
/** `DatasetType` by number. */
export const DATASET_TYPES: readonly DatasetType[] = ['DATASET_UNKNOWN', 'DATASET_TRAINING', 'DATASET_VALIDATION'];
/** `Status` by number. */
export const STATUSES: readonly Status[] = ['STATUS_UNKNOWN', 'STATUS_SUCCESS', 'STATUS_FAILURE', 'STATUS_RUNNING'];
/** `SortOrder` by number. */
export const SORT_ORDERS: readonly SortOrder[] = ['ORDER_UNSPECIFIED', 'ORDER_ASC', 'ORDER_DESC'];
/** `AggregationType` by number. */
export const AGGREGATION_TYPES: readonly AggregationType[] = ['AGGREGATION_UNSET', 'AGGREGATION_AVG', 'AGGREGATION_MEDIAN', 'AGGREGATION_MIN', 'AGGREGATION_MAX'];

/**
 * The name of enum value `n`; a number the enum does not name reads as its first
 * (default) name, so answers keep their declared types.
 */
export function enumName<T extends string>(names: readonly T[], n: number): T {
  return names[n] ?? names[0]!;
}

/** A double as proto3 JSON writes it. */
export function jsonDouble(x: number): JsonDouble {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return x;
}

/**
 * A google.protobuf.Value holding a number, string or bool, as that value; undefined for
 * any other kind (null, list, struct, unset), which no hparams column can hold.
 */
export function scalarValue(value: ProtobufValue | undefined): HParamValue | undefined {
  switch (value?.kind) {
    case 'numberValue':
      return value.numberValue ?? 0;
    case 'stringValue':
      return value.stringValue ?? '';
    case 'boolValue':
      return value.boolValue ?? false;
    default:
      return undefined;
  }
}

/**
 * The value types event decoding produces and the DataProvider serves: what a tag's
 * data class is, and a decoded tensor.
 */

/** What kind of data a tag's series holds; as TensorBoard's `DataClass`. */
export type DataClass = 'scalar' | 'tensor' | 'blob_sequence' | 'unknown';

/** TensorFlow dtypes we decode; strings come as bytes. */
export type TensorDtype =
  | 'float16' | 'float32' | 'float64' | 'bfloat16'
  | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32' | 'uint64'
  | 'bool' | 'string' | 'complex64' | 'complex128' | 'unknown';

/** A decoded tensor. Numeric data in row-major order; strings as raw bytes. */
export interface TensorValue {
  readonly dtype: TensorDtype;
  readonly shape: readonly number[];
  /** Numeric elements (empty for string tensors). */
  readonly numbers: Float64Array;
  /** String elements as bytes (empty for numeric tensors). */
  readonly strings: readonly Uint8Array[];
}


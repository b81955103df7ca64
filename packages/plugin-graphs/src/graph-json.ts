/**
 * The shape of `GET /data/plugin/graphs/graph_json`: a graph made compact for our own
 * dashboard (TensorBoard's `graph` route answers protobuf text instead). Types only, so the
 * dashboard imports it without pulling any server code. See ../http-api.md.
 */

/** One op (or, in the conceptual graph, one Keras layer). */
export interface GraphJsonNode {
  /** Full name, scopes separated by `/`: `sequential/dense/MatMul`. */
  readonly name: string;
  /** The op type (`MatMul`, `aten::linear`); for a Keras layer (no op) its class (`Dense`). */
  readonly op: string;
  /**
   * Inputs as the GraphDef writes them: `name` (output 0), `name:2` (output 2), `^name` (a
   * control dependency). Inside a function body also `name:out:0` (a named output).
   */
  readonly inputs: readonly string[];
  /** The device it was placed on, `''` when none. */
  readonly device: string;
  /**
   * Every attr but `_output_shapes`, by name (sorted), as short text: `DT_FLOAT`, `[?,28,28]`
   * (`?` an unknown size), `"SAME"`, `true`, `0.001`, `[1, 2, 2, 1]`, a function's name, a
   * tensor as `float [] 0.2` (values shown up to 8) or `float [784,100] (313613 bytes)` (its
   * contents left out); a value longer than 200 characters is cut and ends with `… (N bytes)`.
   */
  readonly attr: Readonly<Record<string, string>>;
  /**
   * Each output's shape from the `_output_shapes` attr, when the node has one: sizes per
   * dimension, `-1` for an unknown size; `null` for a shape of unknown rank.
   */
  readonly outputShapes?: readonly (readonly number[] | null)[];
  /** The `dtype` or `T` attr's type, without its `DT_` prefix (`float`, `int32`), when present. */
  readonly dtype?: string;
}

/** One function of a TF2 graph's function library: its body is a graph of its own. */
export interface GraphJsonFunction {
  /** The function's name, as ops that call it name it (`__inference_train_function_1234`). */
  readonly name: string;
  /** Its input arguments' names, in order (nodes of the body read them by these names). */
  readonly inputArgs: readonly string[];
  /** Its output arguments' names, in order. */
  readonly outputArgs: readonly string[];
  /** The body's nodes. */
  readonly nodes: readonly GraphJsonNode[];
}

/** What a RunMetadata's step stats say one node cost, summed over its executions. */
export interface GraphJsonNodeStats {
  /** Compute time in microseconds: the sum of its `all_end_rel_micros`. */
  readonly computeMicros: number;
  /** Bytes allocated: the sum of its allocators' `total_bytes`. */
  readonly memoryBytes: number;
  /** The device it ran on, as the step stats name it (the last one, if several). */
  readonly device: string;
}

/** The whole answer of `graph_json`. */
export interface GraphJson {
  readonly run: string;
  /** The tag asked for; `null` for the run's own graph. */
  readonly tag: string | null;
  /** `true` when this is the Keras model's conceptual graph. */
  readonly conceptual: boolean;
  /** The nodes, in the GraphDef's order. */
  readonly nodes: readonly GraphJsonNode[];
  /** The function library (TF2 graphs), empty when none. */
  readonly functions: readonly GraphJsonFunction[];
  /** Attr values elided for size (tensor contents, long text), and their AttrValues' bytes in all. */
  readonly elided: { readonly count: number; readonly bytes: number };
  /**
   * Per node name (as the step stats name it), its cost, when the tag has a RunMetadata
   * (TensorBoard's `profile`); absent otherwise.
   */
  readonly runMetadata?: Readonly<Record<string, GraphJsonNodeStats>>;
}

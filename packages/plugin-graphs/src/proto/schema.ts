/**
 * The protobuf messages the graphs plugin reads and prints (TensorFlow's GraphDef,
 * FunctionDefLibrary, RunMetadata and what they hold), as a table: field numbers, names and
 * types as in TensorFlow's .proto files (the copies in tensorboard/compat/proto). The text
 * format writer needs exactly this (names, numbers, which fields have presence), and the
 * decoder keeps what the writer needs to answer as TensorBoard does.
 *
 * One message per line, fields as `name=number:type` where the type may start with `*`
 * (repeated), `?` (explicit presence: proto2 or `optional`) or end with `|group` (a member of
 * oneof `group`), or be `map<K,V>`. A `!` after the type marks a field that may hold
 * thousands of elements (the nodes of a graph): decoding and printing pause between them.
 * A `~` after a map type keeps its message values as wire bytes until they are read (a
 * node's attrs: most of a graph's bytes, read once per answer).
 */

/** Scalar kinds, as protobuf names them. */
export type ScalarKind = 'double' | 'float' | 'int64' | 'uint64' | 'int32' | 'uint32' | 'bool' | 'string' | 'bytes' | 'fixed64';

/** One field of a message. */
export interface FieldSpec {
  readonly no: number;
  readonly name: string;
  /** Index of the field's value in a message's slots. */
  readonly slot: number;
  readonly kind: ScalarKind | 'enum' | 'message' | 'map';
  readonly repeated: boolean;
  /** Set means present even at its default value (oneof members, proto2, `optional`). */
  readonly presence: boolean;
  readonly oneof: string | undefined;
  /** Elements are many: decoding and printing pause between them. */
  readonly big: boolean;
  /** Map values (messages) stay as wire bytes until read ({@link LazyMsg}). */
  readonly lazy: boolean;
  /** For `message` fields, and for `map` fields with message values. */
  readonly message: () => MessageSpec;
  /** For `enum` fields (and map values): number -> name. */
  readonly enumNames: ReadonlyMap<number, string> | undefined;
  /** For `map` fields: the entry's key and value fields (numbers 1 and 2). */
  readonly mapKey: FieldSpec | undefined;
  readonly mapValue: FieldSpec | undefined;
}

/** One message type. */
export interface MessageSpec {
  readonly name: string;
  /** Fields in field-number order: the order the text format prints them in. */
  readonly fields: readonly FieldSpec[];
  readonly byNumber: ReadonlyMap<number, FieldSpec>;
  readonly byName: ReadonlyMap<string, FieldSpec>;
  /** From a proto2 file: its singular fields have presence (written when set, even at a default). */
  readonly proto2: boolean;
  /** True when some field is `big` (or holds messages that have one). */
  readonly hasBig: boolean;
}

const DATA_TYPES = [
  'DT_INVALID', 'DT_FLOAT', 'DT_DOUBLE', 'DT_INT32', 'DT_UINT8', 'DT_INT16', 'DT_INT8', 'DT_STRING', 'DT_COMPLEX64',
  'DT_INT64', 'DT_BOOL', 'DT_QINT8', 'DT_QUINT8', 'DT_QINT32', 'DT_BFLOAT16', 'DT_QINT16', 'DT_QUINT16', 'DT_UINT16',
  'DT_COMPLEX128', 'DT_HALF', 'DT_RESOURCE', 'DT_VARIANT', 'DT_UINT32', 'DT_UINT64', 'DT_FLOAT8_E5M2', 'DT_FLOAT8_E4M3FN',
  'DT_FLOAT8_E4M3FNUZ', 'DT_FLOAT8_E4M3B11FNUZ', 'DT_FLOAT8_E5M2FNUZ', 'DT_INT4', 'DT_UINT4', 'DT_INT2', 'DT_UINT2',
  'DT_FLOAT4_E2M1FN',
];

/** TensorFlow's DataType enum: number -> name (`1` -> `DT_FLOAT`; `101` -> `DT_FLOAT_REF`). */
export const DATA_TYPE_NAMES: ReadonlyMap<number, string> = new Map([
  ...DATA_TYPES.map((name, i): [number, string] => [i, name]),
  ...DATA_TYPES.slice(1).map((name, i): [number, string] => [i + 101, `${name}_REF`]),
]);

const FULL_TYPE_IDS: ReadonlyMap<number, string> = new Map(
  (
    'TFT_UNSET=0 TFT_VAR=1 TFT_ANY=2 TFT_PRODUCT=3 TFT_NAMED=4 TFT_FOR_EACH=20 TFT_CALLABLE=100 TFT_BOOL=200 ' +
    'TFT_UINT8=201 TFT_UINT16=202 TFT_UINT32=203 TFT_UINT64=204 TFT_INT8=205 TFT_INT16=206 TFT_INT32=207 TFT_INT64=208 ' +
    'TFT_HALF=209 TFT_FLOAT=210 TFT_DOUBLE=211 TFT_COMPLEX64=212 TFT_COMPLEX128=213 TFT_STRING=214 TFT_BFLOAT16=215 ' +
    'TFT_TENSOR=1000 TFT_ARRAY=1001 TFT_OPTIONAL=1002 TFT_LITERAL=1003 TFT_ENCODED=1004 TFT_SHAPE_TENSOR=1005 ' +
    'TFT_DATASET=10102 TFT_RAGGED=10103 TFT_ITERATOR=10104 TFT_MUTEX_LOCK=10202 TFT_LEGACY_VARIANT=10203'
  )
    .split(' ')
    .map((pair): [number, string] => {
      const [name, no] = pair.split('=') as [string, string];
      return [Number(no), name];
    }),
);

const ENUMS: Record<string, ReadonlyMap<number, string>> = { DataType: DATA_TYPE_NAMES, FullTypeId: FULL_TYPE_IDS };

const PROTO2 = new Set(['GraphDebugInfo', 'GraphDebugInfo.FileLineCol', 'GraphDebugInfo.StackTrace']);

const MESSAGES: Record<string, string> = {
  GraphDef: 'node=1:*NodeDef! library=2:FunctionDefLibrary! version=3:int32 versions=4:VersionDef debug_info=5:GraphDebugInfo',
  NodeDef:
    'name=1:string op=2:string input=3:*string device=4:string attr=5:map<string,AttrValue>~ ' +
    'experimental_debug_info=6:NodeDef.ExperimentalDebugInfo experimental_type=7:FullTypeDef',
  'NodeDef.ExperimentalDebugInfo': 'original_node_names=1:*string original_func_names=2:*string',
  AttrValue:
    'list=1:AttrValue.ListValue|value s=2:bytes|value i=3:int64|value f=4:float|value b=5:bool|value ' +
    'type=6:DataType|value shape=7:TensorShapeProto|value tensor=8:TensorProto|value placeholder=9:string|value ' +
    'func=10:NameAttrList|value',
  'AttrValue.ListValue':
    's=2:*bytes i=3:*int64 f=4:*float b=5:*bool type=6:*DataType shape=7:*TensorShapeProto tensor=8:*TensorProto ' +
    'func=9:*NameAttrList',
  NameAttrList: 'name=1:string attr=2:map<string,AttrValue>',
  TensorProto:
    'dtype=1:DataType tensor_shape=2:TensorShapeProto version_number=3:int32 tensor_content=4:bytes float_val=5:*float ' +
    'double_val=6:*double int_val=7:*int32 string_val=8:*bytes scomplex_val=9:*float int64_val=10:*int64 ' +
    'bool_val=11:*bool dcomplex_val=12:*double half_val=13:*int32 resource_handle_val=14:*ResourceHandleProto ' +
    'variant_val=15:*VariantTensorDataProto uint32_val=16:*uint32 uint64_val=17:*uint64 float8_val=18:bytes',
  VariantTensorDataProto: 'type_name=1:string metadata=2:bytes tensors=3:*TensorProto',
  TensorShapeProto: 'dim=2:*TensorShapeProto.Dim unknown_rank=3:bool',
  'TensorShapeProto.Dim': 'size=1:int64 name=2:string',
  ResourceHandleProto:
    'device=1:string container=2:string name=3:string hash_code=4:uint64 maybe_type_name=5:string ' +
    'dtypes_and_shapes=6:*ResourceHandleProto.DtypeAndShape',
  'ResourceHandleProto.DtypeAndShape': 'dtype=1:DataType shape=2:TensorShapeProto',
  VersionDef: 'producer=1:int32 min_consumer=2:int32 bad_consumers=3:*int32',
  FullTypeDef: 'type_id=1:FullTypeId args=2:*FullTypeDef s=3:string|attr i=4:int64|attr',
  FunctionDefLibrary: 'function=1:*FunctionDef! gradient=2:*GradientDef registered_gradients=3:*RegisteredGradient',
  FunctionDef:
    'signature=1:OpDef node_def=3:*NodeDef! ret=4:map<string,string> attr=5:map<string,AttrValue> ' +
    'control_ret=6:map<string,string> arg_attr=7:map<uint32,FunctionDef.ArgAttrs> resource_arg_unique_id=8:map<uint32,uint32>',
  'FunctionDef.ArgAttrs': 'attr=1:map<string,AttrValue>',
  GradientDef: 'function_name=1:string gradient_func=2:string',
  RegisteredGradient: 'gradient_func=1:string registered_op_type=2:string',
  OpDef:
    'name=1:string input_arg=2:*OpDef.ArgDef output_arg=3:*OpDef.ArgDef attr=4:*OpDef.AttrDef summary=5:string ' +
    'description=6:string deprecation=8:OpDeprecation is_aggregate=16:bool is_stateful=17:bool is_commutative=18:bool ' +
    'allows_uninitialized_input=19:bool control_output=20:*string is_distributed_communication=21:bool',
  'OpDef.ArgDef':
    'name=1:string description=2:string type=3:DataType type_attr=4:string number_attr=5:string type_list_attr=6:string ' +
    'handle_data=7:*ResourceHandleProto.DtypeAndShape is_ref=16:bool experimental_full_type=17:FullTypeDef',
  'OpDef.AttrDef':
    'name=1:string type=2:string default_value=3:AttrValue description=4:string has_minimum=5:bool minimum=6:int64 ' +
    'allowed_values=7:AttrValue',
  OpDeprecation: 'version=1:int32 explanation=2:string',
  GraphDebugInfo:
    'files=1:*string traces=2:map<string,GraphDebugInfo.StackTrace> frames_by_id=4:map<fixed64,GraphDebugInfo.FileLineCol> ' +
    'name_to_trace_id=5:map<string,fixed64> traces_by_id=6:map<fixed64,GraphDebugInfo.StackTrace>',
  'GraphDebugInfo.FileLineCol': 'file_index=1:?int32 line=2:?int32 col=3:?int32 func=4:?string code=5:?string',
  'GraphDebugInfo.StackTrace': 'file_line_cols=1:*GraphDebugInfo.FileLineCol frame_id=2:*fixed64',
  RunMetadata:
    'step_stats=1:StepStats! cost_graph=2:CostGraphDef partition_graphs=3:*GraphDef! ' +
    'function_graphs=4:*RunMetadata.FunctionGraphs! session_metadata=5:SessionMetadata',
  'RunMetadata.FunctionGraphs':
    'partition_graphs=1:*GraphDef! pre_optimization_graph=2:GraphDef! post_optimization_graph=3:GraphDef!',
  SessionMetadata: 'name=1:string version=2:int64',
  StepStats: 'dev_stats=1:*DeviceStepStats!',
  DeviceStepStats: 'device=1:string node_stats=2:*NodeExecStats! thread_names=3:map<uint32,string>',
  NodeExecStats:
    'node_name=1:string all_start_micros=2:int64 op_start_rel_micros=3:int64 op_end_rel_micros=4:int64 ' +
    'all_end_rel_micros=5:int64 memory=6:*AllocatorMemoryUsed output=7:*NodeOutput timeline_label=8:string ' +
    'scheduled_micros=9:int64 thread_id=10:uint32 referenced_tensor=11:*AllocationDescription memory_stats=12:MemoryStats ' +
    'all_start_nanos=13:int64 op_start_rel_nanos=14:int64 op_end_rel_nanos=15:int64 all_end_rel_nanos=16:int64 ' +
    'scheduled_nanos=17:int64',
  AllocatorMemoryUsed:
    'allocator_name=1:string total_bytes=2:int64 peak_bytes=3:int64 live_bytes=4:int64 allocator_bytes_in_use=5:int64 ' +
    'allocation_records=6:*AllocationRecord',
  AllocationRecord: 'alloc_micros=1:int64 alloc_bytes=2:int64',
  NodeOutput: 'slot=1:int32 tensor_description=3:TensorDescription',
  MemoryStats:
    'temp_memory_size=1:int64 device_temp_memory_size=2:int64 persistent_memory_size=3:int64 ' +
    'device_persistent_memory_size=4:int64 persistent_tensor_alloc_ids=5:*int64 device_persistent_tensor_alloc_ids=6:*int64',
  TensorDescription: 'dtype=1:DataType shape=2:TensorShapeProto allocation_description=4:AllocationDescription',
  AllocationDescription:
    'requested_bytes=1:int64 allocated_bytes=2:int64 allocator_name=3:string allocation_id=4:int64 ' +
    'has_single_reference=5:bool ptr=6:uint64',
  CostGraphDef: 'node=1:*CostGraphDef.Node! cost=2:*CostGraphDef.AggregatedCost',
  'CostGraphDef.Node':
    'name=1:string device=2:string id=3:int32 input_info=4:*CostGraphDef.Node.InputInfo ' +
    'output_info=5:*CostGraphDef.Node.OutputInfo temporary_memory_size=6:int64 is_final=7:bool control_input=8:*int32 ' +
    'compute_cost=9:int64 host_temp_memory_size=10:int64 device_temp_memory_size=11:int64 persistent_memory_size=12:int64 ' +
    'compute_time=14:int64 memory_time=15:int64 device_persistent_memory_size=16:int64 inaccurate=17:bool',
  'CostGraphDef.Node.InputInfo': 'preceding_node=1:int32 preceding_port=2:int32',
  'CostGraphDef.Node.OutputInfo': 'size=1:int64 alias_input_port=2:int64 shape=3:TensorShapeProto dtype=4:DataType',
  'CostGraphDef.AggregatedCost': 'cost=1:float dimension=2:string',
};

const SCALARS = new Set<string>(['double', 'float', 'int64', 'uint64', 'int32', 'uint32', 'bool', 'string', 'bytes', 'fixed64']);

const built = new Map<string, MessageSpec>();

/** The spec of message `name` (`'GraphDef'`, `'RunMetadata'`...); throws for a name not in the table. */
export function messageSpec(name: string): MessageSpec {
  const done = built.get(name);
  if (done) return done;
  const text = MESSAGES[name];
  if (text === undefined) throw new Error(`graphs schema: no message named '${name}' (expected one of ${Object.keys(MESSAGES).join(', ')})`);
  const proto2 = PROTO2.has(name);
  const fields = text
    .split(' ')
    .map((decl, slot) => parseField(name, decl, slot, proto2))
    .sort((a, b) => a.no - b.no);
  const spec: MessageSpec = {
    name,
    fields,
    byNumber: new Map(fields.map((f) => [f.no, f])),
    byName: new Map(fields.map((f) => [f.name, f])),
    proto2,
    hasBig: fields.some((f) => f.big),
  };
  built.set(name, spec);
  return spec;
}

type Flags = { repeated: boolean; presence: boolean; oneof: string | undefined; big: boolean; lazy: boolean };
const PLAIN: Flags = { repeated: false, presence: false, oneof: undefined, big: false, lazy: false };

function typeField(owner: string, name: string, no: number, slot: number, type: string, flags: Flags): FieldSpec {
  const map = /^map<(\w+),([\w.]+)>$/.exec(type);
  if (map) {
    const key = typeField(owner, 'key', 1, 0, map[1]!, PLAIN);
    const value = typeField(owner, 'value', 2, 1, map[2]!, PLAIN);
    return { no, name, slot, kind: 'map', ...flags, repeated: false, message: value.message, enumNames: undefined, mapKey: key, mapValue: value };
  }
  const enumNames = ENUMS[type];
  const kind: FieldSpec['kind'] = SCALARS.has(type) ? (type as ScalarKind) : enumNames ? 'enum' : 'message';
  if (kind === 'message' && MESSAGES[type] === undefined) throw new Error(`graphs schema: ${owner}.${name} names message '${type}', which the table lacks`);
  return {
    no,
    name,
    slot,
    kind,
    ...flags,
    message: () => messageSpec(type),
    enumNames,
    mapKey: undefined,
    mapValue: undefined,
  };
}

function parseField(owner: string, decl: string, slot: number, proto2: boolean): FieldSpec {
  const m = /^(\w+)=(\d+):([*?]?)([\w.<>,]+?)([!~]?)(?:\|(\w+))?$/.exec(decl);
  if (!m) throw new Error(`graphs schema: cannot read field '${decl}' of ${owner} (expected name=number:type)`);
  const [, name, no, mark, type, suffix, oneof] = m as unknown as [string, string, string, string, string, string, string | undefined];
  const repeated = mark === '*';
  const presence = !repeated && (mark === '?' || oneof !== undefined || proto2);
  if (suffix === '~' && !type.startsWith('map<')) throw new Error(`graphs schema: ${owner}.${name} is lazy (~) but not a map`);
  return typeField(owner, name, Number(no), slot, type, { repeated, presence, oneof, big: suffix === '!', lazy: suffix === '~' });
}

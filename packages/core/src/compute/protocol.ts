/** The messages between {@link WorkerComputeRunner} and its worker thread. */
import type { BackendInfo, ComputeBackend } from './backend.js';
import type { OpName, Ops } from './ops.js';

/** What the worker is started with. */
export interface WorkerInit {
  readonly prefer: ComputeBackend | 'auto';
}

/** A call into the worker. */
export interface Call<K extends OpName = OpName> {
  readonly id: number;
  readonly op: K;
  readonly args: Ops[K]['args'];
}

/** What the worker says back. */
export type Reply =
  | { readonly type: 'ready'; readonly info: BackendInfo }
  | { readonly type: 'failed'; readonly error: string }
  | { readonly type: 'result'; readonly id: number; readonly result: unknown }
  | { readonly type: 'error'; readonly id: number; readonly error: string; readonly name: string };

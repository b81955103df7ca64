/** The messages between {@link WorkerComputeRunner} and its worker thread. */
import type { BackendInfo, ComputeBackend } from './backend.js';
import type { JobProgress } from './jobs.js';
import type { OpName, Ops } from './ops.js';
import type { JobName, Jobs } from './run-job.js';

/** What the worker is started with. */
export interface WorkerInit {
  readonly prefer: ComputeBackend | 'auto';
}

/** A short operation (matmul): answered with one result. */
export interface Call<K extends OpName = OpName> {
  readonly type: 'op';
  readonly id: number;
  readonly op: K;
  readonly args: Ops[K]['args'];
}

/** A long job (pca, knn, tsne, umap): progress messages (when asked for), then one result. */
export interface JobCall<K extends JobName = JobName> {
  readonly type: 'job';
  readonly id: number;
  readonly job: K;
  readonly args: Jobs[K]['args'];
  readonly progress: boolean;
}

/** Stops job `id`; it answers with an error named 'AbortError' (which the caller has already stopped waiting for). */
export interface Cancel {
  readonly type: 'cancel';
  readonly id: number;
}

/** What the worker is sent. */
export type Request = Call | JobCall | Cancel;

/** What the worker says back. Layouts in progress messages are transferred, not copied. */
export type Reply =
  | { readonly type: 'ready'; readonly info: BackendInfo }
  | { readonly type: 'failed'; readonly error: string }
  | { readonly type: 'progress'; readonly id: number; readonly progress: JobProgress }
  | { readonly type: 'result'; readonly id: number; readonly result: unknown }
  | { readonly type: 'error'; readonly id: number; readonly error: string; readonly name: string };

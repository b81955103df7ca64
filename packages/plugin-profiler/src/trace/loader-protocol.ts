/**
 * The messages between {@link ProfileLoader} and its worker threads. The loader streams a
 * file's chunks (their buffers transferred) and the worker answers how far it has read,
 * warnings, and at last the analysis (its typed arrays transferred) or the error.
 */
import type { ProfileKind } from './discover.js';
import type { ProfileAnalysis } from './load-job.js';
import type { ProfileId } from './types.js';

/** Loader → worker. */
export type ToWorker =
  | { readonly type: 'start'; readonly job: number; readonly id: ProfileId; readonly kind: ProfileKind }
  | { readonly type: 'chunk'; readonly job: number; readonly bytes: Uint8Array }
  | { readonly type: 'end'; readonly job: number }
  /** The source failed: stop the job (the loader has already rejected it). */
  | { readonly type: 'cancel'; readonly job: number; readonly reason: string };

/** Worker → loader. */
export type FromWorker =
  /** Bytes of the job's input the parser has taken so far. */
  | { readonly type: 'consumed'; readonly job: number; readonly bytes: number }
  | { readonly type: 'warning'; readonly job: number; readonly message: string }
  /** `peakHeap`: the most heap the worker was seen using during the job (sampled per chunk and at the end). */
  | { readonly type: 'done'; readonly job: number; readonly profile: ProfileAnalysis; readonly peakHeap: number }
  | { readonly type: 'error'; readonly job: number; readonly name: string; readonly message: string };

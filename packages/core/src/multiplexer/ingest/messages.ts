/** The messages between the calling thread and an ingest worker. */
import type { EventBatch } from './batch.js';
import type { ReadRequest, ReadResult } from './run-decoder.js';

export type ToWorker =
  | { readonly t: 'read'; readonly id: number; readonly run: string; readonly req: ReadRequest; readonly size: number; readonly missing?: string }
  | { readonly t: 'bytes'; readonly id: number; readonly req: number; readonly bytes?: Uint8Array; readonly error?: { message: string; code?: string } }
  | { readonly t: 'drop'; readonly run: string };

export type FromWorker =
  | { readonly t: 'pread'; readonly id: number; readonly req: number; readonly position: number; readonly length: number }
  | { readonly t: 'batch'; readonly id: number; readonly batch: EventBatch }
  | { readonly t: 'done'; readonly id: number; readonly result: ReadResult };

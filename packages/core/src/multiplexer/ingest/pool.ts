/**
 * Where runs are decoded: on worker threads, one per core, when the built worker module
 * is there (a run's files always go to the same worker, which keeps its readers); on the
 * calling thread otherwise (tests run from the TypeScript sources). Reading the bytes
 * stays on the calling thread, through the root's store (local disk or S3, with its
 * retries and counters); the worker asks for them chunk by chunk.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { LogStore } from '../../storage/store.js';
import type { EventBatch } from './batch.js';
import { RunDecoder, type ReadRequest, type ReadResult } from './run-decoder.js';
import { WorkerDecoders } from './worker-decoders.js';

/** What a read needs beside the request: where the file is, and the size the listing gave. */
export interface FileRef {
  readonly store: LogStore;
  readonly key: string;
  readonly size: number;
}

export interface IngestPool {
  /**
   * Decodes what is new in a file of run `run` (an id unique to one reading of a run).
   * Parts of the batch go to `onBatch` as they are made, in order; the result's batch
   * is the last part.
   */
  read(run: string, req: ReadRequest, ref: FileRef, onBatch: (batch: EventBatch) => void): Promise<ReadResult>;
  /** Forgets a run's readers (the run is gone, or is being read again from scratch). */
  drop(run: string): void;
  /** How many runs it decodes at once to keep busy. */
  readonly parallelism: number;
}

/** Decodes on the calling thread. */
export class InlineDecoders implements IngestPool {
  readonly parallelism = 1;
  private readonly runs = new Map<string, RunDecoder>();

  async read(run: string, req: ReadRequest, ref: FileRef, onBatch: (batch: EventBatch) => void): Promise<ReadResult> {
    let d = this.runs.get(run);
    if (!d) this.runs.set(run, (d = new RunDecoder()));
    return (await d.read(req, () => ref.store.open(ref.key, { size: ref.size, sequential: true }), onBatch)).result;
  }

  drop(run: string): void {
    this.runs.delete(run);
  }
}

let shared: IngestPool | null = null;

/**
 * The process's pool: `TB_CORE_INGEST_WORKERS` workers (default: one per core, at most
 * 8; 0 decodes on the calling thread).
 */
export function sharedIngestPool(): IngestPool {
  if (shared) return shared;
  const script = new URL('./worker.js', import.meta.url);
  const env = process.env['TB_CORE_INGEST_WORKERS'];
  const count = env !== undefined && /^\d+$/.test(env) ? Number(env) : Math.min(8, availableParallelism());
  shared = count > 0 && existsSync(fileURLToPath(script)) ? new WorkerDecoders(script, count) : new InlineDecoders();
  return shared;
}

/**
 * One run's decoding state, on the thread that decodes it: a TFRecord reader per event
 * file (each resumes where it stopped) and the run's {@link EventRouter}. A read turns
 * what is new in one file into a batch; a failed read still hands over what it decoded
 * before the failure, so nothing read is lost.
 */
import { readRawEvent, type RawEvent } from '../../events/raw-event.js';
import type { ReadReport } from '../../events/tfrecord.js';
import { TfRecordReader } from '../../events/tfrecord.js';
import type { StoreFile } from '../../storage/store.js';
import { BatchBuilder, type EventBatch } from './batch.js';
import { EventRouter } from './event-router.js';

/** What to read: which file of the run, named how for messages, and whether it is done growing. */
export interface ReadRequest {
  /** The file's name within the run. */
  readonly file: string;
  /** Its path or URL, for messages. */
  readonly name: string;
  /** A newer file exists: an incomplete record at the end is a problem, not "not yet". */
  readonly final: boolean;
}

/** The reader's state after a read, for progress and the loading status. */
export interface FileFacts {
  readonly offset: number;
  readonly ended: boolean;
  readonly crcErrors: number;
  /** Records that are not an Event, and values that cannot be decoded. */
  readonly decodeErrors: number;
}

export interface ReadResult {
  readonly report: ReadReport;
  readonly batch: EventBatch;
  readonly facts: FileFacts;
  /** Problems with the data (each kind said once per file), without the file's name. */
  readonly problems: string[];
  /** Set when reading failed part way (an I/O error): the batch holds what came before. */
  readonly error?: { readonly message: string; readonly code?: string };
}

interface FileReader {
  readonly reader: TfRecordReader;
  opener: () => Promise<StoreFile>;
  decodeErrors: number;
}

/**
 * A read hands over what it decoded every this many bytes (about), rather than all at the
 * end: the calling thread stores one part while the next is decoded, and a large file never
 * sits decoded twice (here and there) in memory.
 */
const BATCH_BYTES = 4 * 1024 * 1024;

/** Takes a part of a read's batch as soon as it is made, with the buffers it may move. */
export type BatchSink = (batch: EventBatch, transfer: ArrayBuffer[]) => void;

export class RunDecoder {
  private readonly router = new EventRouter();
  private readonly files = new Map<string, FileReader>();

  /**
   * Reads what is new in `req.file`, opening it with `open`. Parts of the batch go to
   * `onBatch` as they fill (in order); the result holds the rest.
   */
  async read(req: ReadRequest, open: () => Promise<StoreFile>, onBatch: BatchSink): Promise<{ result: ReadResult; transfer: ArrayBuffer[] }> {
    let f = this.files.get(req.file);
    if (!f) {
      const entry: FileReader = { reader: null as unknown as TfRecordReader, opener: open, decodeErrors: 0 };
      (entry as { reader: TfRecordReader }).reader = new TfRecordReader({ name: req.name, open: () => entry.opener() });
      this.files.set(req.file, (f = entry));
    }
    f.opener = open;
    const out = new BatchBuilder();
    const problems: string[] = [];
    const file = f;
    const sink = (bytes: Uint8Array, offset: number): void => {
      let ev: RawEvent;
      try {
        ev = readRawEvent(bytes);
      } catch (err) {
        if (file.decodeErrors++ === 0) problems.push(`record at offset ${offset} is not a valid Event (${(err as Error).message}); skipped`);
        return;
      }
      this.router.add(out, ev, req.file, offset, (tag, at, err) => {
        if (file.decodeErrors++ === 0) problems.push(`value '${tag}' at offset ${at} cannot be decoded (${err.message}); skipped`);
      });
      if (out.bytes >= BATCH_BYTES) {
        const part = out.finish();
        onBatch(part.batch, part.transfer);
      }
    };
    let report: ReadReport;
    let error: ReadResult['error'];
    try {
      report = await f.reader.read(sink, { final: req.final });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      error = { message: e.message, ...(e.code ? { code: e.code } : {}) };
      report = { records: 0, bytesConsumed: 0, crcErrors: 0, problems: [], ended: f.reader.ended, pendingBytes: 0, replaced: false };
    }
    const prefix = `${f.reader.path}: `;
    for (const p of report.problems) problems.push(p.startsWith(prefix) ? p.slice(prefix.length) : p);
    const { batch, transfer } = out.finish();
    const facts: FileFacts = { offset: f.reader.offset, ended: f.reader.ended, crcErrors: f.reader.crcErrorCount, decodeErrors: f.decodeErrors };
    return { result: { report: { ...report, problems: [] }, batch, facts, problems, ...(error ? { error } : {}) }, transfer };
  }
}

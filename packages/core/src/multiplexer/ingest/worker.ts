/**
 * An ingest worker: decodes runs' event files into batches. It holds no file: each read
 * asks the calling thread for the bytes, a chunk at a time, so storage (disk or S3, its
 * retries and counters) stays in one place. Reads of different runs interleave while
 * one waits for bytes.
 */
import { parentPort } from 'node:worker_threads';
import type { StoreFile } from '../../storage/store.js';
import type { FromWorker, ToWorker } from './messages.js';
import { RunDecoder } from './run-decoder.js';

const port = parentPort!;
const runs = new Map<string, RunDecoder>();
const waiting = new Map<string, { resolve: (m: Extract<ToWorker, { t: 'bytes' }>) => void }>();
let nextReq = 0;

const send = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

/** The file of read `id`, its bytes fetched from the calling thread. */
function remoteFile(id: number, size: number): StoreFile {
  return {
    size,
    async read(into, at, length, position) {
      const req = nextReq++;
      const reply = await new Promise<Extract<ToWorker, { t: 'bytes' }>>((resolve) => {
        waiting.set(`${id}:${req}`, { resolve });
        send({ t: 'pread', id, req, position, length });
      });
      if (reply.error) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
      const bytes = reply.bytes!;
      into.set(bytes, at);
      return bytes.length;
    },
    close: async () => undefined,
  };
}

async function read(m: Extract<ToWorker, { t: 'read' }>): Promise<void> {
  let d = runs.get(m.run);
  if (!d) runs.set(m.run, (d = new RunDecoder()));
  const open = async (): Promise<StoreFile> => {
    if (m.missing !== undefined) throw Object.assign(new Error(m.missing), { code: 'ENOENT' });
    return remoteFile(m.id, m.size);
  };
  const { result, transfer } = await d.read(m.req, open, (batch, moved) => send({ t: 'batch', id: m.id, batch }, moved));
  send({ t: 'done', id: m.id, result }, transfer);
}

port.on('message', (m: ToWorker) => {
  if (m.t === 'read') void read(m);
  else if (m.t === 'bytes') {
    const key = `${m.id}:${m.req}`;
    const w = waiting.get(key);
    waiting.delete(key);
    w?.resolve(m);
  } else runs.delete(m.run);
});

/**
 * The profile loader's worker thread: receives a file's chunks as they are read, parses
 * and analyses them (./load-job.ts) and posts the analysis back, its typed arrays
 * transferred. Jobs are independent: an error answers that job only.
 */
import { parentPort } from 'node:worker_threads';
import { ChunkQueue } from './chunk-queue.js';
import { runLoadJob } from './load-job.js';
import type { FromWorker, ToWorker } from './loader-protocol.js';
import { transferables } from './transfer.js';

const port = parentPort!;
const send = (msg: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);
const jobs = new Map<number, ChunkQueue>();

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'start') {
    const job = msg.job;
    let peakHeap = 0;
    const sampleHeap = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
    // Also sampled on a timer: it fires whenever the parser waits for input.
    const sampler = setInterval(sampleHeap, 20);
    const queue = new ChunkQueue((bytes) => {
      sampleHeap();
      send({ type: 'consumed', job, bytes });
    });
    jobs.set(job, queue);
    runLoadJob(msg.kind, msg.id, queue, { onWarning: (message) => send({ type: 'warning', job, message }) })
      .then(
        (profile) => send({ type: 'done', job, profile, peakHeap: sampleHeap() }, transferables(profile)),
        (err: unknown) => {
          const e = err instanceof Error ? err : new Error(String(err));
          send({ type: 'error', job, name: e.name, message: e.message });
        },
      )
      .finally(() => {
        clearInterval(sampler);
        jobs.delete(job);
      });
    return;
  }
  const queue = jobs.get(msg.job);
  if (!queue) return;
  if (msg.type === 'chunk') queue.push(msg.bytes);
  else if (msg.type === 'end') queue.end();
  else queue.fail(new Error(msg.reason));
});

/**
 * The compute worker thread: loads tfjs on the best backend (./backend.ts), says which
 * one, then answers calls. Jobs run concurrently with their own AbortController; they
 * pause every few milliseconds, so a cancel message stops one promptly. A call that
 * throws answers with its error; the worker stays up.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { chooseBackend } from './backend.js';
import { JobContext } from './job-context.js';
import type { JobProgress } from './jobs.js';
import { runOp } from './ops.js';
import type { Reply, Request, WorkerInit } from './protocol.js';
import { resultBuffers, runJob } from './run-job.js';
import { tfjsKernels } from './tfjs-kernels.js';

const port = parentPort!;
const init = workerData as WorkerInit;
const send = (reply: Reply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

try {
  const { tf, info } = await chooseBackend({ prefer: init.prefer });
  const kernels = tfjsKernels(tf);
  const running = new Map<number, AbortController>();
  send({ type: 'ready', info });
  port.on('message', (req: Request) => {
    if (req.type === 'cancel') {
      running.get(req.id)?.abort();
      return;
    }
    const answer = (work: Promise<unknown>) =>
      work.then(
        (result) => send({ type: 'result', id: req.id, result }, resultBuffers(result)),
        (err: unknown) => {
          const e = err instanceof Error ? err : new Error(String(err));
          send({ type: 'error', id: req.id, error: e.message, name: e.name });
        },
      );
    if (req.type === 'op') {
      void answer(runOp(tf, req.op, req.args));
      return;
    }
    const controller = new AbortController();
    running.set(req.id, controller);
    const report = req.progress
      ? (progress: JobProgress) =>
          send({ type: 'progress', id: req.id, progress }, progress.layout ? [progress.layout.buffer as ArrayBuffer] : [])
      : undefined;
    const ctx = new JobContext(controller.signal, report);
    void answer(runJob(kernels, req.job, req.args, ctx)).finally(() => running.delete(req.id));
  });
} catch (err) {
  send({ type: 'failed', error: err instanceof Error ? err.message : String(err) });
}

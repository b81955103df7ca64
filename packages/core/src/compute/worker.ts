/**
 * The compute worker thread: loads tfjs on the best backend (./backend.ts), says which
 * one, then answers calls one at a time. A call that throws answers with its error; the
 * worker stays up.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { chooseBackend } from './backend.js';
import { runOp } from './ops.js';
import type { Call, Reply, WorkerInit } from './protocol.js';

const port = parentPort!;
const init = workerData as WorkerInit;
const send = (reply: Reply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

try {
  const { tf, info } = await chooseBackend({ prefer: init.prefer });
  send({ type: 'ready', info });
  port.on('message', (call: Call) => {
    runOp(tf, call.op, call.args).then(
      (result) => send({ type: 'result', id: call.id, result }, transferable(result)),
      (err: unknown) => {
        const e = err instanceof Error ? err : new Error(String(err));
        send({ type: 'error', id: call.id, error: e.message, name: e.name });
      },
    );
  });
} catch (err) {
  send({ type: 'failed', error: err instanceof Error ? err.message : String(err) });
}

function transferable(result: unknown): ArrayBuffer[] {
  return ArrayBuffer.isView(result) && result.buffer instanceof ArrayBuffer ? [result.buffer] : [];
}

// A stand-in for the built ./worker.js in loader tests: speaks the loader's protocol and
// behaves as the profile's run name says (ok, fail, crash, throw, hang).
import { parentPort, threadId } from 'node:worker_threads';

const jobs = new Map();
parentPort.on('message', (msg) => {
  if (msg.type === 'start') {
    jobs.set(msg.job, { id: msg.id, bytes: 0, sum: 0 });
    return;
  }
  const job = jobs.get(msg.job);
  if (!job) return;
  if (msg.type === 'chunk') {
    job.bytes += msg.bytes.length;
    for (const b of msg.bytes) job.sum += b;
    parentPort.postMessage({ type: 'consumed', job: msg.job, bytes: job.bytes });
    return;
  }
  if (msg.type === 'cancel') {
    parentPort.postMessage({ type: 'error', job: msg.job, name: 'Error', message: msg.reason });
    return;
  }
  const run = job.id.run;
  if (run === 'crash') process.exit(3);
  if (run === 'throw') throw new Error('boom in the worker');
  if (run === 'hang') return;
  if (run === 'fail') {
    parentPort.postMessage({ type: 'error', job: msg.job, name: 'TraceParseError', message: 'corrupt at byte 7' });
    return;
  }
  parentPort.postMessage({ type: 'warning', job: msg.job, message: `read ${job.bytes} bytes` });
  const data = new Float64Array([job.bytes, job.sum, threadId]);
  const delay = run === 'slow' ? 50 : 0;
  setTimeout(() => {
    parentPort.postMessage({ type: 'done', job: msg.job, profile: { id: job.id, format: 'kineto', eventCount: job.bytes, data }, peakHeap: 1234 }, [data.buffer]);
  }, delay);
  jobs.delete(msg.job);
});

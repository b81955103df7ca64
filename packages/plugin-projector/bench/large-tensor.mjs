// The projector on a large embedding (default 100,000 x 300 float32 = 120 MB), as TSV
// and as raw float32: time to the first `info` (which parses the TSV, as TensorBoard's
// does), the longest the event loop was held meanwhile, the `tensor` answer's time, and
// memory. Run after a build: node packages/plugin-projector/bench/large-tensor.mjs [rows] [cols]
import { hostPlugin, MemoryProvider } from '@tb/core/testing';
import plugin from '../dist/index.js';

const rows = Number(process.argv[2] ?? 100_000);
const cols = Number(process.argv[3] ?? 300);
const mb = (n) => (n / 2 ** 20).toFixed(0);

function tsv() {
  const parts = [];
  let s = 1;
  for (let r = 0; r < rows; r++) {
    const line = new Array(cols);
    for (let c = 0; c < cols; c++) line[c] = ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5).toFixed(6);
    parts.push(Buffer.from(`${line.join('\t')}\n`));
  }
  return Buffer.concat(parts);
}

async function measure(label, provider) {
  const app = hostPlugin(plugin, provider);
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 1);
  const t0 = performance.now();
  const info = await app.json('/data/plugin/projector/info?run=.');
  const t1 = performance.now();
  const res = await app.request('/data/plugin/projector/tensor?run=.&name=e');
  const bytes = (await res.arrayBuffer()).byteLength;
  const t2 = performance.now();
  clearInterval(timer);
  console.log(`${label}: shape ${info.embeddings[0].tensorShape.join(' x ')}; info ${(t1 - t0).toFixed(0)} ms, tensor answer ${mb(bytes)} MB in ${(t2 - t1).toFixed(0)} ms; event loop held at most ${worst.toFixed(0)} ms; rss ${mb(process.memoryUsage().rss)} MB`);
}

const text = tsv();
console.log(`TSV ${mb(text.length)} MB`);
await measure('TSV', new MemoryProvider().addFile('projector_config.pbtxt', 'embeddings { tensor_name: "e" tensor_path: "e.tsv" }').addFile('e.tsv', text));
const raw = new Float32Array(rows * cols).map((_, i) => (i % 977) / 977);
await measure('raw float32', new MemoryProvider().addFile('projector_config.pbtxt', `embeddings { tensor_name: "e" tensor_path: "e.bin" tensor_shape: [${rows}, ${cols}] }`).addFile('e.bin', new Uint8Array(raw.buffer)));

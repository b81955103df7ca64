// The compute runner's jobs at their target sizes, on every backend that loads here:
// PCA 50k x 200, kNN 50k x 128 (exact and HNSW), t-SNE 10k x 64, UMAP 10k x 64.
// Each case runs in its own child process (so its peak RSS is its own) through the
// worker-thread runner the server uses. `--quick` runs small sizes as a smoke test.
//
//   node bench/compute/run.mjs [--quick] [--backends=wasm,cpu] [--cases=pca,knn-exact,...] [--all]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BACKEND_ORDER, createComputeRunner } from '@tb/core';

const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const quick = args.includes('--quick');

/** name, sizes (full / quick), and the job. */
const CASES = {
  pca: { full: [50_000, 200], quick: [2_000, 50], run: (r, x, n, d) => r.pca(x, n, d, { components: 10 }) },
  'knn-exact': { full: [50_000, 128], quick: [2_000, 32], run: (r, x, n, d) => r.knn(x, n, d, { k: 15, metric: 'euclidean', approximate: false }) },
  'knn-hnsw': { full: [50_000, 128], quick: [2_000, 32], run: (r, x, n, d) => r.knn(x, n, d, { k: 15, metric: 'euclidean', approximate: true }) },
  tsne: { full: [10_000, 64], quick: [1_000, 16], run: (r, x, n, d) => r.tsne(x, n, d, { dims: 2, seed: 1 }) },
  umap: { full: [10_000, 64], quick: [1_000, 16], run: (r, x, n, d) => r.umap(x, n, d, { dims: 2, seed: 1 }) },
};

/** Clustered data: 10 Gaussian blobs, seeded, so every run and backend sees the same numbers. */
function blobs(n, d, seed = 1) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const centres = Array.from({ length: 10 }, () => Array.from({ length: d }, () => normal() * 5));
  const x = new Float32Array(n * d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) x[i * d + t] = centres[i % 10][t] + normal();
  return x;
}

if (flag('child')) {
  // One case on one backend; prints one JSON line.
  const [name, backend] = flag('child').split(':');
  const c = CASES[name];
  const [n, d] = quick ? c.quick : c.full;
  const x = blobs(n, d);
  const runner = createComputeRunner(backend);
  const info = await runner.info();
  const t0 = performance.now();
  const result = await c.run(runner, x, n, d);
  const seconds = (performance.now() - t0) / 1000;
  await runner.close();
  const method = result && typeof result === 'object' && 'method' in result ? result.method : undefined;
  console.log(JSON.stringify({ name, backend: info.backend, n, d, seconds, method, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const script = fileURLToPath(import.meta.url);
const backends = flag('backends')?.split(',') ?? BACKEND_ORDER;
const names = flag('cases')?.split(',') ?? Object.keys(CASES);
console.log(`compute bench${quick ? ' (quick)' : ''}: ${names.join(', ')} on ${backends.join(', ')}`);
console.log('backend        case        n x d          seconds   peak RSS (MiB)  note');
for (const backend of backends) {
  // A backend that does not load here falls through to the next one: skip it, with why.
  const probe = createComputeRunner(backend);
  const info = await probe.info();
  await probe.close();
  if (info.backend !== backend) {
    const why = info.skipped.find((s) => s.backend === backend)?.reason ?? 'not available';
    console.log(`${backend.padEnd(14)} (skipped: ${why})`);
    continue;
  }
  for (const name of names) {
    const c = CASES[name];
    if (!c) throw new Error(`unknown case '${name}'; expected one of ${Object.keys(CASES).join(', ')}`);
    const [n, d] = quick ? c.quick : c.full;
    if (backend === 'cpu' && !quick && !args.includes('--all') && name === 'knn-exact') {
      // tfjs's plain CPU backend multiplies at ~1 GFLOP/s: exact kNN 50k x 128 (3.2e11 multiply-adds) would take several minutes.
      console.log(`${backend.padEnd(14)} ${name.padEnd(11)} ${`${n} x ${d}`.padEnd(14)} skipped (minutes on tfjs's plain CPU backend; --all runs it)`);
      continue;
    }
    const child = spawnSync(process.execPath, [script, `--child=${name}:${backend}`, ...(quick ? ['--quick'] : [])], { encoding: 'utf8' });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      console.log(`${backend.padEnd(14)} ${name.padEnd(11)} failed: ${(child.stderr || child.stdout).trim().split('\n').slice(-3).join(' | ')}`);
      continue;
    }
    const r = JSON.parse(line);
    console.log(
      `${backend.padEnd(14)} ${name.padEnd(11)} ${`${r.n} x ${r.d}`.padEnd(14)} ${r.seconds.toFixed(2).padStart(8)}   ${r.peakRssMiB.toFixed(0).padStart(14)}  ${r.method ?? ''}`,
    );
  }
}

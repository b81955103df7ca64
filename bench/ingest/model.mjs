// The benchmark's synthetic training runs: tag names, wall times and values, as pure
// functions of (run, tag, step) so that the loader can recompute any point that the
// generator wrote without keeping state. Shared by generate.mjs and load.mjs.

/** Bump when the bytes the generator writes for the same sizes change. */
export const FORMAT_VERSION = 2;
export const SEED = 0x7b5eed01;

/**
 * The shapes `--shape NAME` picks. `histogramRuns` is how many runs (the first ones)
 * carry the `histograms` tags; left out, every run does. Each histogram summarizes
 * `histogramSamples` values in `histogramBuckets` equal-width buckets and is written at
 * steps that are multiples of `histogramEvery`.
 */
export const SHAPES = Object.freeze({
  default: Object.freeze({ runs: 20, tags: 20, steps: 10_000, histograms: 4, histogramEvery: 100, histogramBuckets: 30, histogramSamples: 1000 }),
  quick: Object.freeze({ runs: 2, tags: 5, steps: 2_000, histograms: 4, histogramEvery: 100, histogramBuckets: 30, histogramSamples: 1000 }),
  // Issue 19: 50 runs x 20 scalar tags x 10,000 steps; 10 runs also have 5 histogram tags
  // every 10th step, 1,000 samples each. PyTorch's add_histogram (bins='tensorflow')
  // keeps the exponential TF buckets between the smallest and largest non-empty one:
  // for weights ~N(0, 0.1) that is ~560 buckets, which also makes histograms ~half of
  // the ~1 GB.
  issue19: Object.freeze({
    runs: 50, tags: 20, steps: 10_000, histograms: 5, histogramRuns: 10,
    histogramEvery: 10, histogramBuckets: 560, histogramSamples: 1000,
  }),
});
export const DEFAULTS = SHAPES.default;
export const QUICK = SHAPES.quick;
/** The default shape's histogram step interval and buckets (bench/s3 plans with them). */
export const HISTOGRAM_EVERY = DEFAULTS.histogramEvery;
export const HISTOGRAM_BUCKETS = DEFAULTS.histogramBuckets;

/** Wall time of a run's step 0, seconds since the epoch. */
export const BASE_WALL_TIME = 1_700_000_000;

const SCALAR_KINDS = ['loss', 'accuracy', 'learning_rate', 'grad_norm', 'perplexity'];
const SCALAR_GROUPS = ['train', 'eval', 'optim', 'model'];

/**
 * Name of scalar tag `t`: e.g. `train/loss`, `eval/accuracy`, `model/grad_norm_03`.
 * @param {number} t
 * @returns {string}
 */
export function scalarTagName(t) {
  const kind = SCALAR_KINDS[t % SCALAR_KINDS.length];
  const group = SCALAR_GROUPS[Math.floor(t / SCALAR_KINDS.length) % SCALAR_GROUPS.length];
  const round = Math.floor(t / (SCALAR_KINDS.length * SCALAR_GROUPS.length));
  const suffix = t < SCALAR_KINDS.length * SCALAR_GROUPS.length ? '' : `_${String(round).padStart(2, '0')}`;
  return `${group}/${kind}${suffix}`;
}

/**
 * Name of histogram tag `h`: `weights/layer_00`, `biases/layer_00`, `weights/layer_01`...
 * @param {number} h
 * @returns {string}
 */
export function histogramTagName(h) {
  return `${h % 2 === 0 ? 'weights' : 'biases'}/layer_${String(h >> 1).padStart(2, '0')}`;
}

/**
 * Directory name of run `r`, relative to the log root.
 * @param {number} r
 * @param {number} runs total number of runs (for the zero padding)
 * @returns {string}
 */
export function runName(r, runs) {
  return `run-${String(r).padStart(Math.max(2, String(runs - 1).length), '0')}`;
}

/**
 * Wall time (seconds) of step `step` of run `r`: runs start an hour apart, a step
 * takes ~0.25 s with a little deterministic jitter.
 * @param {number} r
 * @param {number} step
 * @returns {number}
 */
export function wallTime(r, step) {
  return BASE_WALL_TIME + r * 3600 + step * 0.25 + uniform(r, 0xffff, step) * 0.01;
}

/**
 * A deterministic uniform number in [0, 1) for (a, b, c): a counter-based PRNG
 * (a 32-bit integer hash of the seed and the three counters).
 * @param {number} a
 * @param {number} b
 * @param {number} c
 * @returns {number}
 */
export function uniform(a, b, c) {
  let h = SEED ^ Math.imul(a + 1, 0x9e3779b1);
  h = mix(h ^ Math.imul(b + 1, 0x85ebca77));
  h = mix(h ^ Math.imul(c + 1, 0xc2b2ae3d));
  return (mix(h) >>> 0) / 4294967296;
}

/** @param {number} h */
function mix(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h;
}

/**
 * The value written for scalar tag `t` of run `r` at `step`, as a float64; the file
 * holds Math.fround of it (simple_value is a float32). Loss-like curves: decaying
 * losses, saturating accuracies, a warmup-then-cosine learning rate, noisy norms.
 * @param {number} r
 * @param {number} t
 * @param {number} step
 * @returns {number}
 */
export function scalarValue(r, t, step) {
  const u = uniform(r, t, step) - 0.5; // noise in [-0.5, 0.5)
  const speed = 1 + 0.15 * r + 0.05 * t; // runs and tags differ a little
  const x = step / 2000;
  switch (t % SCALAR_KINDS.length) {
    case 0: // loss
      return 0.05 + 2.3 * Math.exp(-x * speed) + 0.08 * u * Math.exp(-x * 0.5);
    case 1: // accuracy
      return Math.min(1, Math.max(0, 0.97 - 0.87 * Math.exp(-x * speed) + 0.02 * u));
    case 2: { // learning rate: linear warmup over 500 steps, then cosine decay
      const peak = 1e-3 / speed;
      if (step < 500) return (peak * (step + 1)) / 500;
      return peak * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, (step - 500) / 20_000)));
    }
    case 3: // gradient norm
      return 0.5 + 4 * Math.exp(-x * speed * 2) + 0.6 * u * u * 4;
    default: // perplexity = exp(loss)
      return Math.exp(0.05 + 2.3 * Math.exp(-x * speed)) * (1 + 0.01 * u);
  }
}

/**
 * The histogram of tag `h` of run `r` at `step`, as PyTorch's add_histogram would
 * summarize it: a bell curve of about `samples` values in `n` buckets whose spread widens
 * over training. `bucket[i]` counts the values in (bucketLimit[i-1], bucketLimit[i]].
 * @param {number} r
 * @param {number} h
 * @param {number} step
 * @param {number} n buckets
 * @param {number} samples
 * @returns {{ min: number, max: number, num: number, sum: number, sumSquares: number, bucketLimit: number[], bucket: number[] }}
 */
export function histogramValue(r, h, step, n, samples) {
  const sigma = 0.05 + 0.02 * h + (0.1 * step) / (step + 2000);
  const mean = (h % 2 === 0 ? 0 : 0.01) + 0.002 * r;
  const lo = mean - 4 * sigma;
  const width = (8 * sigma) / n;
  /** @type {number[]} */ const bucketLimit = [];
  /** @type {number[]} */ const bucket = [];
  let num = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const limit = lo + (i + 1) * width;
    const centre = limit - width / 2;
    const z = (centre - mean) / sigma;
    // The share of a normal distribution in this bucket, with a little jitter.
    const share = (Math.exp(-0.5 * z * z) * width) / (sigma * Math.sqrt(2 * Math.PI));
    const count = Math.round(samples * share * (0.9 + 0.2 * uniform(r, 1000 + h, step * n + i)));
    bucketLimit.push(limit);
    bucket.push(count);
    num += count;
    sum += count * centre;
    sumSquares += count * centre * centre;
  }
  return { min: lo + width * 0.01, max: lo + n * width, num, sum, sumSquares, bucketLimit, bucket };
}

/**
 * The parameters a generated log root is described by (MANIFEST.json `sizes`).
 * @typedef {{
 *   runs: number, tags: number, steps: number, histograms: number, histogramRuns: number,
 *   histogramEvery: number, histogramBuckets: number, histogramSamples: number,
 * }} Sizes
 */

/** The flags that set a size, and the Sizes key each sets. */
export const SIZE_FLAGS = Object.freeze({
  runs: 'runs', tags: 'tags', steps: 'steps', histograms: 'histograms',
  'histogram-runs': 'histogramRuns', 'histogram-every': 'histogramEvery',
  'histogram-buckets': 'histogramBuckets', 'histogram-samples': 'histogramSamples',
});

/**
 * The sizes that `--shape NAME` (or `--quick`, the same as `--shape quick`) and the size
 * flags ask for; a flag overrides the shape's value.
 * @param {Map<string, string | true>} flags
 * @returns {{ shape: string, sizes: Sizes }}
 */
export function sizesFromFlags(flags) {
  const named = flags.get('shape');
  if (named === true) throw new Error(`--shape wants one of ${Object.keys(SHAPES).join(', ')}`);
  const shape = named ?? (flags.has('quick') ? 'quick' : 'default');
  /** @type {Record<string, number>} */
  const base = /** @type {any} */ (SHAPES)[shape];
  if (!Object.hasOwn(SHAPES, shape)) throw new Error(`unknown --shape ${shape}; known: ${Object.keys(SHAPES).join(', ')}`);
  /** @type {Record<string, number>} */
  const sizes = {};
  for (const [flag, key] of Object.entries(SIZE_FLAGS)) {
    if (key !== 'histogramRuns') sizes[key] = intFlag(flags, flag, /** @type {number} */ (base[key]));
  }
  // Every run carries histograms unless the shape or the flag says fewer.
  sizes.histogramRuns = Math.min(sizes.runs ?? 0, intFlag(flags, 'histogram-runs', base.histogramRuns ?? sizes.runs ?? 0));
  if (!(sizes.histogramEvery >= 1)) throw new Error('--histogram-every wants a positive integer');
  return { shape, sizes: /** @type {Sizes} */ (sizes) };
}

/**
 * Parses `--name value` / `--name=value` flags.
 * @param {string[]} argv
 * @returns {Map<string, string | true>}
 */
export function parseFlags(argv) {
  /** @type {Map<string, string | true>} */
  const flags = new Map();
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    if (!arg.startsWith('--')) throw new Error(`unexpected argument: ${arg}`);
    const eq = arg.indexOf('=');
    if (eq >= 0) {
      flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        flags.set(arg.slice(2), next);
        i++;
      } else {
        flags.set(arg.slice(2), true);
      }
    }
  }
  return flags;
}

/**
 * A non-negative integer flag, or `fallback` when absent.
 * @param {Map<string, string | true>} flags
 * @param {string} name
 * @param {number} fallback
 * @returns {number}
 */
export function intFlag(flags, name, fallback) {
  const v = flags.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (v === true || !Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} wants a non-negative integer, got ${String(v)}`);
  return n;
}

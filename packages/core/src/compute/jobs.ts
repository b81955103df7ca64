/**
 * The long-running jobs of the compute runner (PCA, kNN, t-SNE, UMAP): their options
 * and results. Every job takes row-major data (n points x d dimensions) as one
 * Float32Array, can be cancelled with an AbortSignal and reports progress.
 */

/** One progress report of a running job. */
export interface JobProgress {
  /** Share of the work done, 0..1. */
  readonly fraction: number;
  /** The iteration (t-SNE, UMAP epochs), where the job has them. */
  readonly step?: number;
  /** What the job is doing now, for a status line ("kNN", "calibrating P"...). */
  readonly message?: string;
  /** t-SNE and UMAP: the layout so far (n x dims, row-major); about every 10 steps or 200 ms, whichever is rarer. */
  readonly layout?: Float32Array;
}

/** Options every job takes. */
export interface JobOptions {
  /** Aborting rejects the job's promise with an error named 'AbortError', promptly (< 500 ms). */
  readonly signal?: AbortSignal;
  /** Called with progress reports, in order, on the calling thread. */
  readonly onProgress?: (p: JobProgress) => void;
}

/** PCA options: how many principal components to keep (1..d). */
export interface PcaOptions extends JobOptions {
  readonly components: number;
}

/** What {@link ComputeRunner.pca} returns. Each component's sign is fixed: its largest-magnitude entry is positive. */
export interface PcaResult {
  /** n x components, row-major: the centred data projected on the components. */
  readonly projected: Float32Array;
  /** components x d, row-major: unit eigenvectors of the covariance, by decreasing variance. */
  readonly components: Float32Array;
  /** The share of the total variance each component explains. */
  readonly variance: number[];
}

/** The distance of a kNN search. Cosine distance is 1 - cos(a, b). */
export type KnnMetric = 'cosine' | 'euclidean';

/** kNN options. */
export interface KnnOptions extends JobOptions {
  /** Neighbours per point (1..n-1). */
  readonly k: number;
  readonly metric: KnnMetric;
  /** `true`: HNSW (hnswlib-node); `false`: exact; `'auto'` (default): HNSW above 50,000 points. */
  readonly approximate?: boolean | 'auto';
}

/** What {@link ComputeRunner.knn} returns: neighbours of each point, nearest first, itself excluded. */
export interface KnnResult {
  /** n x k, row-major. */
  readonly indices: Int32Array;
  /** n x k, row-major: euclidean distance, or cosine distance 1 - cos. */
  readonly distances: Float32Array;
  /** How they were found ('exact' when HNSW was asked for but could not load). */
  readonly method: 'exact' | 'hnsw';
}

/** t-SNE options (Barnes-Hut). */
export interface TsneOptions extends JobOptions {
  readonly dims: 2 | 3;
  /** Default 30 (lowered to (n - 1) / 3 for small n). */
  readonly perplexity?: number;
  /** Default max(200, n / 12) (the early exaggeration's 12), which converges in fewer iterations on large n. */
  readonly learningRate?: number;
  /** Most iterations; default 1000. It stops earlier once the KL divergence changes by under 0.5% in 50 iterations. */
  readonly iterations?: number;
  /** Seed of the initial layout; the same seed gives the same layout. Default 1. */
  readonly seed?: number;
}

/** UMAP options (umap-js, fed by our kNN). */
export interface UmapOptions extends JobOptions {
  readonly dims: 2 | 3;
  /** Neighbours of the fuzzy graph; default 15. */
  readonly neighbors?: number;
  /** Default 0.1. */
  readonly minDist?: number;
  /** Seed of umap-js's random numbers; the same seed gives the same layout. Default 1. */
  readonly seed?: number;
}

/**
 * The JSON shapes of the projector's routes under /data/plugin/projector/ (see
 * ../http-api.md), for the dashboard and for clients. Types only: the server builds
 * these, the frontend reads them. TensorBoard's routes first, then ours (compute).
 */

/** GET runs: the runs that have something to project (TensorBoard's order). */
export type RunsResponse = readonly string[];

/** A sprite sheet: one thumbnail per point, row-major in a square grid. */
export interface SpriteInfo {
  /** The PNG's path as the config gives it (served by `sprite_image`); absent when unset. */
  readonly imagePath?: string;
  /** [width, height] of one thumbnail in pixels; absent when unset. */
  readonly singleImageDim?: readonly number[];
}

/**
 * One embedding of a run's config, as TensorBoard's JSON of `EmbeddingInfo`: fields
 * absent when unset (proto3 JSON), names in lowerCamelCase.
 */
export interface EmbeddingInfo {
  /** The name to ask `tensor`/`metadata`/`sprite_image`/`bookmarks` for. */
  readonly tensorName: string;
  readonly metadataPath?: string;
  readonly bookmarksPath?: string;
  /** [rows, columns]: points and dimensions. */
  readonly tensorShape?: readonly number[];
  readonly sprite?: SpriteInfo;
  /** Set when the tensor comes from a TSV or raw float32 file, not a checkpoint. */
  readonly tensorPath?: string;
}

/** GET info?run=: the run's ProjectorConfig as JSON (TensorBoard's `MessageToJson`). */
export interface InfoResponse {
  /** The checkpoint prefix the run's checkpoint tensors come from, when any. */
  readonly modelCheckpointPath?: string;
  readonly embeddings?: readonly EmbeddingInfo[];
  readonly modelCheckpointDir?: string;
}

/**
 * GET tensor?run=&name=[&num_rows=]: `application/octet-stream`, the rows as
 * little-endian float32, row-major (rows x tensorShape[1] values). Read it with
 * `new Float32Array(await res.arrayBuffer())`.
 */
export type TensorResponse = ArrayBuffer;

/**
 * GET metadata?run=&name=[&num_rows=]: `text/plain`, the TSV as written: a header line
 * first when it has more than one column (a tab in its first line), then one line per point.
 */
export type MetadataResponse = string;

/** GET bookmarks?run=&name=: the bookmarks file's JSON as written (saved states). */
export type BookmarksResponse = unknown;

/** The projection methods the compute routes run. */
export type ProjectionMethod = 'pca' | 'tsne' | 'umap';

/** Parameters of a projection; each method reads the ones it knows, the rest default. */
export interface ProjectionParams {
  /** Output dimensions: 2 or 3 (default 3). */
  readonly dims?: 2 | 3;
  /** PCA: how many components to compute (default `dims`; at most 10). */
  readonly components?: number;
  /** t-SNE: perplexity (default 30). */
  readonly perplexity?: number;
  /** t-SNE: learning rate (default 200). */
  readonly learningRate?: number;
  /** t-SNE: most iterations (default 1000). */
  readonly iterations?: number;
  /** UMAP: neighbours (default 15). */
  readonly neighbors?: number;
  /** UMAP: min distance (default 0.1). */
  readonly minDist?: number;
  /** Seed of the random start (default 1); the same seed gives the same layout. */
  readonly seed?: number;
  /** Rows to project, from the start (default all). */
  readonly numRows?: number;
}

/** POST projections: the JSON body. */
export interface ProjectionRequest {
  readonly run: string;
  /** The embedding's `tensorName`, as for `tensor`. */
  readonly tensor: string;
  readonly method: ProjectionMethod;
  readonly params?: ProjectionParams;
}

/** POST projections: the job's id, for `projections/<id>/events` and DELETE. */
export interface ProjectionCreated {
  readonly id: string;
}

/** SSE `progress`: how far the job is. */
export interface ProgressEvent {
  /** 0..1. */
  readonly fraction: number;
  /** Iteration (t-SNE/UMAP) or stage (PCA). */
  readonly step: number;
  /** The compute backend doing the work (`wasm`, `cpu`, `tensorflow`...). */
  readonly backend: string;
}

/** SSE `layout`: an intermediate layout (t-SNE/UMAP), to draw while the job runs. */
export interface LayoutEvent {
  readonly step: number;
  /** Values per point: 2 or 3. */
  readonly dims: number;
  /** Base64 of little-endian float32, points x dims, row-major. */
  readonly data: string;
}

/** SSE `done`: the final layout. */
export interface DoneEvent {
  /** Base64 of little-endian float32, points x dims, row-major. */
  readonly result: string;
  readonly dims: number;
  /** PCA: the fraction of the variance each component explains. */
  readonly variance?: readonly number[];
}

/** SSE `error`: the job failed or was cancelled. */
export interface ErrorEvent {
  readonly message: string;
}

/** The events of GET projections/<id>/events, by SSE event name. */
export interface ProjectionEvents {
  readonly progress: ProgressEvent;
  readonly layout: LayoutEvent;
  readonly done: DoneEvent;
  readonly error: ErrorEvent;
}

/** DELETE projections/<id>: whether a running job was cancelled. */
export interface ProjectionCancelled {
  readonly id: string;
  readonly cancelled: boolean;
}

/** Distance used by `neighbors`. */
export type NeighborMetric = 'euclidean' | 'cosine';

/** One neighbour: its row and its distance to the asked point. */
export interface Neighbor {
  readonly index: number;
  readonly distance: number;
}

/** GET neighbors?run=&tensor=&index=&k=[&metric=euclidean]: nearest first, the point itself left out. */
export interface NeighborsResponse {
  readonly index: number;
  readonly metric: NeighborMetric;
  readonly neighbors: readonly Neighbor[];
}

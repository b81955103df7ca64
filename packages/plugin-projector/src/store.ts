/**
 * What the projector knows of a log root: each run's config (read where TensorBoard
 * reads it, completed with tensor shapes and checkpoint variables) and a small cache of
 * loaded tensors. One store per DataProvider; it rereads the configs when the listing
 * of config, checkpoint-state and index files changes (listed at most once a second).
 */
import { posix } from 'node:path';
import { type DataProvider, InvalidArgumentError, type Logger } from '@tb/core/plugin';
import { type Checkpoint, embeddingVariables, findLatestCheckpoint, openCheckpoint, readVariable } from './checkpoint/reader.js';
import { emptyEmbedding, type EmbeddingConfig, parseProjectorConfig, type ProjectorConfig } from './config.js';
import { PLUGIN_ASSETS_DIR, PROJECTOR_FILENAME } from './metadata.js';
import { resolveAssetPath } from './paths.js';
import { readTensorFile, type Tensor2D } from './tsv.js';

/** How the store reads: where the log root is, and whether checkpoints are read. */
export interface StoreOptions {
  /** The log root as the server was given it, to accept absolute paths under it. */
  readonly logdir: string;
  /**
   * Offer the latest checkpoint's 2-D variables, as TensorBoard does with TensorFlow
   * installed (true), or not, as TensorBoard without TensorFlow (false).
   */
  readonly checkpoints: boolean;
  readonly logger?: Logger;
}

/** One run's config and where it came from. */
export interface RunConfig {
  readonly run: string;
  readonly config: ProjectorConfig;
  /** The config file, relative to the log root (it may not exist: an empty config). */
  readonly configPath: string;
  readonly configDir: string;
  readonly checkpoint: Checkpoint | null;
}

const WATCHED = /(^|\/)(projector_config\.pbtxt|checkpoint|[^/]+\.index)$/;
/** How long a listing of the log root's config and checkpoint files is trusted (a walk of the tree each time). */
const LISTING_TTL_MS = 1000;
/** Most tensors kept, and most bytes they may hold together. */
const CACHE_ENTRIES = 8;
const CACHE_BYTES = 1 << 30;

/** TensorBoard's name comparison: `x` and `x:0` are the same tensor. */
const canonical = (name: string): string => (name.includes(':') ? name : `${name}:0`);

/** The store of one log root. */
export class ProjectorStore {
  private signature = '';
  private listedAt = 0;
  private building: Promise<Map<string, RunConfig>> | null = null;
  private readonly tensors = new Map<string, Tensor2D>();
  private readonly loading = new Map<string, Promise<Tensor2D>>();

  constructor(
    private readonly data: DataProvider,
    private readonly options: StoreOptions,
  ) {}

  /** Every run with something to project, in TensorBoard's order. */
  async configs(): Promise<Map<string, RunConfig>> {
    const now = Date.now();
    if (this.building && now - this.listedAt < LISTING_TTL_MS) return this.building;
    this.listedAt = now;
    const files = await this.data.listFiles(WATCHED);
    const runs = this.data.listRuns().map((r) => r.name);
    const signature = JSON.stringify([runs, files.map((f) => [f.path, f.mtime, f.size])]);
    if (signature !== this.signature || !this.building) {
      this.signature = signature;
      this.tensors.clear();
      this.loading.clear();
      const present = new Set(files.map((f) => f.path));
      this.building = this.build(runs, present);
    }
    return this.building;
  }

  /** The config of `run`; a 400 naming the run when it has none (TensorBoard's answer). */
  async run(run: string): Promise<RunConfig> {
    const rc = (await this.configs()).get(run);
    if (!rc) throw new InvalidArgumentError(`Unknown run: "${run}"`);
    return rc;
  }

  /** The embedding of `rc` named `name` (`x` and `x:0` match), if any. */
  embedding(rc: RunConfig, name: string): EmbeddingConfig | undefined {
    return rc.config.embeddings.find((e) => canonical(e.tensorName) === canonical(name));
  }

  /** Resolves a path from `rc`'s config to a path under the log root (a 400 when outside). */
  resolve(rc: RunConfig, configured: string): string {
    return resolveAssetPath(configured, rc.configDir, this.options.logdir);
  }

  /** The bytes of a file under the log root; a 400 naming it when absent, as TensorBoard. */
  async file(path: string, what: string): Promise<Uint8Array> {
    try {
      return await this.data.readFile(path);
    } catch {
      throw new InvalidArgumentError(`${what} "${path}" not found, or is not a file`);
    }
  }

  /**
   * The tensor `name` of `run`: from its tensor file when the config names one, else
   * from the run's checkpoint. Cached (a few, least recently used dropped first).
   */
  async tensor(run: string, name: string): Promise<Tensor2D> {
    const rc = await this.run(run);
    const key = `${run}\0${canonical(name)}`;
    const hit = this.tensors.get(key);
    if (hit) {
      this.tensors.delete(key);
      this.tensors.set(key, hit);
      return hit;
    }
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.load(rc, name).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    const t = await pending;
    this.remember(key, t);
    return t;
  }

  private remember(key: string, t: Tensor2D): void {
    this.tensors.set(key, t);
    let bytes = 0;
    for (const v of this.tensors.values()) bytes += v.data.byteLength;
    for (const [k, v] of this.tensors) {
      if (this.tensors.size <= 1 || (this.tensors.size <= CACHE_ENTRIES && bytes <= CACHE_BYTES)) break;
      this.tensors.delete(k);
      bytes -= v.data.byteLength;
    }
  }

  private async load(rc: RunConfig, name: string): Promise<Tensor2D> {
    const e = this.embedding(rc, name);
    if (e?.tensorPath) {
      const path = this.resolve(rc, e.tensorPath);
      const bytes = await this.data.readFile(path).catch(() => {
        throw new InvalidArgumentError(`Tensor file "${path}" does not exist`);
      });
      return readTensorFile(bytes, e.tensorShape, path);
    }
    const ckpt = rc.checkpoint;
    const entry = ckpt?.index.entries.get(name) ?? ckpt?.index.entries.get(name.replace(/:0$/, ''));
    if (!ckpt || !entry) throw new InvalidArgumentError(`Tensor "${name}" not found in checkpoint dir "${rc.config.modelCheckpointPath}"`);
    if (entry.shape.length !== 2) throw new InvalidArgumentError(`Tensor "${name}": expected a 2-D tensor, found shape [${entry.shape.join(', ')}]`);
    try {
      return { data: await readVariable(this.data, ckpt, entry.name), rows: entry.shape[0]!, cols: entry.shape[1]! };
    } catch (err) {
      throw new InvalidArgumentError(err instanceof Error ? err.message : String(err));
    }
  }

  private async build(runs: readonly string[], present: ReadonlySet<string>): Promise<Map<string, RunConfig>> {
    const pairs: [string, string][] = runs.map((r) => [r, r]);
    for (const r of runs) {
      const assets = posix.join(r, PLUGIN_ASSETS_DIR);
      if (present.has(posix.join(assets, PROJECTOR_FILENAME))) pairs.push([r, assets]);
    }
    if (!runs.includes('.')) pairs.push(['.', '.']);
    const out = new Map<string, RunConfig>();
    for (const [run, dir] of pairs) {
      try {
        const rc = await this.readRun(run, dir, present);
        if (rc) out.set(run, rc);
      } catch (err) {
        this.options.logger?.warn(`projector: run "${run}": ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    for (const [run, rc] of out) {
      await this.complete(rc);
      if (rc.config.embeddings.length === 0) out.delete(run);
    }
    return out;
  }

  private async readRun(run: string, dir: string, present: ReadonlySet<string>): Promise<RunConfig | null> {
    const configPath = posix.join(dir, PROJECTOR_FILENAME);
    const config = present.has(configPath)
      ? parseProjectorConfig(Buffer.from(await this.data.readFile(configPath)).toString('utf8'))
      : { modelCheckpointPath: '', embeddings: [], modelCheckpointDir: '' };
    let hasTensorFiles = false;
    for (const e of config.embeddings) {
      if (e.tensorPath) {
        if (!e.tensorName) e.tensorName = posix.basename(e.tensorPath);
        hasTensorFiles = true;
      }
    }
    let checkpoint: Checkpoint | null = null;
    if (this.options.checkpoints) {
      let prefix: string | null = null;
      if (config.modelCheckpointPath) prefix = resolveAssetPath(config.modelCheckpointPath, dir, this.options.logdir);
      else {
        const logdir = dir.endsWith(`/${PLUGIN_ASSETS_DIR}`) ? posix.dirname(posix.dirname(dir)) : dir;
        prefix = await findLatestCheckpoint(this.data, logdir, (p) => present.has(p));
        if (!prefix && !hasTensorFiles) return null;
        if (prefix) config.modelCheckpointPath = prefix;
      }
      if (prefix) {
        if (!present.has(`${prefix}.index`)) {
          this.options.logger?.warn(`projector: run "${run}": checkpoint "${prefix}" not found (no ${prefix}.index)`);
          return null;
        }
        checkpoint = await openCheckpoint(this.data, prefix);
      }
    } else if (!config.modelCheckpointPath && !hasTensorFiles) return null;
    return { run, config, configPath, configDir: dir, checkpoint };
  }

  /** TensorBoard's `_augment_configs_with_checkpoint_info`: names, shapes, checkpoint variables. */
  private async complete(rc: RunConfig): Promise<void> {
    const { config } = rc;
    for (const e of config.embeddings) {
      if (e.tensorName.endsWith(':0')) e.tensorName = e.tensorName.slice(0, -2);
      if (e.tensorPath && e.tensorShape.length === 0) {
        try {
          const t = await this.load(rc, e.tensorName);
          this.remember(`${rc.run}\0${canonical(e.tensorName)}`, t);
          e.tensorShape.push(t.rows, t.cols);
        } catch (err) {
          this.options.logger?.warn(`projector: run "${rc.run}", tensor "${e.tensorName}": ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }
    if (!rc.checkpoint) return;
    let special: EmbeddingConfig | null = null;
    if (config.embeddings[0] && !config.embeddings[0].tensorName) special = config.embeddings.shift()!;
    for (const v of embeddingVariables(rc.checkpoint)) {
      let e = this.embedding(rc, v.name);
      if (!e) {
        e = emptyEmbedding(v.name);
        if (special) {
          e.metadataPath = special.metadataPath;
          e.bookmarksPath = special.bookmarksPath;
        }
        config.embeddings.push(e);
      }
      if (e.tensorShape.length === 0) e.tensorShape.push(...v.shape);
    }
  }
}

const stores = new WeakMap<DataProvider, Map<string, ProjectorStore>>();

/** The store of `data` with these options (one per provider and options, kept while the provider lives). */
export function storeFor(data: DataProvider, options: StoreOptions): ProjectorStore {
  let byOptions = stores.get(data);
  if (!byOptions) stores.set(data, (byOptions = new Map()));
  const key = `${options.logdir}\0${options.checkpoints}`;
  let store = byOptions.get(key);
  if (!store) byOptions.set(key, (store = new ProjectorStore(data, options)));
  return store;
}

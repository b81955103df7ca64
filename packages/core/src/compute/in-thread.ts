/**
 * The jobs run on the calling thread, shared by CpuComputeRunner and TfjsComputeRunner
 * (which differ only in their kernels): an already aborted signal rejects at once, and
 * a job's own pauses notice an abort while it runs.
 */
import type { BackendInfo } from './backend.js';
import { abortError, JobContext } from './job-context.js';
import type { JobOptions, KnnOptions, KnnResult, PcaOptions, PcaResult, TsneOptions, UmapOptions } from './jobs.js';
import type { Kernels } from './kernels.js';
import { jobParams, runJob } from './run-job.js';

/** A compute runner on the calling thread, less what says which kernels it uses. */
export abstract class InThreadRunner {
  /** The kernels the jobs hand their products to (awaited per call, so a backend may load lazily). */
  protected abstract kernels(): Promise<Kernels>;
  abstract info(): Promise<BackendInfo>;

  pca(data: Float32Array, n: number, d: number, o: PcaOptions): Promise<PcaResult> {
    return this.run(o, (k, ctx) => runJob(k, 'pca', [data, n, d, o.components], ctx));
  }

  knn(data: Float32Array, n: number, d: number, o: KnnOptions): Promise<KnnResult> {
    return this.run(o, (k, ctx) => runJob(k, 'knn', [data, n, d, jobParams.knn(o)], ctx));
  }

  tsne(data: Float32Array, n: number, d: number, o: TsneOptions): Promise<Float32Array> {
    return this.run(o, (k, ctx) => runJob(k, 'tsne', [data, n, d, jobParams.tsne(o)], ctx));
  }

  umap(data: Float32Array, n: number, d: number, o: UmapOptions): Promise<Float32Array> {
    return this.run(o, (k, ctx) => runJob(k, 'umap', [data, n, d, jobParams.umap(o)], ctx));
  }

  private async run<T>(o: JobOptions, job: (k: Kernels, ctx: JobContext) => Promise<T>): Promise<T> {
    if (o.signal?.aborted) throw abortError(o.signal.reason);
    return job(await this.kernels(), new JobContext(o.signal, o.onProgress));
  }
}

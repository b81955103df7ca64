/**
 * Runs decoded on worker threads make exactly what decoding on the calling thread makes:
 * the corpus's log roots read both ways hold the same runs, tags and points. A worker that
 * dies part way costs nothing either: its runs are read again from scratch on a fresh one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { InlineDecoders, LogRootMultiplexer, WorkerDecoders, type DataProvider, type IngestPool } from '@tb/core/events';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS, ROOT } from './support/server.js';

const ALL = { downsample: Number.MAX_SAFE_INTEGER };
const WORKER = pathToFileURL(path.join(ROOT, 'packages/core/dist/multiplexer/ingest/worker.js'));

/** Everything a provider holds, as plain data. */
function snapshot(p: DataProvider): unknown {
  const out: Record<string, unknown> = { runs: p.listRuns() };
  for (const plugin of p.listPluginNames()) {
    for (const [run, tags] of p.listTags(plugin)) {
      for (const [tag, info] of tags) {
        const key = `${plugin} ${run} ${tag}`;
        const scalars = p.readScalars(plugin, run, tag, ALL);
        const tensors = scalars ? undefined : p.readTensors(plugin, run, tag, ALL);
        const blobs = scalars || tensors ? undefined : p.readBlobSequences(plugin, run, tag, ALL);
        out[key] = {
          info: { ...info, pluginContent: Array.from(info.pluginContent) },
          scalars: scalars && [Array.from(scalars.step), Array.from(scalars.wallTime), Array.from(scalars.value)],
          tensors: tensors?.map((t) => [t.step, t.wallTime, t.value.dtype, t.value.shape, Array.from(t.value.numbers), t.value.strings.map((s) => Array.from(s))]),
          blobs: blobs?.map((b) => [b.step, b.wallTime, b.blobs.map((x) => x.key)]),
        };
      }
    }
  }
  return out;
}

async function load(dir: string, ingest: IngestPool) {
  const mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0, ingest });
  await mux.reload();
  const result = { data: snapshot(mux.provider), status: mux.status() };
  await mux.close();
  return result;
}

const sortProblems = (ps: readonly { run: string; file: string; message: string }[]) => [...ps].sort((a, b) => `${a.run}/${a.file}/${a.message}`.localeCompare(`${b.run}/${b.file}/${b.message}`));

describe('ingest on worker threads', () => {
  const workers = new WorkerDecoders(WORKER, 2);
  const temp = mkdtempSync(path.join(os.tmpdir(), 'tb-ingest-workers-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it.each(['mnist-like', 'tf2-format', 'edge', 'projector', 'keras-checkpoint'])('reads corpus/%s exactly as the calling thread does', async (root) => {
    const inline = await load(path.join(CORPUS, root), new InlineDecoders());
    const threaded = await load(path.join(CORPUS, root), workers);
    expect(threaded.data).toEqual(inline.data);
    expect(threaded.status.eventsRead).toBe(inline.status.eventsRead);
    expect(threaded.status.recordsSkipped).toBe(inline.status.recordsSkipped);
    expect(sortProblems(threaded.status.problems)).toEqual(sortProblems(inline.status.problems));
  });

  it('a worker that dies part way makes its runs be read again, losing nothing', async () => {
    // The real worker, made to exit at its 5th message (a read or a chunk of bytes); its
    // replacements die alike, so runs are read again more than once.
    const dying = path.join(temp, 'dying-worker.mjs');
    writeFileSync(
      dying,
      `import ${JSON.stringify(WORKER.href)};\nimport { parentPort } from 'node:worker_threads';\nlet n = 0;\nparentPort.on('message', () => { if (++n === 5) process.exit(3); });\n`,
    );
    const pool = new WorkerDecoders(pathToFileURL(dying), 1);
    const inline = await load(path.join(CORPUS, 'mnist-like'), new InlineDecoders());
    const recovered = await load(path.join(CORPUS, 'mnist-like'), pool);
    expect(pool.restarts).toBeGreaterThan(2);
    expect(recovered.data).toEqual(inline.data);
  });
});

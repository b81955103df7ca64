/**
 * A bucket that training jobs write to while tb-core serves it. Object storage has no
 * append: one job re-uploads its growing event file after each flush (what fsspec and
 * tf.io do for s3://), another closes its file and starts new ones, and a new run appears.
 * Everything appended is served within the reload interval, and nothing is lost.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Running } from '@tb/core';
import { connectS3TestServer, type S3TestServer } from '@tb/s3-test-server';
import { SummaryWriter } from '@tb/writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveInProcess } from './support/in-process.js';

const RELOAD_S = 1;
/** The reload interval, plus the time a reload itself takes here (listing, reading, a loaded machine). */
const VISIBLE_WITHIN_MS = RELOAD_S * 1000 + 1500;

describe('a bucket written while it is served', () => {
  const local = mkdtempSync(path.join(os.tmpdir(), 'tb-s3-live-'));
  let s3: S3TestServer;
  let bucket: string;
  let server: Running;
  let savedEnv: NodeJS.ProcessEnv;
  let writer: SummaryWriter;

  /** Uploads every file the writers have under `run` (whole: a re-upload replaces the object). */
  const sync = async (run: string) => {
    for (const name of readdirSync(path.join(local, run))) await s3.putObject(bucket, `jobs/${run}/${name}`, readFileSync(path.join(local, run, name)));
  };
  const steps = async (run: string, tag: string): Promise<number[]> => {
    const res = await fetch(new URL(`data/plugin/scalars/scalars?run=${encodeURIComponent(run)}&tag=${encodeURIComponent(tag)}`, server.url));
    if (res.status !== 200) return [];
    return ((await res.json()) as [number, number, number][]).map(([, step]) => step);
  };
  /** Milliseconds until `run`/`tag` serves `want` steps; fails past `limitMs`. */
  const until = async (run: string, tag: string, want: number[], limitMs: number): Promise<number> => {
    const t0 = performance.now();
    for (;;) {
      const got = await steps(run, tag);
      if (JSON.stringify(got) === JSON.stringify(want)) return performance.now() - t0;
      if (performance.now() - t0 > limitMs) throw new Error(`${run}/${tag}: after ${limitMs} ms serves steps ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    s3 = await connectS3TestServer();
    bucket = await s3.createBucket();
    savedEnv = { ...process.env };
    Object.assign(process.env, s3.env());
    writer = new SummaryWriter(path.join(local, 'growing'));
    writer.addScalar('loss', 1, 0);
    await writer.flush();
    await sync('growing');
    server = await serveInProcess(['--logdir', `s3://${bucket}/jobs`, '--reload_interval', String(RELOAD_S)]);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    process.env = savedEnv;
    await s3?.stop();
    rmSync(local, { recursive: true, force: true });
  });

  it('serves each step a re-uploaded file gains within the reload interval', async () => {
    expect(await steps('growing', 'loss')).toEqual([0]);
    const lags: number[] = [];
    for (let step = 1; step <= 5; step++) {
      writer.addScalar('loss', 1 / (step + 1), step);
      await writer.flush();
      await sync('growing');
      lags.push(await until('growing', 'loss', Array.from({ length: step + 1 }, (_, i) => i), VISIBLE_WITHIN_MS));
    }
    await writer.close();
    expect(Math.max(...lags)).toBeLessThanOrEqual(VISIBLE_WITHIN_MS);
  });

  it('serves new files in a run, and a new run, within the reload interval', async () => {
    for (let part = 0; part < 3; part++) {
      // A job restarted from a checkpoint: a new event file, steps following on.
      const w = new SummaryWriter(path.join(local, 'restarted'), { filenameSuffix: `.part${part}` });
      for (let i = 0; i < 4; i++) w.addScalar('acc', 0.5 + part * 0.1 + i * 0.01, part * 4 + i);
      await w.close();
      await sync('restarted');
      await until('restarted', 'acc', Array.from({ length: (part + 1) * 4 }, (_, i) => i), VISIBLE_WITHIN_MS);
    }
    const runs = (await (await fetch(new URL('data/runs', server.url))).json()) as string[];
    expect(runs).toEqual(['growing', 'restarted']);
    expect(server.mux.status().problemCount).toBe(0);
    expect(server.mux.status().storage.failures).toBe(0);
  });
});

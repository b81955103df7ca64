/**
 * Log roots on object storage answer as on disk. Every log root of the corpus is uploaded
 * to a real S3-compatible server (s3rver, @tb/s3-test-server); for each, one tb-core
 * serves it from disk and two serve it from the bucket. Every request the real TensorBoard
 * (and torch-tb-profiler) was asked in reference/ is replayed on all three: the two
 * bucket servers answer byte for byte alike (stateless servers behind a load balancer),
 * and like the disk server, up to where each says its logs are.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Running } from '@tb/core';
import { referenceRequests, replayRequest, type ReferenceRequest } from '@tb/core/testing';
import { connectS3TestServer, type S3TestServer } from '@tb/s3-test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveInProcess } from './support/in-process.js';
import { CORPUS } from './support/server.js';

/** reference/<name> holds the answers for corpus/<log root>. */
const ROOTS = readdirSync(path.join(CORPUS, 'reference'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => ({ reference: d.name, root: d.name === 'profile-torch' ? 'profile' : d.name }));

let s3: S3TestServer;
let bucket: string;
let savedEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  s3 = await connectS3TestServer();
  bucket = await s3.createBucket();
  for (const root of new Set(ROOTS.map((r) => r.root))) await s3.uploadDir(path.join(CORPUS, root), bucket, `experiments/${root}/`);
  // The servers find the store the usual AWS way: the environment.
  savedEnv = { ...process.env };
  Object.assign(process.env, s3.env());
}, 120_000);

afterAll(async () => {
  process.env = savedEnv;
  await s3?.stop();
});

/** Whether the bucket's answer `a` is the disk's `d`, once each names its own location. */
function sameAsDisk(a: Buffer, d: Buffer, url: string, dir: string): boolean {
  return a.includes(url) ? a.toString().replaceAll(url, dir) === d.toString() : a.equals(d);
}

async function answer(server: Running, request: ReferenceRequest): Promise<{ status: number; type: string; body: Buffer }> {
  const { url, init } = replayRequest(request);
  const res = await fetch(new URL(url.replace(/^\//, ''), server.url), init);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: Buffer.from(await res.arrayBuffer()) };
}

describe.each(ROOTS)('reference/$reference served from a bucket', ({ reference, root }) => {
  const servers: Running[] = [];
  let disk: Running;
  let bucketA: Running;
  let bucketB: Running;
  let url: string;

  beforeAll(async () => {
    url = `s3://${bucket}/experiments/${root}`;
    disk = await serveInProcess(['--logdir', path.join(CORPUS, root), '--reload_interval', '0']);
    servers.push(disk);
    bucketA = await serveInProcess(['--logdir', url, '--reload_interval', '0']);
    servers.push(bucketA);
    bucketB = await serveInProcess(['--logdir', url, '--reload_interval', '0']);
    servers.push(bucketB);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('loads the same runs, with no problem and no failed request', () => {
    const status = bucketA.mux.status();
    expect(status.runsTotal).toBe(disk.mux.status().runsTotal);
    expect(status.eventsRead).toBe(disk.mux.status().eventsRead);
    // Runs load in parallel, so problems of different runs come in no set order.
    const byRun = (a: { run: string; file: string }, b: { run: string; file: string }) => `${a.run}/${a.file}`.localeCompare(`${b.run}/${b.file}`);
    expect(status.problems.slice().sort(byRun)).toEqual(
      disk.mux.status().problems.map((p) => ({ ...p, message: p.message.replaceAll(path.join(CORPUS, root), url) })).sort(byRun),
    );
    expect(status.storage.failures).toBe(0);
    // One LIST, and one ranged GET per event file that is not empty (each is under one 8 MB block).
    const nonEmpty = readdirSync(path.join(CORPUS, root), { recursive: true, withFileTypes: true }).filter(
      (d) => d.isFile() && d.name.includes('tfevents') && statSync(path.join(d.parentPath, d.name)).size > 0,
    );
    expect(status.storage.requests).toBe(1 + nonEmpty.length);
  });

  it('answers every recorded request as the disk server does, and both bucket servers alike', async () => {
    const requests = referenceRequests(reference);
    expect(requests.length).toBeGreaterThan(0);
    const differ: string[] = [];
    for (const request of requests) {
      const what = `${request.method} ${replayRequest(request).url}`;
      // A profile still being parsed answers "loading"; ask again until each server has it.
      let a, b, d;
      for (let attempt = 0; ; attempt++) {
        [d, a, b] = await Promise.all([answer(disk, request), answer(bucketA, request), answer(bucketB, request)]);
        if (a.body.equals(b.body) && sameAsDisk(a.body, d.body, url, path.join(CORPUS, root))) break;
        if (attempt === 20) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      if (a.status !== b.status || !a.body.equals(b.body) || a.type !== b.type) differ.push(`${what}: the two bucket servers differ`);
      if (a.status !== d.status || a.type !== d.type) differ.push(`${what}: status ${a.status} ${a.type} from the bucket, ${d.status} ${d.type} from disk`);
      else if (!sameAsDisk(a.body, d.body, url, path.join(CORPUS, root))) differ.push(`${what}: bodies differ`);
    }
    expect(differ).toEqual([]);
  }, 300_000);
});

#!/usr/bin/env node
// The S3 benchmark: how fast tb-core loads a log root from S3-compatible object storage
// (s3rver on loopback, in a child process) compared with the same root on local disk,
// in one process.
//
//   node bench/s3/run.mjs [--mb 1000] [--quick] [--keep]
//
// --mb     size of the generated root in MB (default 1000)
// --quick  a ~20 MB root: a smoke test for CI
// --keep   leave the temp directory (root + the server's copy) in place
//
// Order: generate -> upload (timed apart) -> disk -> S3 -> disk again. Exits 1 when the
// S3 load differs from the disk load (or from what was generated), 2 on any error.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startS3Server } from '@tb/s3-test-server';
import { positiveFlag } from '../support/args.mjs';
import { makeRoot } from './root.mjs';
import { measureLoad } from './measure.mjs';
import { compare, childPids } from './check.mjs';
import { printTable, toJson } from './report.mjs';

const KNOWN = ['--mb', '--quick', '--keep', '--help'];
/** The block size tb-core's S3 reader asks for (DEFAULT_READ_AHEAD.blockBytes). */
const BLOCK_BYTES = 8 << 20;

async function main() {
  const argv = process.argv.slice(2);
  for (const a of argv) {
    if (a.startsWith('--') && !KNOWN.includes(a)) throw new Error(`unknown flag ${a}; usage: node bench/s3/run.mjs [--mb N] [--quick] [--keep]`);
  }
  if (argv.includes('--help')) {
    console.log('usage: node bench/s3/run.mjs [--mb 1000] [--quick] [--keep]');
    return 0;
  }
  const quick = argv.includes('--quick');
  const keep = argv.includes('--keep');
  const mb = positiveFlag('mb', quick ? '20' : '1000');

  // The S3 test server's own SDK client (in this process) warns that later SDK releases
  // will need Node 22; tb-core silences the same warning for its client.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-bench-s3-'));
  const rootDir = path.join(tmp, 'root');
  const serverDir = path.join(tmp, 's3');
  fs.mkdirSync(serverDir);
  /** @type {import('@tb/s3-test-server').S3TestServer | undefined} */
  let server;
  const cleanUp = () => {
    if (keep) console.log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  };
  // Ctrl-C: the server child exits when our stdin pipe closes; remove the data.
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });

  try {
    // ---- generate ----------------------------------------------------------------
    const root = await makeRoot(rootDir, mb, () => undefined);
    console.log(`generated ${(root.eventBytes / 1e6).toFixed(1)} MB in ${root.files} event files, ${root.runs.size} runs ` +
      `(${root.sizes.scalars.runs} scalar-heavy + ${root.sizes.histograms.runs} histogram-heavy), ` +
      `${root.events.toLocaleString('en-US')} events, in ${root.seconds.toFixed(1)} s`);

    // ---- upload --------------------------------------------------------------------
    const pidsBefore = childPids();
    server = await startS3Server({ directory: serverDir });
    const serverPid = childPids().find((pid) => !pidsBefore.includes(pid));
    const bucket = await server.createBucket();
    const t0 = performance.now();
    const uploaded = await server.uploadDir(rootDir, bucket, 'root/');
    const upload = { seconds: (performance.now() - t0) / 1000, objects: uploaded.objects, bytes: uploaded.bytes };
    console.log(`uploaded ${upload.objects} objects, ${(upload.bytes / 1e6).toFixed(1)} MB to ${server.endpoint}/${bucket}/root/ ` +
      `in ${upload.seconds.toFixed(1)} s (${(upload.bytes / 1e6 / upload.seconds).toFixed(1)} MB/s; not part of any load figure)`);

    // ---- load --------------------------------------------------------------------
    const s3 = { endpoint: server.endpoint, forcePathStyle: true, region: server.region, credentials: server.credentials };
    console.log('loading: disk (page cache warm from generating), then S3, then disk again');
    const disk = await measureLoad('disk', { logdir: rootDir });
    const remote = await measureLoad('s3', { logdir: `s3://${bucket}/root`, s3 }, { serverPid });
    const disk2 = await measureLoad('disk again', { logdir: rootDir });

    // ---- check + report ------------------------------------------------------------
    const minGets = root.fileSizes.reduce((a, size) => a + Math.ceil(size / BLOCK_BYTES), 0);
    const errors = [...compare(disk, remote, root), ...compare(disk, disk2, root).map((e) => `disk again: ${e}`)];
    const phases = [disk, remote, disk2];
    printTable({ root, upload, phases, minGets, cpus: os.cpus().length });
    for (const e of errors.slice(0, 20)) console.log(`MISMATCH: ${e}`);
    if (errors.length > 20) console.log(`MISMATCH: ... and ${errors.length - 20} more`);
    console.log(errors.length === 0 ? 'correctness: OK (disk and S3 hold the same runs, tags and scalar series)' : `correctness: FAILED (${errors.length})`);
    console.log(JSON.stringify(toJson({ mb, quick, root, upload, phases, minGets, ok: errors.length === 0 })));
    return errors.length === 0 ? 0 : 1;
  } finally {
    await server?.stop();
    cleanUp();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.stack ?? err.message : err);
    process.exitCode = 2;
  },
);

// The benchmark's output: a table for people and one JSON line for scripts.

import * as os from 'node:os';

const MB = 1e6;

/** @param {number} n @param {number} [d] */
const fixed = (n, d = 1) => n.toFixed(d);
/** @param {number} n */
const int = (n) => Math.round(n).toLocaleString('en-US');

/**
 * The figures of one load.
 * @param {any} p a measureLoad result
 * @param {number} rootBytes event-file bytes in the root
 */
function figures(p, rootBytes) {
  const s = p.status;
  return {
    phase: p.name,
    seconds: Math.round(p.seconds * 1000) / 1000,
    mbPerSec: Math.round((rootBytes / MB / p.seconds) * 10) / 10,
    events: s.eventsRead,
    runs: s.runsLoaded,
    requests: s.storage.requests,
    retries: s.storage.retries,
    failures: s.storage.failures,
    bytesTransferred: s.storage.bytesRead,
    overhead: Math.round((s.storage.bytesRead / rootBytes) * 10000) / 10000,
    statusBytesRead: s.bytesRead,
    rssBeforeMB: Math.round(p.rssBefore / MB),
    peakRssMB: Math.round(p.peakRss / MB),
    cpuSeconds: Math.round(p.cpuSeconds * 100) / 100,
    serverCpuSeconds: p.serverCpuSeconds === null ? null : Math.round(p.serverCpuSeconds * 100) / 100,
    serverPeakRssMB: p.serverPeakRss === null ? null : Math.round(p.serverPeakRss / MB),
  };
}

/**
 * @param {{ root: any, upload: { seconds: number, objects: number, bytes: number }, phases: any[], minGets: number, cpus: number }} r
 */
export function printTable(r) {
  const rows = [['', 'seconds', 'MB/s', 'events', 'runs', 'requests', 'bytes moved', 'overhead', 'peak RSS', 'CPU s']];
  for (const p of r.phases) {
    const f = figures(p, r.root.eventBytes);
    const cpu = f.serverCpuSeconds === null ? fixed(f.cpuSeconds) : `${fixed(f.cpuSeconds)} + server ${fixed(f.serverCpuSeconds)}`;
    const rss = f.serverPeakRssMB === null ? `${f.peakRssMB} MB` : `${f.peakRssMB} MB + server ${f.serverPeakRssMB} MB`;
    rows.push([f.phase, fixed(f.seconds, 2), fixed(f.mbPerSec), int(f.events), String(f.runs), int(f.requests),
      `${fixed(f.bytesTransferred / MB)} MB`, `${fixed(f.overhead, 4)}x`, rss, cpu]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  console.log('');
  console.log(`root: ${fixed(r.root.eventBytes / MB)} MB of event files; upload ${fixed(r.upload.seconds)} s ` +
    `(${fixed(r.upload.bytes / MB / r.upload.seconds)} MB/s, not counted below); ${r.cpus} CPUs shared with the S3 server`);
  for (const row of rows) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  console.log(`requests: on disk the store's listings and reads; on S3 its LIST, HEAD and ranged GET requests ` +
    `(one GET per 8 MiB block of each file would be ${int(r.minGets)} GETs). overhead = bytes moved / bytes in the root.`);
  console.log('order bias: disk runs first with the page cache warm from generating; "disk again" runs last with the JIT warm too.');
  console.log('peak RSS: this process (sampled every 50 ms, after a GC before each load); later loads start ' +
    'from the RSS V8 kept after the earlier ones (rssBeforeMB in the JSON), so only the first figure is clean. The S3 server is a separate process.');
}

/**
 * All figures as one object.
 * @param {{ mb: number, quick: boolean, root: any, upload: any, phases: any[], minGets: number, ok: boolean }} r
 */
export function toJson(r) {
  return {
    bench: 's3',
    mb: r.mb,
    quick: r.quick,
    node: process.version,
    cpus: os.cpus().length,
    root: {
      eventBytes: r.root.eventBytes,
      files: r.root.files,
      runs: r.root.runs.size,
      events: r.root.events,
      sizes: r.root.sizes,
      generateSeconds: Math.round(r.root.seconds * 100) / 100,
    },
    upload: { seconds: Math.round(r.upload.seconds * 100) / 100, objects: r.upload.objects, bytes: r.upload.bytes },
    minGets: r.minGets,
    phases: r.phases.map((p) => figures(p, r.root.eventBytes)),
    ok: r.ok,
  };
}

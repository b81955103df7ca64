// One measured load of a log root through LogRootMultiplexer, and what it loaded
// summed up per series so that two loads (disk, S3) can be compared.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { LogRootMultiplexer } from '@tb/core/events';

const RSS_SAMPLE_MS = 50;
/** Large enough that readScalars returns every point (downsample 0 returns none). */
const ALL_POINTS = Number.MAX_SAFE_INTEGER;

// A full garbage collection between phases, so that one phase's garbage does not
// count in the next one's RSS. Node hides gc() unless started with --expose-gc.
v8.setFlagsFromString('--expose-gc');
const gc = /** @type {() => void} */ (vm.runInNewContext('gc'));

async function settle() {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere.
 * @param {number} pid
 */
export function cpuSecondsOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 Hz on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Resident memory of a process in bytes, from /proc (Linux); null elsewhere.
 * @param {number} pid
 */
function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Loads `options.logdir` once, fully, and measures it.
 * @param {string} name the phase's name in the report
 * @param {import('@tb/core/events').MultiplexerOptions} options
 * @param {{ serverPid?: number }} [o] the S3 server's process, to measure it too
 */
export async function measureLoad(name, options, o = {}) {
  await settle();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  let serverPeakRss = 0;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (o.serverPid) serverPeakRss = Math.max(serverPeakRss, rssOf(o.serverPid) ?? 0);
  };
  const timer = setInterval(sample, RSS_SAMPLE_MS);
  const cpu0 = process.cpuUsage();
  const serverCpu0 = o.serverPid ? cpuSecondsOf(o.serverPid) : null;

  const t0 = performance.now();
  const mux = new LogRootMultiplexer({ reloadInterval: 0, watch: false, ...options });
  try {
    await mux.reload();
    const seconds = (performance.now() - t0) / 1000;
    sample();
    clearInterval(timer);
    const cpu = process.cpuUsage(cpu0);
    const serverCpu1 = o.serverPid ? cpuSecondsOf(o.serverPid) : null;
    const status = mux.status();
    const contents = summarize(mux.provider);
    return {
      name,
      seconds,
      status,
      contents,
      rssBefore,
      peakRss,
      serverPeakRss: serverPeakRss || null,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      serverCpuSeconds: serverCpu0 !== null && serverCpu1 !== null ? serverCpu1 - serverCpu0 : null,
    };
  } finally {
    clearInterval(timer);
    await mux.close();
  }
}

/**
 * What the provider holds: the runs, per run its scalar and histogram tags, and per
 * scalar series its point count and a hash of its steps, wall times and values.
 * @param {import('@tb/core/events').DataProvider} provider
 */
function summarize(provider) {
  const runs = provider.listRuns().map((r) => r.name).sort();
  /** @type {Map<string, { count: number, hash: string }>} key `run\ttag` */
  const scalars = new Map();
  for (const [run, tags] of provider.listTags('scalars')) {
    for (const tag of tags.keys()) {
      const series = provider.readScalars('scalars', run, tag, { downsample: ALL_POINTS });
      if (!series) continue;
      const hash = createHash('sha1');
      for (const column of [series.step, series.wallTime, series.value]) {
        hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
      }
      scalars.set(`${run}\t${tag}`, { count: series.step.length, hash: hash.digest('hex') });
    }
  }
  /** @type {Set<string>} key `run\ttag` */
  const histogramTags = new Set();
  for (const [run, tags] of provider.listTags('histograms')) {
    for (const tag of tags.keys()) histogramTags.add(`${run}\t${tag}`);
  }
  return { runs, scalars, histogramTags };
}

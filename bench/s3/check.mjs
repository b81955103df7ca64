// Correctness: two loads of the same root must hold the same data, and that data must
// be what the generator wrote. Also: finding the S3 server's process (for its CPU/RSS).

import * as fs from 'node:fs';

/**
 * Differences between load `a` (the reference, from disk) and load `b`, and between
 * `a` and what was generated. Empty when all agree.
 * @param {{ name: string, status: any, contents: { runs: string[], scalars: Map<string, { count: number, hash: string }>, histogramTags: Set<string> } }} a
 * @param {typeof a} b
 * @param {{ runs: Map<string, { scalarTags: string[], histogramTags: string[], steps: number }>, events: number }} root
 * @returns {string[]}
 */
export function compare(a, b, root) {
  /** @type {string[]} */
  const errors = [];
  // Each load on its own: fully loaded, no problems, every event read.
  for (const load of [a, b]) {
    const s = load.status;
    if (s.state !== 'idle') errors.push(`${load.name}: state ${s.state} after reload()`);
    if (s.runsLoaded !== root.runs.size || s.runsTotal !== root.runs.size) {
      errors.push(`${load.name}: runsLoaded ${s.runsLoaded} / runsTotal ${s.runsTotal}, generated ${root.runs.size}`);
    }
    if (s.problemCount > 0) errors.push(`${load.name}: ${s.problemCount} problems, first ${JSON.stringify(s.problems[0])}`);
    if (s.eventsRead !== root.events) errors.push(`${load.name}: eventsRead ${s.eventsRead}, generated ${root.events}`);
    if (s.storage.failures > 0) errors.push(`${load.name}: ${s.storage.failures} failed requests, last: ${s.storage.lastError?.message}`);
  }
  // The reference against the generator: every run, tag and point is there.
  const want = [...root.runs.keys()].sort();
  if (a.contents.runs.join('\n') !== want.join('\n')) {
    errors.push(`${a.name}: runs ${JSON.stringify(a.contents.runs.slice(0, 5))}..., generated ${JSON.stringify(want.slice(0, 5))}...`);
  }
  for (const [run, r] of root.runs) {
    for (const tag of r.scalarTags) {
      const got = a.contents.scalars.get(`${run}\t${tag}`);
      if (got?.count !== r.steps) errors.push(`${a.name}: ${run} ${tag}: ${got?.count ?? 'no'} points, generated ${r.steps}`);
    }
    for (const tag of r.histogramTags) {
      if (!a.contents.histogramTags.has(`${run}\t${tag}`)) errors.push(`${a.name}: histogram tag ${run} ${tag} missing`);
    }
  }
  // The other load against the reference.
  if (a.contents.runs.join('\n') !== b.contents.runs.join('\n')) {
    errors.push(`runs differ: ${a.name} has ${a.contents.runs.length}, ${b.name} has ${b.contents.runs.length}`);
  }
  for (const [key, x] of a.contents.scalars) {
    const y = b.contents.scalars.get(key);
    const where = key.replace('\t', ' ');
    if (!y) errors.push(`${b.name} lacks scalar series ${where}`);
    else if (y.count !== x.count) errors.push(`${where}: ${x.count} points on ${a.name}, ${y.count} on ${b.name}`);
    else if (y.hash !== x.hash) errors.push(`${where}: same count, different steps/wall times/values on ${b.name}`);
  }
  for (const key of b.contents.scalars.keys()) {
    if (!a.contents.scalars.has(key)) errors.push(`${b.name} has extra scalar series ${key.replace('\t', ' ')}`);
  }
  const ha = [...a.contents.histogramTags].sort().join('\n');
  const hb = [...b.contents.histogramTags].sort().join('\n');
  if (ha !== hb) errors.push(`histogram tags differ: ${a.contents.histogramTags.size} on ${a.name}, ${b.contents.histogramTags.size} on ${b.name}`);
  return errors;
}

/** Ids of this process's child processes (Linux /proc; [] elsewhere). */
export function childPids() {
  /** @type {number[]} */
  const pids = [];
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/**
 * Test support: the real Kineto traces of the corpus and torch-tb-profiler's recorded
 * answers.
 */
import { readdirSync } from 'node:fs';
import { corpusPath, referenceJson, referenceRequests, type ReferenceRequest } from '@tb/core/testing';
import { readTraceFileSync } from '../trace/read-sync.js';
import { buildModel } from '../model/build.js';
import type { ProfileModel } from '../model/types.js';

/** The two Kineto runs of the corpus. */
export const KINETO_RUNS = ['resnet50_num_workers_0', 'resnet50_num_workers_4'] as const;

const models = new Map<string, ProfileModel>();

/** The model of a corpus run's trace (built once per test file). */
export function corpusModel(root: 'profile-kineto' | 'profile', run: string, index = 0): ProfileModel {
  const key = `${root}/${run}/${index}`;
  let m = models.get(key);
  if (!m) {
    const dir = corpusPath(root, run);
    const file = readdirSync(dir).filter((f) => f.includes('.pt.trace.json')).sort()[index];
    if (!file) throw new Error(`no trace ${index} in ${dir}`);
    m = buildModel(readTraceFileSync(`${dir}/${file}`));
    models.set(key, m);
  }
  return m;
}

/** The value of query key `key` in a recorded request. */
export function queryValue(r: ReferenceRequest, key: string): string | undefined {
  return r.query.find(([k]) => k === key)?.[1];
}

/** The recorded requests of the Kineto corpus under `path` (exact path). */
export function kinetoRequests(path: string): ReferenceRequest[] {
  return referenceRequests('profile-kineto', path).filter((r) => r.path === path);
}

/** A recorded answer of the Kineto corpus, parsed as JSON. */
export function kinetoAnswer(r: ReferenceRequest): unknown {
  return referenceJson('profile-kineto', r);
}

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LogFile } from '@tb/core/plugin';
import { corpusPath, referenceJson, referenceRequests } from '@tb/core/testing';
import { describe, expect, it } from 'vitest';
import { discoverProfiles, findProfile, PROFILE_FILES, type ProfileListing } from './discover.js';

/** What listFiles(PROFILE_FILES) would answer for a corpus log root. */
function listFiles(root: string): LogFile[] {
  const out: LogFile[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (PROFILE_FILES.test(path)) {
        const st = statSync(join(root, path));
        out.push({ path, size: st.size, mtime: st.mtimeMs / 1000 });
      }
    }
  };
  walk('');
  return out;
}

const files = (...paths: string[]): LogFile[] => paths.map((path, i) => ({ path, size: 100 + i, mtime: 1000 + i }));
const spanNames = (l: ProfileListing, run: string, worker: string) =>
  l.runs.find((r) => r.name === run)?.workers.find((w) => w.name === worker)?.spans.map((s) => s.span);

describe('discoverProfiles on the corpus', () => {
  it('finds the Kineto runs, workers and spans torch-tb-profiler answered', () => {
    const listing = discoverProfiles(listFiles(corpusPath('profile-kineto')));
    const runs = referenceJson('profile-kineto', referenceRequests('profile-kineto', '/data/plugin/pytorch_profiler/runs')[0]!) as { runs: string[] };
    expect(listing.runs.map((r) => r.name)).toEqual(runs.runs);
    for (const req of referenceRequests('profile-kineto', '/data/plugin/pytorch_profiler/spans')) {
      const q = Object.fromEntries(req.query);
      expect(spanNames(listing, q.run!, q.worker!)).toEqual(referenceJson('profile-kineto', req));
    }
    const p = findProfile(listing, { run: 'resnet50_num_workers_0', worker: 'worker0', span: '1' })!;
    expect(p.path).toBe('resnet50_num_workers_0/worker0.1623143089861.pt.trace.json.gz');
    expect(p.kind).toBe('kineto-json');
    expect(p.size).toBe(statSync(corpusPath('profile-kineto', p.path)).size);
  });

  it('numbers two timestamped files of one worker as spans 1 and 2, in timestamp order', () => {
    const listing = discoverProfiles(listFiles(corpusPath('profile')));
    expect(listing.runs.map((r) => r.name)).toEqual(['mlp_100', 'mlp_32']);
    const w = listing.runs[0]!.workers;
    expect(w.map((x) => x.name)).toEqual(['worker0']);
    expect(w[0]!.spans.map((s) => [s.span, s.path])).toEqual([
      ['1', 'mlp_100/worker0.1795464395771.pt.trace.json'],
      ['2', 'mlp_100/worker0.1795464395782.pt.trace.json'],
    ]);
  });

  it('finds the XSpace under plugins/profile/<session>', () => {
    const listing = discoverProfiles(listFiles(corpusPath('profile-xplane')));
    expect(listing.runs).toHaveLength(1);
    const [run] = listing.runs;
    expect(run!.name).toBe('tpu_inference');
    expect(run!.workers.map((w) => w.name)).toEqual(['host0']);
    const span = run!.workers[0]!.spans[0]!;
    expect([span.run, span.worker, span.span]).toEqual(['tpu_inference', 'host0', '2026_01_01_00_00_00']);
    expect(span.kind).toBe('xspace');
    expect(span.path).toBe('tpu_inference/plugins/profile/2026_01_01_00_00_00/host0.xplane.pb');
  });
});

describe('discoverProfiles naming rules', () => {
  it('takes the shortest worker name and sorts timestamps as strings, as torch-tb-profiler does', () => {
    const l = discoverProfiles(files('r/a.b.123.pt.trace.json', 'r/a.b.99.pt.trace.json.gz', 'r/a.b.pt.trace.json', 'r/host.10.0.0.1.pt.trace.json'));
    expect(l.runs[0]!.workers.map((w) => w.name)).toEqual(['a.b', 'host.10.0.0']);
    // "123" < "99" as strings: 123 is span 1; the file without a timestamp is "default".
    expect(spanNames(l, 'r', 'a.b')).toEqual(['1', '2', 'default']);
    expect(findProfile(l, { run: 'r', worker: 'a.b', span: '2' })!.path).toBe('r/a.b.99.pt.trace.json.gz');
    expect(spanNames(l, 'r', 'host.10.0.0')).toEqual(['1']);
  });

  it('names runs by their relative directory, root files by rootName', () => {
    const paths = ['deep/er/run/w.1.pt.trace.json', 'w.5.pt.trace.json', 'run/w.pt.trace.json.gz'];
    expect(discoverProfiles(files(...paths)).runs.map((r) => r.name)).toEqual(['.', 'deep/er/run', 'run']);
    expect(discoverProfiles(files(...paths), { rootName: 'logs' }).runs.map((r) => r.name)).toEqual(['deep/er/run', 'logs', 'run']);
  });

  it('sorts runs by code point (upper case first) and span numbers per worker', () => {
    const l = discoverProfiles(files('b/w1.2.pt.trace.json', 'B/w1.1.pt.trace.json', 'b/w0.7.pt.trace.json', 'b/w1.10.pt.trace.json'));
    expect(l.runs.map((r) => r.name)).toEqual(['B', 'b']);
    expect(spanNames(l, 'b', 'w1')).toEqual(['1', '2']);
    expect(findProfile(l, { run: 'b', worker: 'w1', span: '1' })!.path).toBe('b/w1.10.pt.trace.json');
    expect(spanNames(l, 'b', 'w0')).toEqual(['1']);
  });

  it('keeps one file per span when .json and .json.gz share a timestamp', () => {
    const l = discoverProfiles(files('r/w.5.pt.trace.json', 'r/w.5.pt.trace.json.gz'));
    expect(spanNames(l, 'r', 'w')).toEqual(['1']);
    expect(findProfile(l, { run: 'r', worker: 'w', span: '1' })!.path).toBe('r/w.5.pt.trace.json.gz');
  });

  it('pairs a TF trace.json.gz with its XSpace and keeps a lone one as JSON', () => {
    const l = discoverProfiles(
      files(
        'tf/plugins/profile/s1/h.xplane.pb',
        'tf/plugins/profile/s1/h.trace.json.gz',
        'tf/plugins/profile/s0/h.trace.json.gz',
        'plugins/profile/s2/g.xplane.pb',
        'tf/xplugins/profile/s3/h.xplane.pb',
        'tf/plugins/profile/s1/h.memory_profile.json.gz',
      ),
    );
    expect(l.runs.map((r) => r.name)).toEqual(['.', 'tf']);
    const tf = l.runs[1]!.workers[0]!.spans;
    expect(tf.map((s) => [s.span, s.kind, s.path, s.tracePath])).toEqual([
      ['s0', 'kineto-json', 'tf/plugins/profile/s0/h.trace.json.gz', undefined],
      ['s1', 'xspace', 'tf/plugins/profile/s1/h.xplane.pb', 'tf/plugins/profile/s1/h.trace.json.gz'],
    ]);
  });

  it('ignores files that are not profiles', () => {
    const paths = ['r/w.pt.trace.jsonx', 'r/w.trace.json', 'r/events.out.tfevents.1', 'r/w.pt.trace.json.gz.tmp'];
    expect(paths.filter((p) => PROFILE_FILES.test(p))).toEqual([]);
    expect(discoverProfiles(files(...paths)).runs).toEqual([]);
  });
});

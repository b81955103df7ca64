/**
 * Every route against torch-tb-profiler 0.4.3's recorded answers on the corpus: the
 * Kineto ResNet-50 pair (profile-kineto) and the old autograd traces (profile, which
 * torch-tb-profiler cannot read: there it lists the runs and answers 404s, where we
 * answer more; see the deviations below). Same statuses, same JSON structure, keys and
 * strings, figures within 1%.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedLogRoot, type ReferenceRequest, type TestApp, corpusPath, hostPlugin, loadLogRoot, referenceJson, referenceRequests } from '@tb/core/testing';
import plugin from './index.js';
import { approxDiff } from './testing/approx.js';
import { kernelTiesByName } from './testing/ties.js';

const PREFIX = '/data/plugin/pytorch_profiler/';
const url = (r: ReferenceRequest) => `${r.path}?${new URLSearchParams(r.query.map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
const routeOf = (r: ReferenceRequest) => r.path.slice(PREFIX.length);

/**
 * Where we answer differently on purpose. torch-tb-profiler answers a missing span with a
 * 404 ("could not find the profile for .../None") and an unknown op_name with a 500 (a
 * crash): we answer 400 naming the missing field, and 404 naming the op.
 */
function expectedStatus(r: ReferenceRequest): number {
  const q = new Map(r.query);
  if (r.status === 404 && !q.has('span') && q.has('worker')) return 400;
  if (r.status === 500 && routeOf(r) === 'operation/stack') return 404;
  return r.status;
}

/** Routes whose bodies we compare here (index.js is torch's page; `trace` is the raw file, checked below). */
const COMPARED = (r: ReferenceRequest) => r.status === 200 && !['index.js', 'trace'].includes(routeOf(r));

describe.each(['profile-kineto', 'profile-torch'])('against torch-tb-profiler on %s', (refRoot) => {
  const logRoot = refRoot === 'profile-torch' ? 'profile' : refRoot;
  let mux: LoadedLogRoot;
  let app: TestApp;
  const requests = referenceRequests(refRoot, PREFIX).filter((r) => routeOf(r) !== 'index.js');

  beforeAll(async () => {
    mux = await loadLogRoot(corpusPath(logRoot));
    app = hostPlugin(plugin, mux.provider);
  });
  afterAll(() => mux.close());

  // On the autograd traces torch-tb-profiler only lists the runs (its views, workers and
  // spans come back empty, the rest 404): that listing must agree; what we show of those
  // runs is checked in server.test.ts.
  const compared = refRoot === 'profile-torch' ? requests.filter((r) => routeOf(r) === 'runs') : requests;
  it.each(compared.map((r) => [url(r), r] as const))('%s', async (_, r) => {
    const res = await app.request(url(r));
    expect(res.status, await res.clone().text().then((t) => t.slice(0, 300))).toBe(expectedStatus(r));
    if (!COMPARED(r)) return;
    const ours = kernelTiesByName(routeOf(r), (await res.json()) as unknown);
    // Tooltips and recommendations are prose: ours are written here, not copied (the
    // recommendations' figures and links are checked in views/overview/overview.test.ts).
    expect(approxDiff(ours, kernelTiesByName(routeOf(r), referenceJson(refRoot, r)), { ignoreKeys: ['tooltip', 'tooltips', 'recommendations'] })).toEqual([]);
  });
});

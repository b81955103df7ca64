/**
 * The routes against the real TensorBoard's recorded answers for the same log roots
 * (test/corpus/reference/<root>/). TensorBoard kept at most 1000 points per series
 * by sampling; we keep all, so a series it kept in full must be equal (JSON: byte for
 * byte; CSV: byte for byte), and a sampled one must be a subset of ours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedLogRoot, type ReferenceRequest, type TestApp, corpusPath, hostPlugin, loadLogRoot, referenceRequests, referenceText, replay } from '@tb/core/testing';
import plugin from './index.js';

type Point = [number, number, number | string];

/** TensorBoard's default sample limit for scalars. */
const TB_LIMIT = 1000;
/** Edge runs where we recover more records than TensorBoard: its points are a subset of ours. */
const WE_RECOVER_MORE = new Set(['bad_data_crc', 'bad_length_crc']);
/** A restart without SessionLog: we purge the old steps TensorBoard keeps, so ours are a subset of its. */
const WE_PURGE = new Set(['restart']);

function expectSeriesMatches(run: string, ours: Point[], theirs: Point[]): void {
  if (WE_PURGE.has(run)) expectSubset(theirs, ours, run);
  else if (theirs.length < TB_LIMIT && !WE_RECOVER_MORE.has(run)) expect(ours, run).toEqual(theirs);
  else expectSubset(ours, theirs, run);
}

/** Every point of `small` is in `big`, with the same value (points keyed by wall time and step). */
function expectSubset(big: Point[], small: Point[], what: string): void {
  const values = new Map<string, (number | string)[]>();
  for (const [w, s, v] of big) values.set(`${w}|${s}`, [...(values.get(`${w}|${s}`) ?? []), v]);
  for (const [w, s, v] of small) expect(values.get(`${w}|${s}`), `${what}: point at step ${s}, wall time ${w}`).toContainEqual(v);
  expect(big.length, what).toBeGreaterThanOrEqual(small.length);
}

describe.each(['mnist-like', 'tf2-format', 'edge'])('against TensorBoard on %s', (root) => {
  let mux: LoadedLogRoot;
  let app: TestApp;
  const requests = referenceRequests(root, '/data/plugin/scalars/');
  const kind = (r: ReferenceRequest) => r.path.slice('/data/plugin/scalars/'.length);
  const isCsv = (r: ReferenceRequest) => r.query.some(([k, v]) => k === 'format' && v === 'csv');
  const runOf = (r: ReferenceRequest) => r.query.find(([k]) => k === 'run')?.[1] ?? '';

  beforeAll(async () => {
    mux = await loadLogRoot(corpusPath(root));
    app = hostPlugin(plugin, mux.provider);
  });
  afterAll(() => mux.close());

  it('has recorded requests to compare with', () => {
    expect(requests.filter((r) => kind(r) === 'scalars').length).toBeGreaterThan(5);
    expect(requests.filter((r) => kind(r) === 'scalars_multirun').length).toBeGreaterThan(0);
  });

  it('lists the same tags', async () => {
    const [request] = requests.filter((r) => kind(r) === 'tags');
    const res = await replay(app, request!);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(referenceText(root, request!)));
  });

  it('answers every scalars request with the same points; series kept in full byte for byte', async () => {
    let byteEqual = 0;
    for (const request of requests.filter((r) => kind(r) === 'scalars' && !isCsv(r))) {
      const res = await replay(app, request);
      const run = runOf(request);
      expect(res.status, request.file).toBe(200);
      expect(res.headers.get('content-type'), request.file).toBe('application/json');
      const text = await res.text();
      const theirs = referenceText(root, request);
      const theirPoints = JSON.parse(theirs) as Point[];
      expectSeriesMatches(run, JSON.parse(text) as Point[], theirPoints);
      // Steps past 2^53 (edge's odd_steps) are not float64s: equal as parsed, not as text.
      const exactSteps = theirPoints.every(([, step]) => Number.isSafeInteger(step));
      if (theirPoints.length < TB_LIMIT && exactSteps && !WE_RECOVER_MORE.has(run) && !WE_PURGE.has(run)) {
        expect(text, request.file).toBe(theirs);
        byteEqual++;
      }
    }
    expect(byteEqual).toBeGreaterThan(5);
  });

  it('answers the CSV downloads as TensorBoard does', async () => {
    const csvRequests = requests.filter((r) => kind(r) === 'scalars' && isCsv(r));
    expect(csvRequests.length).toBeGreaterThan(0);
    for (const request of csvRequests) {
      const res = await replay(app, request);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(request.content_type);
      const ours = await res.text();
      const theirs = referenceText(root, request);
      const theirLines = theirs.split('\r\n');
      if (theirLines.length - 2 < TB_LIMIT) {
        expect(ours, request.file).toBe(theirs);
      } else {
        const ourLines = new Set(ours.split('\r\n'));
        expect(theirLines.filter((l) => !ourLines.has(l)), request.file).toEqual([]);
        expect(ourLines.size).toBeGreaterThan(theirLines.length);
      }
    }
  });

  it('answers every scalars_multirun form with the same runs and points', async () => {
    for (const request of requests.filter((r) => kind(r) === 'scalars_multirun')) {
      const res = await replay(app, request);
      expect(res.status, request.file).toBe(200);
      const ours = (await res.json()) as Record<string, Point[]>;
      const theirs = JSON.parse(referenceText(root, request)) as Record<string, Point[]>;
      expect(Object.keys(ours).sort(), request.file).toEqual(Object.keys(theirs).sort());
      for (const [run, points] of Object.entries(theirs)) expectSeriesMatches(run, ours[run]!, points);
    }
  });
});

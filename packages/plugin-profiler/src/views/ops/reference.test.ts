import { describe, expect, it } from 'vitest';
import { corpusModel, KINETO_RUNS, kinetoAnswer, kinetoRequests, queryValue } from '../../testing/corpus.js';
import type { ReferenceRequest } from '@tb/core/testing';
import { buildOpsProfile } from './build.js';
import { approxDiff } from '../../testing/approx.js';
import { kernelTiesByName } from '../../testing/ties.js';
import { diff, diffNode } from './diff.js';
import { kernelPie, kernelTable, tensorCorePie } from './kernel.js';
import { moduleView } from './module.js';
import { operationPie, operationStack, operationTable } from './operation.js';
import { opTree } from './tree.js';
import type { OpsProfile } from './types.js';

const P = '/data/plugin/pytorch_profiler';

const isSortedDesc = (xs: readonly number[]): boolean => xs.every((x, i) => i === 0 || xs[i - 1]! >= x);

const profiles = new Map<string, OpsProfile>();
const profileOf = (run: string): OpsProfile => {
  let p = profiles.get(run);
  if (!p) profiles.set(run, (p = buildOpsProfile(corpusModel('profile-kineto', run))));
  return p;
};
const ofRun = (path: string, run: string): ReferenceRequest[] => kinetoRequests(`${P}${path}`).filter((r) => queryValue(r, 'run') === run);

// Every number matches exactly (the brief allows 1%; these integer-µs traces need no tolerance).
describe.each(KINETO_RUNS)("ops views equal torch-tb-profiler's answers for %s", (run) => {
  const p = profileOf(run);
  const check = (path: string, answer: (r: ReferenceRequest) => unknown, min = 1, canon: (a: unknown) => unknown = (a) => a) => {
    const reqs = ofRun(path, run);
    expect(reqs.length).toBeGreaterThanOrEqual(min);
    for (const r of reqs) {
      const got = answer(r);
      if (r.status === 200) expect(approxDiff(canon(got), canon(kinetoAnswer(r)), { rel: 1e-9, abs: 0, ignoreKeys: ['tooltip', 'tooltips'] }), r.file).toEqual([]);
      else expect(got, r.file).toBeUndefined();
    }
    return reqs.length;
  };

  it('operation (pies)', () => {
    expect(check('/operation', (r) => operationPie(p, queryValue(r, 'group_by')), 2)).toBe(2);
  });
  it('operation/table', () => {
    check('/operation/table', (r) => operationTable(p, queryValue(r, 'group_by')), 2);
  });
  it('operation/stack: every recorded request (an unknown op is undefined)', () => {
    const n = check('/operation/stack', (r) => {
      const op = queryValue(r, 'op_name');
      return op === undefined ? undefined : operationStack(p, queryValue(r, 'group_by'), op, queryValue(r, 'input_shape'));
    }, 40);
    expect(n).toBeGreaterThan(400);
  });
  it('kernel (pie), kernel/table, kernel/tc_pie', () => {
    // pandas sorts kernels by total time with an unstable sort: rows of equal total may come in any order.
    const pie = kernelPie(p)!;
    expect(isSortedDesc(pie.total.rows.map((r) => r[1]))).toBe(true);
    check('/kernel', () => pie, 2, (a) => kernelTiesByName('kernel', a));
    check('/kernel/table', (r) => kernelTable(p, queryValue(r, 'group_by')), 3, (a) => kernelTiesByName('kernel/table', a));
    check('/kernel/tc_pie', () => tensorCorePie(p));
  });
  it('tree', () => {
    check('/tree', () => opTree(p));
  });
  it('module: none in these traces (404)', () => {
    const reqs = ofRun('/module', run);
    expect(reqs.map((r) => r.status)).toEqual([404]);
    expect(moduleView(p)).toBeUndefined();
  });
  it('diff and every diffnode against the other run', () => {
    const other = KINETO_RUNS.find((r) => r !== run)!;
    const q = profileOf(other);
    check('/diff', (r) => (queryValue(r, 'exp_run') === other ? diff(p, q) : undefined));
    const n = check('/diffnode', (r) => diffNode(p, q, queryValue(r, 'path')), 13);
    expect(n).toBe(14);
  });
});

// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiffNode } from './api.js';
import { diffRows } from './diff-rows.js';
import { $, $$, choose, click, mount, openView, overviewOf, q, referenceAnswer, RUN0, RUN4, server, setUp, tableRows, tearDown } from './harness.js';

beforeEach(setUp);
afterEach(tearDown);

const exp = (run: string) => `exp_run=${run}&exp_worker=worker0&exp_span=1`;

describe('Diff view', () => {
  it('compares the current run with another: both runs, their step times and deltas', async () => {
    await mount();
    await openView('Diff');
    expect($<HTMLSelectElement>('base-run')!.value).toBe(RUN0);
    expect($<HTMLSelectElement>('exp-run')!.value).toBe(RUN4);
    const [b, e] = [overviewOf(RUN0).performance[0]!, overviewOf(RUN4).performance[0]!];
    const total = $('compare-table')!.querySelector('[data-category="total"]')!.querySelectorAll('td');
    expect(total[0]!.textContent).toBe(`${b.value.toLocaleString('en-US')} µs`);
    expect(total[1]!.textContent).toBe(`${e.value.toLocaleString('en-US')} µs`);
    const dl = (o: typeof b) => o.children.find((c) => c.name === 'DataLoader')!.value;
    const delta = $('compare-table')!.querySelector('[data-category="dataLoader"]')!.querySelectorAll('td')[2]!.textContent!;
    expect(Number(delta.replace(/[+,]/g, '').replace('−', '-'))).toBe(dl(e) - dl(b));
    expect($('compare-bar-Baseline')).not.toBeNull();
    expect($('compare-bar-Experiment')).not.toBeNull();
  });

  it('lists the operator tree children and drills into one with diffnode?path=', async () => {
    await mount();
    await openView('Diff');
    const root = referenceAnswer(`diff?${q(RUN0)}&${exp(RUN4)}`) as DiffNode;
    expect(server.routes).toContain(`diff?${q(RUN0)}&${exp(RUN4)}`);
    const items = $$('[data-testid="diff-children"] button');
    expect(items).toHaveLength(root.children!.length);
    expect($('diff-table-count')!.textContent).toBe(`${diffRows(root).length} rows`);
    await click(items[3]);
    expect(server.routes).toContain(`diffnode?${q(RUN0)}&${exp(RUN4)}&path=0-3`);
    const node = referenceAnswer(`diffnode?${q(RUN0)}&${exp(RUN4)}&path=0-3`) as DiffNode;
    expect(tableRows('diff-table').map((r) => r.dataset.row).sort()).toEqual(diffRows(node).map((r) => r.name).sort());
    await click($('diff-tree')!.querySelector('nav button'));
    expect($$('[data-testid="diff-children"] button')).toHaveLength(root.children!.length);
  });

  it('swapping the runs asks the reverse comparison', async () => {
    await mount();
    await openView('Diff');
    await choose('base-run', RUN4);
    await choose('exp-run', RUN0);
    expect(server.routes).toContain(`diff?${q(RUN4)}&${exp(RUN0)}`);
  });

  it('is offered only when two runs have profiles', async () => {
    server.overrides.runs = () => ({ runs: [RUN0], loading: false });
    await mount();
    expect($$('[role=tab]').map((t) => t.dataset.view)).not.toContain('Diff');
  });
});

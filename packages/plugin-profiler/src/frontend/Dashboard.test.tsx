// @vitest-environment happy-dom
import { PluginHttpError } from '@tb/ui';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { $, $$, choose, mount, openView, overviewOf, press, q, referenceAnswer, RUN0, RUN4, server, settle, setUp, tearDown, unmount } from './harness.js';

beforeEach(setUp);
afterEach(tearDown);

describe('Profile dashboard: selectors and overview', () => {
  it('selects the first run, worker and span and offers its views plus Diff', async () => {
    await mount();
    expect($<HTMLSelectElement>('main-run')!.value).toBe(RUN0);
    expect($<HTMLSelectElement>('main-worker')!.value).toBe('worker0');
    expect($<HTMLSelectElement>('main-span')!.value).toBe('1');
    const tabs = $$('[role=tab]').map((t) => t.textContent);
    expect(tabs).toEqual([...(referenceAnswer(`views?run=${RUN0}`) as string[]), 'Diff']);
    expect($$('[role=tab][aria-selected=true]').map((t) => t.textContent)).toEqual(['Overview']);
    const workers = server.routes.filter((r) => r.startsWith('workers?'));
    expect(workers).toEqual([`workers?run=${RUN0}&view=Overview`]);
  });

  it('moves between view tabs with the arrow keys', async () => {
    await mount();
    const selected = () => $$('[role=tab][aria-selected=true]').map((t) => t.dataset.view);
    await press($$('[role=tab]')[0]!, 'ArrowRight');
    await settle(6);
    expect(selected()).toEqual(['Operator']);
    expect($('operator-view')).not.toBeNull();
    await press($$('[role=tab]')[1]!, 'ArrowLeft');
    await press($$('[role=tab]')[0]!, 'ArrowLeft');
    expect(selected()).toEqual(['Diff']);
  });

  it('draws one stacked bar group per step and the reference breakdown', async () => {
    await mount();
    const o = overviewOf(RUN0);
    const groups = $$('[data-testid="step-chart"] .tb-prof-chart__step');
    expect(groups.map((g) => g.dataset.step)).toEqual(o.steps.rows.map((r) => String(r[0])));
    expect(groups[0]!.querySelectorAll('rect')).toHaveLength(7);
    const dataLoader = o.performance[0]!.children.find((c) => c.name === 'DataLoader')!;
    const row = $('breakdown-table')!.querySelector('[data-category="dataLoader"]')!;
    expect(row.querySelectorAll('td')[1]!.textContent).toBe(`${dataLoader.extra.toFixed(2)} %`);
    expect(row.querySelectorAll('td')[0]!.textContent).toBe(`${dataLoader.value.toLocaleString('en-US')} µs`);
    expect(dataLoader.extra).toBeCloseTo(33.37, 2);
  });

  it('shows the GPU summary, the environment and the recommendations as sentences', async () => {
    await mount();
    const o = overviewOf(RUN0);
    const util = o.gpu_metrics!.data.find((d) => d.title === 'GPU Utilization')!.value;
    expect($('gpu-utilization')!.textContent).toBe(util.replace(/\s*%$/, ' %'));
    expect($('gpu-summary')!.textContent).toContain('Tesla V100-DGXS-32GB');
    expect($('environment')!.textContent).toContain('Number of Worker(s)');
    const items = $$('[data-testid="recommendations"] li').map((li) => li.textContent);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/DataLoader/);
    expect(items.join(' ')).not.toContain('<');
  });

  it('shows a loading state while the runs load, then the server message of a failure', async () => {
    let fail: (e: unknown) => void = () => undefined;
    server.overrides.runs = () => new Promise((_, reject) => (fail = reject));
    await mount();
    expect($('profile-loading')).not.toBeNull();
    await act(async () => fail(new PluginHttpError(404, 'no profile run under this log directory')));
    await settle();
    expect($('profile-error')!.textContent).toContain('no profile run under this log directory');
  });

  it('polls while the server still loads and shows progress, not a blank page', async () => {
    let calls = 0;
    server.overrides.runs = () => (++calls === 1 ? { runs: [], loading: true } : { runs: [RUN0], loading: false });
    await mount();
    expect($('profile-loading')!.textContent).toContain('Loading profiles');
    await act(async () => new Promise((r) => setTimeout(r, 2100)));
    await settle(8);
    expect(calls).toBeGreaterThanOrEqual(2);
    expect($('step-chart')).not.toBeNull();
  });

  it("shows the server's message when a profile is missing", async () => {
    server.overrides.figures = () => {
      throw new PluginHttpError(404, 'could not find the run for resnet50_num_workers_0/worker0/1');
    };
    await mount();
    expect($('overview-error')!.textContent).toContain('could not find the run for resnet50_num_workers_0/worker0/1');
  });

  it('remembers run and view for the browser tab', async () => {
    await mount();
    await choose('main-run', RUN4);
    await openView('Kernel');
    expect(JSON.parse(sessionStorage.getItem('tb-core.profile.selection')!)).toEqual({ run: RUN4, worker: 'worker0', span: '1', view: 'Kernel' });
    unmount();
    server.routes = [];
    await mount();
    expect($<HTMLSelectElement>('main-run')!.value).toBe(RUN4);
    expect($('kernel-view')).not.toBeNull();
    expect(server.routes).toContain(`kernel/table?${q(RUN4)}&group_by=Kernel`);
  });
});

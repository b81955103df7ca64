// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TableAnswer, XplaneSteps } from './api.js';
import { $, $$, click, header, mount, openView, server, setUp, tableRows, tearDown } from './harness.js';

beforeEach(setUp);
afterEach(tearDown);

const RUN = 'tpu_inference';
const opStats: TableAnswer = {
  metadata: { title: 'Op Stats', sort: 'Total self-time (us)' },
  data: {
    columns: [
      { type: 'string', name: 'Operation' },
      { type: 'number', name: 'Occurrences' },
      { type: 'number', name: 'Total self-time (us)' },
    ],
    rows: [
      ['fusion.1', 4, 120.5],
      ['convolution.3', 2, 900],
      ['copy.7', 10, 33],
    ],
  },
};
const steps: XplaneSteps = { steps: [{ step: 0, durationUs: 1500 }, { step: 1, durationUs: 1200 }, { step: 2, durationUs: 1800 }] };

function xspaceServer(views: string[]) {
  server.runs = [RUN];
  server.overrides = {
    runs: () => ({ runs: [RUN], loading: false }),
    views: () => views,
    workers: () => ['host0'],
    spans: () => ['1'],
    'xplane/op_stats': () => opStats,
    'xplane/steps': () => steps,
  };
}

describe('XSpace views', () => {
  it('shows Op Stats sorted by self time, sortable and searchable, with no Diff for one run', async () => {
    xspaceServer(['Op Stats', 'Trace']);
    await mount();
    expect($$('[role=tab]').map((t) => t.dataset.view)).toEqual(['Op Stats', 'Trace']);
    expect(server.routes).toContain(`xplane/op_stats?run=${RUN}&worker=host0&span=1`);
    expect(tableRows('op-stats-table').map((r) => r.dataset.row!.split('\u0000')[0])).toEqual(['convolution.3', 'fusion.1', 'copy.7']);
    await click(header('op-stats-table', 'Occurrences'));
    expect(tableRows('op-stats-table')[0]!.querySelector('td')!.textContent).toBe('copy.7');
  });

  it('shows Step Time in step order when offered', async () => {
    xspaceServer(['Op Stats', 'Trace', 'Step Time']);
    await mount();
    await openView('Step Time');
    const labels = $$('[data-testid="step-time-bars"] [data-label]').map((g) => g.dataset.label);
    expect(labels).toEqual(['Step 0', 'Step 1', 'Step 2']);
    expect($('step-time-view')!.textContent).toContain('mean 1,500 µs');
  });
});

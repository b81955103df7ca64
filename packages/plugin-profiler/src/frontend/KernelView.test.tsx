// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TableAnswer } from './api.js';
import { $, click, header, mount, openView, q, referenceAnswer, RUN0, server, setUp, tableRows, tearDown } from './harness.js';

beforeEach(setUp);
afterEach(tearDown);

describe('Kernel view', () => {
  it('shows the Tensor Cores share and the kernel table, sortable by blocks per SM', async () => {
    await mount();
    await openView('Kernel');
    const table = referenceAnswer(`kernel/table?${q(RUN0)}&group_by=Kernel`) as TableAnswer;
    expect($('kernel-table-count')!.textContent).toBe(`${table.data.rows.length} rows`);
    expect($('tc-pie')!.textContent).toContain('Not Using Tensor Cores');
    const col = table.data.columns.findIndex((c) => c.name === 'Mean Blocks Per SM');
    await click(header('kernel-table', 'Mean Blocks Per SM'));
    const max = Math.max(...table.data.rows.map((r) => r[col] as number));
    expect(tableRows('kernel-table')[0]!.querySelectorAll('td')[col]!.textContent).toBe(max.toLocaleString('en-US', { maximumFractionDigits: 2 }));
    await click($('kernel-group-by')!.querySelector('[data-value="KernelNameAndOpName"]'));
    expect(server.routes).toContain(`kernel/table?${q(RUN0)}&group_by=KernelNameAndOpName`);
    expect(header('kernel-table', 'Operator')).not.toBeNull();
  });
});

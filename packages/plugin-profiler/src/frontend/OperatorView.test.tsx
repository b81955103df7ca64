// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationPies, OperatorTable } from './api.js';
import { splitFrames } from './CallStack.js';
import { $, $$, click, header, mount, openView, press, q, referenceAnswer, RUN0, server, setUp, tableRows, tearDown, type } from './harness.js';

beforeEach(setUp);
afterEach(tearDown);

const opTable = () => referenceAnswer(`operation/table?${q(RUN0)}&group_by=Operation`) as OperatorTable;
const firstCells = (testId: string) => tableRows(testId).map((r) => r.querySelector('td')!.textContent);

describe('Operator view', () => {
  it('sorts by any column, most calls first, and reverses on a second click', async () => {
    await mount();
    await openView('Operator');
    const data = opTable().data;
    expect($('operator-table-count')!.textContent).toBe(`${data.length} rows`);
    const bySelf = [...data].sort((a, b) => b.device_self_duration! - a.device_self_duration!);
    expect(firstCells('operator-table')[0]).toBe(bySelf[0]!.name);
    await click(header('operator-table', 'calls'));
    const most = data.reduce((m, r) => (r.calls > m.calls ? r : m));
    expect(firstCells('operator-table')[0]).toBe(most.name);
    expect(header('operator-table', 'calls')!.closest('th')!.getAttribute('aria-sort')).toBe('descending');
    await click(header('operator-table', 'calls'));
    const least = Math.min(...data.map((r) => r.calls));
    expect(tableRows('operator-table')[0]!.querySelectorAll('td')[1]!.textContent).toBe(least.toLocaleString('en-US'));
    expect(tableRows('operator-table')).toHaveLength(25);
  });

  it('the filter narrows the rows; Escape clears it', async () => {
    await mount();
    await openView('Operator');
    const data = opTable().data;
    const search = $<HTMLInputElement>('operator-table-search')!;
    await type(search, 'conv');
    const want = data.filter((r) => r.name.toLowerCase().includes('conv'));
    expect(want.length).toBeGreaterThan(0);
    expect($('operator-table-count')!.textContent).toBe(`${want.length} of ${data.length} rows`);
    expect(firstCells('operator-table').sort()).toEqual(want.map((r) => r.name).sort());
    await press(search, 'Escape');
    expect($('operator-table-count')!.textContent).toBe(`${data.length} rows`);
  });

  it('"View call frames" loads operation/stack for that operator and lists its frames', async () => {
    await mount();
    await openView('Operator');
    const row = $$('[data-testid="operator-table"] tbody tr').find((r) => r.dataset.row === 'aten::cudnn_convolution')!;
    const button = row.querySelector<HTMLButtonElement>('.tb-prof-table__expand')!;
    expect(button.textContent).toBe('View call frames');
    await click(button);
    const route = `operation/stack?${q(RUN0)}&group_by=Operation&op_name=aten%3A%3Acudnn_convolution`;
    expect(server.routes).toContain(route);
    const stacks = referenceAnswer(route) as OperatorTable;
    const shown = $('stack-aten::cudnn_convolution')!;
    expect(shown.querySelectorAll('.tb-prof-stack__entry')).toHaveLength(stacks.data.length);
    expect(shown.querySelectorAll('.tb-prof-stack__entry')[0]!.querySelectorAll('.tb-prof-stack__frames li')).toHaveLength(splitFrames(stacks.data[0]!.call_stack).length);
    const withStack = new Map(opTable().data.map((r) => [r.name, r.has_call_stack]));
    const visible = tableRows('operator-table');
    const disabled = visible.filter((r) => r.querySelector<HTMLButtonElement>('.tb-prof-table__expand')!.disabled).map((r) => r.dataset.row);
    expect(disabled.length).toBeGreaterThan(0);
    expect(disabled.sort()).toEqual(visible.map((r) => r.dataset.row!).filter((n) => withStack.get(n) === false).sort());
  });

  it('groups by operator and input shape, and ranks the top chart by the chosen time', async () => {
    await mount();
    await openView('Operator');
    const pies = referenceAnswer(`operation?${q(RUN0)}&group_by=Operation`) as OperationPies;
    const top = (rows: [string, number][]) => [...rows].sort((a, b) => b[1] - a[1])[0]![0];
    expect($('operator-top')!.querySelector('[data-label]')!.getAttribute('data-label')).toBe(top(pies.device_self_time!.rows));
    const select = $<HTMLSelectElement>('operator-metric')!;
    await act(async () => {
      select.value = 'host_self_time';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect($('operator-top')!.querySelector('[data-label]')!.getAttribute('data-label')).toBe(top(pies.host_self_time!.rows));
    await click($('operator-group-by')!.querySelector('[data-value="OperationAndInputShape"]'));
    expect(server.routes).toContain(`operation/table?${q(RUN0)}&group_by=OperationAndInputShape`);
    expect(header('operator-table', 'input_shape')).not.toBeNull();
    const byShape = referenceAnswer(`operation/table?${q(RUN0)}&group_by=OperationAndInputShape`) as OperatorTable;
    expect($('operator-table-count')!.textContent).toBe(`${byShape.data.length} rows`);
  });
});

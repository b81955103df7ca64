import { describe, expect, it } from 'vitest';
import { SummaryTable } from './Dashboard.js';

interface Node {
  readonly props: { readonly children?: unknown; readonly [key: string]: unknown };
}

describe('SummaryTable', () => {
  it('shows the selected runs only, marks the changed ones, and shows a run on click', () => {
    const shown: string[] = [];
    const table = SummaryTable({
      rows: [{ run: 'a', last: 0.5 }, { run: 'b', last: 0.25 }],
      runColors: { a: '#f00', b: '#0f0' },
      selectedRuns: ['b'],
      changedRuns: ['b'],
      onShow: (run) => shown.push(run),
    }) as unknown as Node;
    const rows = (table.props.children as Node).props.children as Node[];
    expect(rows.map((r) => r.props['data-run'])).toEqual(['b']);
    expect(rows[0]!.props['class']).toBe('changed');
    const cell = (rows[0]!.props.children as Node[])[0]!;
    expect(cell.props['style']).toEqual({ color: '#0f0' });
    (cell.props['onClick'] as () => void)();
    expect(shown).toEqual(['b']);
  });

  it('says so when no run is selected', () => {
    const empty = SummaryTable({ rows: [{ run: 'a', last: 1 }], runColors: {}, selectedRuns: [], changedRuns: [], onShow: () => undefined }) as unknown as Node;
    expect(empty.props['title']).toBe('No runs selected');
  });
});

import { describe, expect, it } from 'vitest';
import { buildTable } from './columns.js';
import { tableCsv, tableJson } from './downloads.js';
import { EXPERIMENT, GROUPS } from './fixtures.js';

const { columns, rows } = buildTable(EXPERIMENT, GROUPS);

describe('downloads', () => {
  it('writes the shown rows and columns as CSV, quoting where needed, missing as empty', () => {
    const csv = tableCsv(columns, [1, 3, 4], rows.slice(0, 4));
    expect(csv.split('\r\n')).toEqual([
      'Session group,learning rate,note,hparam/accuracy',
      'tuning/run-00,0.001,base,0.8',
      'tuning/run-01,0.01,"wide, ""deep""",0.87',
      'tuning/run-02,0.1,,0.62',
      'tuning/run-03,0.01,Base v2,',
      '',
    ]);
  });

  it('writes JSON as {header, rows}, NaN spelled out, missing as null', () => {
    const json = JSON.parse(tableJson(columns, [2, 4], rows.slice(2))) as { header: string[]; rows: unknown[][] };
    expect(json.header).toEqual(['Session group', 'optimizer', 'hparam/accuracy']);
    expect(json.rows).toEqual([
      ['tuning/run-02', 'sgd', 0.62],
      ['tuning/run-03', 'sgd', null],
      ['tuning/run-04', 'adam', 'NaN'],
    ]);
  });
});

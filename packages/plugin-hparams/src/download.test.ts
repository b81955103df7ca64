import { describe, expect, it } from 'vitest';
import type { Experiment } from './api-types.js';
import { downloadTable, formatDownload, latexCell } from './download.js';
import { EMPTY_EXPERIMENT } from './experiment.js';
import type { GroupData } from './session-groups.js';

const experiment: Experiment = {
  ...EMPTY_EXPERIMENT,
  hparamInfos: [
    { name: 'learning_rate', displayName: '', description: '', type: 'DATA_TYPE_FLOAT64', differs: true },
    { name: 'opt', displayName: 'Optimizer', description: '', type: 'DATA_TYPE_STRING', differs: true },
    { name: 'bn', displayName: '', description: '', type: 'DATA_TYPE_BOOL', differs: false },
  ],
  metricInfos: [
    { name: { group: '', tag: 'acc' }, displayName: '', description: '', datasetType: 'DATASET_UNKNOWN' },
    { name: { group: 'eval', tag: 'loss' }, displayName: 'val loss', description: '', datasetType: 'DATASET_VALIDATION' },
  ],
};
const group = (name: string, hparams: Record<string, number | string | boolean>, acc: number | null, loss: number | null): GroupData => ({
  name,
  hparams: new Map(Object.entries(hparams)),
  monitorUrl: '',
  sessions: [],
  metricValues: [
    ...(acc === null ? [] : [{ name: { group: '', tag: 'acc' }, value: acc, step: 1, wallTime: 1 }]),
    ...(loss === null ? [] : [{ name: { group: 'eval', tag: 'loss' }, value: loss, step: 1, wallTime: 1 }]),
  ],
});
const groups = [group('a', { learning_rate: 0.001, opt: 'adam, fast', bn: true }, 0.8039000034332275, 1234.5), group('b', { learning_rate: 1e-5 }, NaN, null)];
const ALL = [true, true, true, true, true];

describe('download_data', () => {
  it('writes CSV as Python csv: display names as headers, floats by repr, missing hparams empty, missing metrics empty', () => {
    const { body, contentType } = formatDownload(downloadTable(experiment, groups, null, ALL), 'csv');
    expect(contentType).toBe('text/csv; charset=utf-8');
    expect(body).toBe('learning_rate,Optimizer,bn,acc,val loss\r\n0.001,"adam, fast",True,0.8039000034332275,1234.5\r\n1e-05,,,nan,\r\n');
  });

  it('writes JSON as Python json.dumps: header and rows, null for a missing metric, "NaN"', () => {
    const { body, contentType } = formatDownload(downloadTable(experiment, groups, null, ALL), 'json');
    expect(contentType).toBe('application/json');
    expect(body).toBe('{"header": ["learning_rate", "Optimizer", "bn", "acc", "val loss"], "rows": [[0.001, "adam, fast", true, 0.8039000034332275, 1234.5], [1e-05, "", "", "NaN", null]]}');
  });

  it('writes a LaTeX table: numbers to 3 digits in math mode, _ and % escaped, - for a missing metric', () => {
    const { body, contentType } = formatDownload(downloadTable(experiment, groups, null, ALL), 'latex');
    expect(contentType).toBe('application/x-latex');
    expect(body).toBe(
      '\\begin{table}[tbp]\n\\begin{tabular}{lllll}\n' +
        'learning\\_rate & Optimizer & bn & acc & val loss \\\\ \\hline\n' +
        '$0.001$ & adam, fast & $1$ & $0.804$ & $1.23\\cdot 10^{3}$ \\\\\n' +
        '$1\\cdot 10^{-5}$ &  &  & $\\mathrm{NaN}$ & - \\\\\n' +
        '\\hline\n\\end{tabular}\n\\end{table}\n',
    );
    expect([Infinity, -Infinity, '5%'].map(latexCell)).toEqual(['$+\\infty$', '$-\\infty$', '5\\%']);
  });

  it('keeps the columns columnsVisibility marks true; a short list drops the columns past its end (Python zip)', () => {
    expect(downloadTable(experiment, groups, null, [false, true, false, true])).toEqual({ header: ['Optimizer', 'acc'], rows: [['adam, fast', 0.8039000034332275], ['', NaN]] });
  });

  it('leaves hyperparameters out of the rows when includeInResult left them out of the groups', () => {
    expect(downloadTable(experiment, groups, new Set(['opt']), ALL).rows[0]).toEqual(['', 'adam, fast', '', 0.8039000034332275, 1234.5]);
  });
});

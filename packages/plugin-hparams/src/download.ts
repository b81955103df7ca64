/**
 * GET|POST /download_data: one page of session groups as a table, one column per
 * hyperparameter then per metric of the experiment (those `columnsVisibility` marks
 * true), in CSV, JSON or a LaTeX table, with TensorBoard's bytes: Python's float text,
 * `''` for a hyperparameter a group lacks, nothing (null, `-`) for a missing metric.
 */
import type { DownloadFormat, Experiment } from './api-types.js';
import { findMetric } from './aggregate.js';
import { type Cell, csvRow, formatG, pythonJson } from './python-format.js';
import type { GroupData } from './session-groups.js';

/** A download's body and content type. */
export interface Download {
  readonly body: string;
  readonly contentType: string;
}

/** The header and rows before the format: every column, then those visible. */
export function downloadTable(experiment: Experiment, groups: readonly GroupData[], include: ReadonlySet<string> | null, visibility: readonly boolean[]) {
  // Python's zip: a visibility list shorter than the row drops the columns past its end.
  const visible = <T>(row: readonly T[]): T[] => row.filter((_, i) => i < visibility.length && visibility[i]);
  const header = visible([...experiment.hparamInfos.map((h) => h.displayName || h.name), ...experiment.metricInfos.map((m) => m.displayName || m.name.tag)]);
  const rows = groups.map((g) =>
    visible<Cell>([
      ...experiment.hparamInfos.map((h) => (include && !include.has(h.name) ? '' : (g.hparams.get(h.name) ?? ''))),
      ...experiment.metricInfos.map((m) => findMetric(g.metricValues, m.name)?.value ?? null),
    ]),
  );
  return { header, rows };
}

/** A LaTeX cell, as TensorBoard formats it: numbers to 3 significant digits in math mode. */
export function latexCell(value: Cell): string {
  if (value === null) return '-';
  if (typeof value === 'boolean') return value ? '$1$' : '$0$';
  if (typeof value === 'string') return value.replace(/_/g, '\\_').replace(/%/g, '\\%');
  if (Number.isNaN(value)) return '$\\mathrm{NaN}$';
  if (!Number.isFinite(value)) return `$${value < 0 ? '-' : '+'}\\infty$`;
  const text = formatG(value, 3);
  const e = text.indexOf('e');
  return e < 0 ? `$${text}$` : `$${text.slice(0, e)}\\cdot 10^{${Number(text.slice(e + 1))}}$`;
}

/** The table in `format`. */
export function formatDownload(table: { header: readonly string[]; rows: readonly (readonly Cell[])[] }, format: DownloadFormat): Download {
  switch (format) {
    case 'json':
      return { body: pythonJson({ header: table.header, rows: table.rows }), contentType: 'application/json' };
    case 'csv':
      return { body: [table.header, ...table.rows].map(csvRow).join(''), contentType: 'text/csv; charset=utf-8' };
    case 'latex': {
      const line = (cells: readonly Cell[]) => cells.map(latexCell).join(' & ');
      const body =
        `\\begin{table}[tbp]\n\\begin{tabular}{${'l'.repeat(table.header.length)}}\n` +
        `${line(table.header)} \\\\ \\hline\n` +
        table.rows.map((r) => `${line(r)} \\\\\n`).join('') +
        '\\hline\n\\end{tabular}\n\\end{table}\n';
      return { body, contentType: 'application/x-latex' };
    }
  }
}

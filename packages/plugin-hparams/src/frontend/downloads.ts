/**
 * The table as files, built in the page from exactly what it shows (the filtered,
 * brushed and sorted rows, the visible columns): CSV with RFC 4180 quoting and JSON
 * shaped like the server's download_data answer (`{header, rows}`). Values keep their
 * full precision; a missing value is an empty CSV field and null in JSON.
 */
import type { CellValue, Column, Row } from './columns.js';

function csvField(v: CellValue): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? (Number.isNaN(v) ? 'NaN' : String(v)) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function jsonCell(v: CellValue): CellValue | string {
  if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  return v;
}

/** The header: the session group, then each column's label. */
export function tableHeader(columns: readonly Column[]): string[] {
  return ['Session group', ...columns.map((c) => c.label)];
}

/** `rows` x `indices` (column indices) as CSV text, CRLF line ends. */
export function tableCsv(columns: readonly Column[], indices: readonly number[], rows: readonly Row[]): string {
  const shown = indices.map((i) => columns[i]!);
  const lines = [tableHeader(shown).map(csvField).join(',')];
  for (const row of rows) lines.push([row.name, ...indices.map((i) => row.cells[i] ?? null)].map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** `rows` x `indices` as JSON text: `{"header": [...], "rows": [[group, ...cells], ...]}`. */
export function tableJson(columns: readonly Column[], indices: readonly number[], rows: readonly Row[]): string {
  const shown = indices.map((i) => columns[i]!);
  return JSON.stringify(
    { header: tableHeader(shown), rows: rows.map((row) => [row.name, ...indices.map((i) => jsonCell(row.cells[i] ?? null))]) },
    null,
    1,
  );
}

/**
 * A projector metadata TSV as columns: TensorBoard's rule is that a file with one column
 * has no header row, and a file with several has one.
 */

/** Metadata of the points: column names and one string per point in each column. */
export interface Metadata {
  readonly columns: readonly string[];
  /** `values[c][i]`: column `c` of point `i`. */
  readonly values: readonly (readonly string[])[];
}

/**
 * Parses a metadata TSV for `pointCount` points (short files are padded with '').
 *
 * @example parseMetadata('label\tx\n3\ta\n', 1).columns // ['label', 'x']
 */
export function parseMetadata(tsv: string, pointCount: number): Metadata {
  const lines = tsv.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return { columns: [], values: [] };
  const width = lines[0]!.split('\t').length;
  const header = width > 1;
  const columns = header ? lines[0]!.split('\t') : ['label'];
  const rows = header ? lines.slice(1) : lines;
  const values = columns.map(() => new Array<string>(pointCount).fill(''));
  for (let i = 0; i < Math.min(rows.length, pointCount); i++) {
    const cells = rows[i]!.split('\t');
    for (let c = 0; c < columns.length; c++) values[c]![i] = cells[c] ?? '';
  }
  return { columns, values };
}

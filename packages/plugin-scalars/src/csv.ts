/**
 * CSV as Python's `csv` module writes it (TensorBoard's CSV downloads): fields quoted
 * only when they hold a comma, a quote or a line break, quotes doubled, and lines
 * ending in CRLF (RFC 4180).
 */
import { reprFloat, reprInt } from '@tb/core/plugin';
import type { ScalarSeries } from '@tb/core/plugin';

/** One field, quoted when needed: `a,b` -> `"a,b"`, `say "hi"` -> `"say ""hi"""`. */
export function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** One line, with its CRLF. */
export function csvRow(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/**
 * A series as TensorBoard's `scalars?format=csv` answer: the header
 * `Wall time,Step,Value`, then one line per point in Python's number format
 * (`1795464633.7831602,0,0.0`; NaN as `nan`, infinities as `inf` and `-inf`).
 */
export function seriesCsv(series: ScalarSeries): string {
  const lines: string[] = [csvRow(['Wall time', 'Step', 'Value'])];
  for (let i = 0; i < series.step.length; i++) {
    lines.push(`${reprFloat(series.wallTime[i]!)},${reprInt(series.step[i]!)},${reprFloat(series.value[i]!)}\r\n`);
  }
  return lines.join('');
}

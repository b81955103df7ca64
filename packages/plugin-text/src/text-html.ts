/**
 * A text summary's tensor as HTML, as TensorBoard's text plugin makes it: a scalar string
 * is one markdown document; a vector is a one-column table and a matrix a table, each
 * cell its own markdown document; a tensor of rank 3 or more shows its first 2-D slice
 * (index 0 along every leading axis) under TensorBoard's warning. With markdown off the
 * strings are shown as they are, only sanitized.
 */
import type { TensorValue } from '@tb/core/plugin';
import { markdownsToSafeHtml, markdownToSafeHtml, safeHtml, type MarkdownSource } from './safe-html.js';

/**
 * TensorBoard's warning above a slice of a tensor of rank 3 or more, word for word (its
 * source continues a line with a backslash, which leaves the three spaces before "2d").
 */
export function rankWarning(rank: number): string {
  return `**Warning:** This text summary contained data of dimensionality ${rank}, but only   2d tables are supported. Showing a 2d slice of the data instead.`;
}

/**
 * An HTML table of `rows` (each a list of cells' HTML), laid out as TensorBoard's
 * `make_table` does, one tag a line.
 *
 * @example makeTable([['a', 'b']]) === '<table>\n<tbody>\n<tr>\n<td>a</td>\n<td>b</td>\n</tr>\n</tbody>\n</table>'
 */
export function makeTable(rows: readonly (readonly string[])[]): string {
  const body = rows.map((cells) => `<tr>\n${cells.map((c) => `<td>${c}</td>\n`).join('')}</tr>\n`).join('');
  return `<table>\n<tbody>\n${body}</tbody>\n</table>`;
}

/** The tensor's elements as markdown sources: strings as their bytes, numbers as text. */
function elements(value: TensorValue): MarkdownSource[] {
  if (value.dtype === 'string') return [...value.strings];
  return Array.from(value.numbers, (n) => String(n));
}

/** Splits `flat` (row-major) into `rows` rows of `cols` cells; missing cells are ''. */
function toRows<T>(flat: readonly T[], rows: number, cols: number, missing: T): T[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => flat[r * cols + c] ?? missing));
}

const utf8 = new TextDecoder();
const asText = (s: MarkdownSource) => (typeof s === 'string' ? s : utf8.decode(s));

/**
 * The HTML TensorBoard's `text` route shows for one step's tensor.
 *
 * @example textToHtml({ dtype: 'string', shape: [], strings: [utf8('*hi*')], numbers: new Float64Array() }, true) === '<p><em>hi</em></p>'
 */
export function textToHtml(value: TensorValue, markdown: boolean): string {
  const flat = elements(value);
  const shape = value.shape;
  if (shape.length === 0) {
    const only = flat[0] ?? '';
    return markdown ? markdownToSafeHtml(only) : safeHtml(asText(only));
  }
  const warning = shape.length > 2 ? markdownToSafeHtml(rankWarning(shape.length)) : '';
  // The first 2-D slice: index 0 along every leading axis, i.e. the first rows x cols
  // elements in row-major order (none when a leading axis is empty).
  const leadingEmpty = shape.slice(0, -2).some((d) => d === 0);
  const rows = leadingEmpty ? 0 : shape.length === 1 ? shape[0]! : shape[shape.length - 2]!;
  const cols = shape.length === 1 ? 1 : shape[shape.length - 1]!;
  const cells = flat.slice(0, rows * cols);
  const table = markdown
    ? markdownsToSafeHtml(cells, (htmls) => makeTable(toRows(htmls, rows, cols, '')))
    : safeHtml(makeTable(toRows(cells.map(asText), rows, cols, '')));
  return warning + table;
}

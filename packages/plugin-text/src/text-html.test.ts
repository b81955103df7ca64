/**
 * A step's tensor as TensorBoard's text plugin shows it: a scalar as one document, a
 * vector as a one-column table, a matrix as a table, rank 3 and up as the first 2-D
 * slice under TensorBoard's warning; markdown on and off.
 */
import type { TensorValue } from '@tb/core/plugin';
import { describe, expect, it } from 'vitest';
import { makeTable, rankWarning, textToHtml } from './text-html.js';

const utf8 = new TextEncoder();
const strings = (shape: number[], values: string[]): TensorValue => ({ dtype: 'string', shape, strings: values.map((v) => utf8.encode(v)), numbers: new Float64Array(0) });

describe('makeTable', () => {
  it('lays a table out one tag a line, as TensorBoard does', () => {
    expect(makeTable([['one', 'two'], ['three', 'four']])).toBe('<table>\n<tbody>\n<tr>\n<td>one</td>\n<td>two</td>\n</tr>\n<tr>\n<td>three</td>\n<td>four</td>\n</tr>\n</tbody>\n</table>');
    expect(makeTable([])).toBe('<table>\n<tbody>\n</tbody>\n</table>');
  });
});

describe('textToHtml', () => {
  it('a scalar is one markdown document (or the text itself, sanitized)', () => {
    expect(textToHtml(strings([], ['fry *loves* gems']), true)).toBe('<p>fry <em>loves</em> gems</p>');
    expect(textToHtml(strings([], ['fry *loves* gems']), false)).toBe('fry *loves* gems');
    expect(textToHtml(strings([], ['word_with_underscores']), true)).toBe('<p>word_with_underscores</p>');
    expect(textToHtml(strings([], ['<script>x</script>']), false)).toBe('&lt;script&gt;x&lt;/script&gt;');
  });

  it('a vector is a one-column table, each cell rendered', () => {
    const v = strings([4], ['one', 'two', 'three', '\u2074']);
    expect(textToHtml(v, true)).toBe(
      '<table>\n<tbody>\n<tr>\n<td><p>one</p></td>\n</tr>\n<tr>\n<td><p>two</p></td>\n</tr>\n<tr>\n<td><p>three</p></td>\n</tr>\n<tr>\n<td><p>\u2074</p></td>\n</tr>\n</tbody>\n</table>',
    );
    expect(textToHtml(v, false)).toBe('<table>\n<tbody>\n<tr>\n<td>one</td>\n</tr>\n<tr>\n<td>two</td>\n</tr>\n<tr>\n<td>three</td>\n</tr>\n<tr>\n<td>\u2074</td>\n</tr>\n</tbody>\n</table>');
  });

  it('a matrix is a table of its rows', () => {
    expect(textToHtml(strings([2, 2], ['foo', 'bar', 'zoink', 'zod']), true)).toBe(
      '<table>\n<tbody>\n<tr>\n<td><p>foo</p></td>\n<td><p>bar</p></td>\n</tr>\n<tr>\n<td><p>zoink</p></td>\n<td><p>zod</p></td>\n</tr>\n</tbody>\n</table>',
    );
    // Markdown off: a cell's markup is sanitized, not rendered.
    expect(textToHtml(strings([1, 2], ['**a**', '<b>b</b>']), false)).toBe('<table>\n<tbody>\n<tr>\n<td>**a**</td>\n<td>&lt;b&gt;b&lt;/b&gt;</td>\n</tr>\n</tbody>\n</table>');
  });

  it('rank 3 and up: the first 2-D slice, under TensorBoard warning', () => {
    const d3 = strings([2, 2, 2], ['foo', 'bar', 'zoink', 'zod', 'FOO', 'BAR', 'ZOINK', 'ZOD']);
    const warning =
      '<p><strong>Warning:</strong> This text summary contained data of dimensionality 3, but only   2d tables are supported. Showing a 2d slice of the data instead.</p>';
    const table = '<table>\n<tbody>\n<tr>\n<td><p>foo</p></td>\n<td><p>bar</p></td>\n</tr>\n<tr>\n<td><p>zoink</p></td>\n<td><p>zod</p></td>\n</tr>\n</tbody>\n</table>';
    expect(textToHtml(d3, true)).toBe(warning + table);
    expect(textToHtml(d3, false)).toBe(`${warning}<table>\n<tbody>\n<tr>\n<td>foo</td>\n<td>bar</td>\n</tr>\n<tr>\n<td>zoink</td>\n<td>zod</td>\n</tr>\n</tbody>\n</table>`);
    const d4 = strings([2, 1, 1, 2], ['a', 'b', 'c', 'd']);
    expect(textToHtml(d4, false)).toBe(`${warning.replace('dimensionality 3', 'dimensionality 4')}<table>\n<tbody>\n<tr>\n<td>a</td>\n<td>b</td>\n</tr>\n</tbody>\n</table>`);
    expect(rankWarning(5)).toContain('dimensionality 5, but only   2d tables');
  });

  it('empty tensors are empty tables, also where TensorBoard fails (an empty leading axis)', () => {
    expect(textToHtml(strings([0], []), true)).toBe('<table>\n<tbody>\n</tbody>\n</table>');
    expect(textToHtml(strings([2, 0], []), true)).toBe('<table>\n<tbody>\n<tr>\n</tr>\n<tr>\n</tr>\n</tbody>\n</table>');
    expect(textToHtml(strings([0, 2, 2], []), false)).toMatch(/^<p><strong>Warning:<\/strong>.*<\/p><table>\n<tbody>\n<\/tbody>\n<\/table>$/);
  });

  it('sanitizes the whole table once, as TensorBoard does: a cell that closes the table early stays harmless', () => {
    const html = textToHtml(strings([2], ['</td></tr></tbody></table><script>alert(1)</script>', 'ok']), true);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
    expect(html).toContain('<td><p>ok</p></td>');
  });

  it('numbers (a tensor that is not of strings) show as text', () => {
    expect(textToHtml({ dtype: 'float32', shape: [2], strings: [], numbers: Float64Array.of(0.5, 2) }, true)).toBe(
      '<table>\n<tbody>\n<tr>\n<td><p>0.5</p></td>\n</tr>\n<tr>\n<td><p>2</p></td>\n</tr>\n</tbody>\n</table>',
    );
  });
});

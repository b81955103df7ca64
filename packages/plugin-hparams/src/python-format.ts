/**
 * Values written as TensorBoard's Python writes them, so download_data's CSV, JSON and
 * LaTeX are TensorBoard's bytes: `repr(float)` (`32.0`, `1e-05`), `'%.3g' % x` (ties
 * to even, as Python rounds), `json.dumps` (ASCII only, `", "` and `": "`) and the
 * `csv` module's default dialect (minimal quoting, `\r\n`).
 */
import { reprFloat } from '@tb/core/plugin';

/** `d.ddd` + `e±XX` from significant digits and a decimal exponent. */
function scientific(digits: string, exponent: number): string {
  const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
  return `${digits[0]}${fraction}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/**
 * `x` (finite, > 0) rounded to `p` significant digits as Python rounds (to nearest,
 * ties to even, on the exact binary value): the digits and the decimal exponent of the
 * first one.
 */
function roundSignificant(x: number, p: number): { digits: string; exponent: number } {
  // toExponential(100) is the exact value to 101 digits: a double this close to a tie is on it.
  const [mantissa = '0', e = '0'] = x.toExponential(100).split('e');
  const all = mantissa.replace('.', '');
  let exponent = Number(e);
  const kept = all.slice(0, p);
  const rest = all.slice(p);
  const restIsHalf = /^50*$/.test(rest);
  const up = rest[0]! > '5' || (rest[0] === '5' && !restIsHalf) || (restIsHalf && Number(kept[kept.length - 1]) % 2 === 1);
  let n = BigInt(kept) + (up ? 1n : 0n);
  if (String(n).length > p) {
    n /= 10n;
    exponent += 1;
  }
  return { digits: String(n), exponent };
}

/**
 * Python's `'%.{p}g' % x`: `p` significant digits, fixed notation when the exponent is
 * in [-4, p), trailing zeros dropped.
 *
 * @example formatG(1234, 3) === '1.23e+03'; formatG(0.001, 3) === '0.001'; formatG(1.125, 3) === '1.12'
 */
export function formatG(x: number, p: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${sign}0`;
  const { digits, exponent } = roundSignificant(Math.abs(x), p);
  const significant = digits.replace(/0+$/, '') || '0';
  if (exponent >= -4 && exponent < p) {
    const point = exponent + 1;
    if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${significant}`;
    if (point >= significant.length) return `${sign}${significant}${'0'.repeat(point - significant.length)}`;
    return `${sign}${significant.slice(0, point)}.${significant.slice(point)}`;
  }
  return `${sign}${scientific(significant, exponent)}`;
}

/** A cell of a download: a hyperparameter or metric value, '' for a missing hparam, null for a missing metric. */
export type Cell = number | string | boolean | null;

/** Python's `str()` of a cell, as the csv module writes it: floats by repr, `True`, '' for None. */
export function pythonStr(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return reprFloat(cell);
  if (typeof cell === 'boolean') return cell ? 'True' : 'False';
  return cell;
}

/** One row as Python's `csv.writer` writes it: quoted when needed, quotes doubled, `\r\n` after. */
export function csvRow(cells: readonly Cell[]): string {
  if (cells.length === 1 && pythonStr(cells[0]!) === '') return '""\r\n';
  return `${cells.map((c) => csvField(pythonStr(c))).join(',')}\r\n`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A JSON value of cells, lists and objects. */
export type PythonJsonValue = Cell | readonly PythonJsonValue[] | { readonly [key: string]: PythonJsonValue };

function isList(value: PythonJsonValue): value is readonly PythonJsonValue[] {
  return Array.isArray(value);
}

/**
 * Python's `json.dumps` of a JSON value whose numbers are all floats (as TensorBoard's
 * are): `", "` and `": "` separators, non-ASCII escaped as `\uXXXX`, NaN and
 * infinities as the strings TensorBoard's Cleanse makes of them.
 */
export function pythonJson(value: PythonJsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '"NaN"';
    if (!Number.isFinite(value)) return value > 0 ? '"Infinity"' : '"-Infinity"';
    return reprFloat(value);
  }
  if (typeof value === 'string') return asciiJsonString(value);
  if (isList(value)) return `[${value.map(pythonJson).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${asciiJsonString(k)}: ${pythonJson(v)}`).join(', ')}}`;
}

function asciiJsonString(text: string): string {
  return JSON.stringify(text).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

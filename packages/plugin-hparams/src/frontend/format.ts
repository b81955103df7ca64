/**
 * Text for cells and values: numbers by @tb/ui's rule for values (up to five significant
 * digits, exponent notation from 1e5 and below 1e-3, NaN and infinities spelled out),
 * strings as they are, booleans as true / false, a missing value as an en dash.
 */
import { formatValue } from '@tb/ui';
import type { CellValue } from './columns.js';

/** What a missing cell shows. */
export const MISSING = '–';

/** A cell's text. */
export function formatCell(v: CellValue): string {
  if (v === null) return MISSING;
  if (typeof v === 'number') return formatValue(v);
  return String(v);
}

/** A status for people: `STATUS_SUCCESS` → "Success". */
export function statusLabel(status: string): string {
  const word = status.replace(/^STATUS_/, '').toLowerCase();
  return word.charAt(0).toUpperCase() + word.slice(1);
}

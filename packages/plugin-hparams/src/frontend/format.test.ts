import { describe, expect, it } from 'vitest';
import { formatCell, MISSING, statusLabel } from './format.js';

describe('format', () => {
  it('shows numbers as every dashboard shows values', () => {
    expect(formatCell(0.8689000010490417)).toBe('0.8689');
    expect(formatCell(0.0001)).toBe('1e-4');
    expect(formatCell(NaN)).toBe('NaN');
  });

  it('shows cells of every type', () => {
    expect(formatCell(null)).toBe(MISSING);
    expect(formatCell('adam')).toBe('adam');
    expect(formatCell(true)).toBe('true');
    expect(formatCell(0.5)).toBe('0.5');
  });

  it('names statuses for people', () => {
    expect(statusLabel('STATUS_SUCCESS')).toBe('Success');
    expect(statusLabel('MIXED')).toBe('Mixed');
  });
});

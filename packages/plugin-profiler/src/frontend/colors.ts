/** The profiler charts' colours: one per step-time category and a palette for slices. */
import type { Category } from './api.js';

/** A colour per step-time category, readable on light and dark backgrounds. */
export const CATEGORY_COLORS: Readonly<Record<Category, string>> = {
  kernel: '#3366cc',
  memcpy: '#dc3912',
  memset: '#ff9900',
  runtime: '#109618',
  dataLoader: '#990099',
  cpuExec: '#0099c6',
  other: '#dd4477',
};

const PALETTE = ['#3366cc', '#dc3912', '#ff9900', '#109618', '#990099', '#0099c6', '#dd4477', '#66aa00', '#b82e2e', '#316395', '#8c8c8c'];

/** The `i`th slice colour (the last, grey, is for "Other"). */
export function sliceColor(i: number): string {
  return PALETTE[i % (PALETTE.length - 1)]!;
}

/** The grey of an "Other" slice. */
export const OTHER_COLOR = PALETTE[PALETTE.length - 1]!;

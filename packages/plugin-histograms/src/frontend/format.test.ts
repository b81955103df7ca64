import { describe, expect, it } from 'vitest';
import { formatValue } from './format.js';

describe('formatValue', () => {
  it('formats readout values briefly', () => {
    expect([formatValue(0.012345), formatValue(-2), formatValue(0.0001234), formatValue(123456)]).toEqual(['0.0123', '-2', '1.23e-4', '1.23e+5']);
  });
});

import { describe, expect, it } from 'vitest';
import { RUN_PALETTE, runColor, runColors } from './run-color.js';

const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `run_${i}/train`);

describe('runColors', () => {
  it('gives the first 12 runs 12 different colours from the palette', () => {
    const colors = runColors(names(12));
    const values = Object.values(colors);
    expect(values).toHaveLength(12);
    expect(new Set(values).size).toBe(12);
    for (const c of values) expect(RUN_PALETTE).toContain(c);
  });

  it('is stable: same list, same colours; a run added at the end recolours nobody', () => {
    const first = runColors(names(5));
    expect(runColors(names(5))).toEqual(first);
    const more = runColors([...names(5), 'late/run']);
    for (const [name, color] of Object.entries(first)) expect(more[name]).toBe(color);
  });

  it('cycles through the palette again after 12 runs', () => {
    const colors = runColors(names(24));
    expect(new Set(Object.values(colors)).size).toBe(12);
  });
});

describe('runColor', () => {
  it('depends only on the name', () => {
    expect(runColor('adam/train')).toBe(runColor('adam/train'));
    expect(RUN_PALETTE).toContain(runColor('.'));
  });
});

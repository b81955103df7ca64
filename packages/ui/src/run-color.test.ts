import { describe, expect, it } from 'vitest';
import { assignRunColors, RUN_PALETTE, runColor, runColors } from './run-color.js';

const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `run_${i}/train`);

/** sRGB hex to OKLab, written the other way round from the palette's code. */
function oklab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

function minDistance(colors: readonly string[]): number {
  let min = Infinity;
  for (let i = 0; i < colors.length; i++) {
    for (let j = i + 1; j < colors.length; j++) {
      const [p, q] = [oklab(colors[i]!), oklab(colors[j]!)];
      min = Math.min(min, Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]));
    }
  }
  return min;
}

describe('RUN_PALETTE', () => {
  it('holds 36 distinct colours, perceptually apart, the first ones farthest apart', () => {
    expect(RUN_PALETTE).toHaveLength(36);
    for (const c of RUN_PALETTE) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(RUN_PALETTE).size).toBe(36);
    // OKLab distances: 0.02 is about the smallest difference people see between patches.
    expect(minDistance(RUN_PALETTE)).toBeGreaterThan(0.06);
    expect(minDistance(RUN_PALETTE.slice(0, 12))).toBeGreaterThan(0.12);
    expect(minDistance(RUN_PALETTE.slice(0, 6))).toBeGreaterThan(0.2);
  });

  it('keeps every colour readable on white and on dark grey: mid lightness, not grey', () => {
    for (const c of RUN_PALETTE) {
      const [l, a, b] = oklab(c);
      expect(l).toBeGreaterThan(0.5);
      expect(l).toBeLessThan(0.8);
      expect(Math.hypot(a, b)).toBeGreaterThan(0.09);
    }
  });
});

describe('assignRunColors', () => {
  it('gives the 13 runs of the demo 13 different colours (run-04 and run-07 shared one with 12)', () => {
    const demo = ['.', 'adam/train', 'adam/validation', 'sgd/train', 'sgd/validation', ...Array.from({ length: 8 }, (_, i) => `hparam_tuning/run-0${i}`)];
    const { colors } = assignRunColors(demo, {});
    expect(new Set(Object.values(colors)).size).toBe(13);
    expect(colors['hparam_tuning/run-04']).not.toBe(colors['hparam_tuning/run-07']);
  });

  it('gives up to 36 runs distinct colours, most distinct first, and cycles beyond', () => {
    expect(new Set(Object.values(assignRunColors(names(30), {}).colors)).size).toBe(30);
    expect(new Set(Object.values(assignRunColors(names(36), {}).colors)).size).toBe(36);
    expect(assignRunColors(names(3), {}).colors).toEqual({ 'run_0/train': RUN_PALETTE[0], 'run_1/train': RUN_PALETTE[1], 'run_2/train': RUN_PALETTE[2] });
    const many = assignRunColors(names(40), {});
    expect(new Set(Object.values(many.colors)).size).toBe(36);
    expect(many.slots['run_36/train']).toBe(0);
  });

  it('keeps remembered slots, so a run has the same colour after a reload and in every tab', () => {
    const first = assignRunColors(['a', 'b', 'c'], {});
    // Another tab shows only c and a new run: c keeps its colour, the new run takes a
    // slot that no known run holds.
    const later = assignRunColors(['c', 'd'], first.slots, ['a', 'b', 'c', 'd']);
    expect(later.colors['c']).toBe(first.colors['c']);
    expect(later.slots['d']).toBe(3);
    // The same remembered slots give the same colours again.
    expect(assignRunColors(['a', 'b', 'c'], first.slots)).toEqual(first);
  });

  it('resolves a remembered clash in run order, and ignores slots that are not slots', () => {
    const clash = assignRunColors(['x', 'y'], { x: 5, y: 5 });
    expect(clash.slots).toEqual({ x: 5, y: 0 });
    const junk = assignRunColors(['p', 'q'], { p: -1, q: 1.5 } as Record<string, number>);
    expect(junk.slots).toEqual({ p: 0, q: 1 });
    expect(assignRunColors(['p', 'p'], {}).slots).toEqual({ p: 0 });
  });

  it('when every free slot is remembered for absent runs, still gives present runs distinct colours', () => {
    const known = names(36);
    const remembered = Object.fromEntries(known.map((n, i) => [n, i]));
    const { colors } = assignRunColors(['run_0/train', 'fresh'], remembered, [...known, 'fresh']);
    expect(colors['fresh']).not.toBe(colors['run_0/train']);
  });
});

describe('runColors', () => {
  it('is stable: same list, same colours; a run added at the end recolours nobody', () => {
    const first = runColors(names(5));
    expect(runColors(names(5))).toEqual(first);
    const more = runColors([...names(5), 'late/run']);
    for (const [name, color] of Object.entries(first)) expect(more[name]).toBe(color);
  });
});

describe('runColor', () => {
  it('depends only on the name', () => {
    expect(runColor('adam/train')).toBe(runColor('adam/train'));
    expect(RUN_PALETTE).toContain(runColor('.'));
  });
});

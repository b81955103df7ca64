import { describe, expect, it } from 'vitest';
import { ticksFor } from './ticks.js';
import { X_AXIS_SCALES, type XAxisType } from './x-axes.js';

const ticks = (type: XAxisType, domain: [number, number], count: number) => ticksFor(X_AXIS_SCALES[type].kind, domain, count, X_AXIS_SCALES[type].ticks);
const labels = (type: XAxisType, domain: [number, number], count: number) => ticks(type, domain, count).map((t) => t.label);

describe('X_AXIS_SCALES', () => {
  it('labels steps as integers, with SI prefixes from 1e4', () => {
    expect(labels('step', [0, 2000], 4)).toEqual(['0', '500', '1000', '1500', '2000']);
    expect(labels('step', [0, 20_000], 4)).toEqual(['0', '5k', '10k', '15k', '20k']);
    expect(labels('step', [0, 4], 8)).toEqual(['0', '1', '2', '3', '4']);
  });

  it('places relative ticks at round durations, values in hours', () => {
    const relative = ticks('relative', [0, 1], 4);
    expect(relative.map((t) => t.value)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(relative.map((t) => t.label)).toEqual(['0', '15m', '30m', '45m', '1h']);
  });

  it('labels wall time with clock times', () => {
    const t0 = new Date(2026, 0, 5, 10, 0, 0).getTime() / 1000;
    expect(X_AXIS_SCALES.wall.kind).toBe('time');
    expect(labels('wall', [t0, t0 + 7200], 4)).toEqual(['10:00', '10:30', '11:00', '11:30', '12:00']);
  });
});

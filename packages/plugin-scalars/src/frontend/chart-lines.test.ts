import { describe, expect, it } from 'vitest';
import { chartLines, sameLines } from './chart-lines.js';
import { emaSmooth } from './smoothing.js';

const s = { wall: Float64Array.of(0, 3600), step: Float64Array.of(5, 6), value: Float64Array.of(1, 3) };
const empty = { wall: new Float64Array(0), step: new Float64Array(0), value: new Float64Array(0) };

describe('chartLines', () => {
  it('derives x and smoothed values once per series and settings', () => {
    const byRun = new Map([['a', s], ['b', empty]]);
    const settings = { xAxis: 'relative' as const, method: 'ema' as const, smoothing: 0.5 };
    const [line, ...rest] = chartLines(byRun, ['b', 'a', 'c'], () => '#abc', settings);
    expect(rest).toEqual([]);
    expect(line!.run).toBe('a');
    expect([...line!.x]).toEqual([0, 1]);
    expect([...line!.smoothed]).toEqual([...emaSmooth(s.value, 0.5)]);
    const again = chartLines(byRun, ['a'], () => '#abc', settings)[0]!;
    expect(again.smoothed).toBe(line!.smoothed);
    expect(again.x).toBe(line!.x);
  });

  it('uses the values themselves when smoothing is off', () => {
    const [line] = chartLines(new Map([['a', s]]), ['a'], () => '#abc', { xAxis: 'step', method: 'ema', smoothing: 0 });
    expect(line!.smoothed).toBe(s.value);
    expect(line!.ascending).toBe(true);
  });
});

describe('sameLines', () => {
  it('compares by run, colour and array identity', () => {
    const settings = { xAxis: 'step' as const, method: 'ema' as const, smoothing: 0.5 };
    const a = chartLines(new Map([['a', s]]), ['a'], () => '#abc', settings);
    expect(sameLines(a, chartLines(new Map([['a', s]]), ['a'], () => '#abc', settings))).toBe(true);
    expect(sameLines(a, chartLines(new Map([['a', s]]), ['a'], () => '#def', settings))).toBe(false);
    expect(sameLines(a, chartLines(new Map([['a', s]]), ['a'], () => '#abc', { ...settings, smoothing: 0.7 }))).toBe(false);
    expect(sameLines(a, [])).toBe(false);
  });
});

describe('chartLines on a restarted run', () => {
  // A job restarted into the same log dir: steps 0..3, then 0..2 again, in file order.
  const restarted = {
    wall: Float64Array.of(0, 1, 2, 3, 10, 11, 12),
    step: Float64Array.of(0, 1, 2, 3, 0, 1, 2),
    value: Float64Array.of(4, 3, 2, 1, 9, 8, 7),
  };

  it('cuts the series where the step goes back and smooths each segment on its own', () => {
    const [line] = chartLines(new Map([['r', restarted]]), ['r'], () => '#abc', { xAxis: 'step', method: 'ema', smoothing: 0.6 });
    expect([...line!.segments]).toEqual([0, 4]);
    expect(line!.ascending).toBe(true);
    expect(line!.smoothed[4]).toBeCloseTo(9, 12);
    expect([...line!.smoothed.slice(0, 4)]).toEqual([...emaSmooth(restarted.value.slice(0, 4), 0.6)]);
  });
});

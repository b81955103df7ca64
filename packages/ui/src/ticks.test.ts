import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScale } from './scales.js';
import { axisTicks, tickCount, ticksFor, type Tick } from './ticks.js';

const values = (ticks: readonly Tick[]) => ticks.map((t) => t.value);
const labels = (ticks: readonly Tick[]) => ticks.map((t) => t.label);

describe('ticksFor, linear', () => {
  it('puts ticks at 1-2-5 steps, labelled with the decimals the step needs', () => {
    const ticks = ticksFor('linear', [0, 1], 5);
    expect(values(ticks)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(labels(ticks)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    expect(labels(ticksFor('linear', [0, 0.5], 5))).toEqual(['0', '0.1', '0.2', '0.3', '0.4', '0.5']);
    expect(values(ticksFor('linear', [0.1, 0.35], 5))).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
    expect(values(ticksFor('linear', [0, 1000], 4))).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(values(ticksFor('linear', [0, 4], 4))).toEqual([0, 1, 2, 3, 4]);
  });

  it('covers a negative-to-positive domain, and reversed bounds', () => {
    const ticks = ticksFor('linear', [-0.043, 0.051], 4);
    expect(values(ticks)).toEqual([-0.04, -0.02, 0, 0.02, 0.04]);
    expect(labels(ticks)).toEqual(['-0.04', '-0.02', '0', '0.02', '0.04']);
    expect(labels(ticksFor('linear', [5, -5], 2))).toEqual(['-5', '0', '5']);
  });

  it('ticks a tiny span (1e-7) without float noise, in exponent notation', () => {
    const ticks = ticksFor('linear', [0, 1e-7], 5);
    expect(values(ticks)).toEqual([0, 2e-8, 4e-8, 6e-8, 8e-8, 1e-7]);
    expect(labels(ticks)).toEqual(['0', '2e-8', '4e-8', '6e-8', '8e-8', '1e-7']);
    expect(labels(ticksFor('linear', [1, 1 + 1e-7], 2))).toEqual(['1.00000000', '1.00000005', '1.00000010']);
  });

  it('labels huge values (1e9) with SI prefixes', () => {
    const ticks = ticksFor('linear', [0, 1e9], 5);
    expect(values(ticks)).toEqual([0, 2e8, 4e8, 6e8, 8e8, 1e9]);
    expect(labels(ticks)).toEqual(['0', '200M', '400M', '600M', '800M', '1G']);
  });

  it('gives a single-value domain its value, and a non-finite one nothing', () => {
    expect(ticksFor('linear', [3, 3], 5)).toEqual([{ value: 3, label: '3' }]);
    expect(ticksFor('linear', [0.25, 0.25], 5)).toEqual([{ value: 0.25, label: '0.25' }]);
    expect(ticksFor('linear', [0, Infinity], 5)).toEqual([]);
  });
});

describe('ticksFor, integers (steps)', () => {
  it('puts no tick between two integers', () => {
    expect(values(ticksFor('linear', [0, 4], 8, { values: 'integer' }))).toEqual([0, 1, 2, 3, 4]);
    expect(values(ticksFor('linear', [0.5, 2.5], 8, { values: 'integer' }))).toEqual([1, 2]);
    expect(ticksFor('linear', [2.5, 2.5], 8, { values: 'integer' })).toEqual([]);
  });

  it('labels them as integers, with SI prefixes from 1e4', () => {
    expect(labels(ticksFor('linear', [0, 2000], 4, { values: 'integer' }))).toEqual(['0', '500', '1000', '1500', '2000']);
    expect(labels(ticksFor('linear', [0, 1.2e6], 6, { values: 'integer' }))).toEqual(['0', '200k', '400k', '600k', '800k', '1M', '1.2M']);
  });
});

describe('ticksFor, log', () => {
  it('labels decades over a few decades', () => {
    expect(labels(ticksFor('log', [1e-3, 10], 5))).toEqual(['0.001', '0.01', '0.1', '1', '10']);
    expect(labels(ticksFor('log', [1, 1000], 5))).toEqual(['1', '10', '100', '1000']);
  });

  it('adds 2x to 5x between decades when there is room for them', () => {
    expect(values(ticksFor('log', [1, 100], 10))).toEqual([1, 2, 3, 4, 5, 10, 20, 30, 40, 50, 100]);
  });

  it('thins the decades over many of them', () => {
    const ticks = ticksFor('log', [1e-8, 1e8], 5);
    expect(values(ticks)).toEqual([1e-5, 1, 1e5]);
    expect(labels(ticks)).toEqual(['1e-5', '1', '100k']);
  });

  it('falls back to linear steps within a decade', () => {
    expect(values(ticksFor('log', [2, 6], 4))).toEqual([2, 3, 4, 5, 6]);
    expect(labels(ticksFor('log', [2, 2.5], 3))).toEqual(['2', '2.2', '2.4']);
  });

  it('has no ticks for a domain not above zero', () => {
    expect(ticksFor('log', [0, 10], 5)).toEqual([]);
    expect(ticksFor('log', [-10, -1], 5)).toEqual([]);
  });
});

describe('ticksFor, wall time', () => {
  const t0 = new Date(2026, 0, 5, 10, 0, 0).getTime() / 1000;
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('labels an hours span with clock times', () => {
    expect(labels(ticksFor('time', [t0, t0 + 7200], 4))).toEqual(['10:00', '10:30', '11:00', '11:30', '12:00']);
  });

  it('labels a seconds span with seconds, and a sub-second one with decimals', () => {
    const ticks = ticksFor('time', [t0, t0 + 10], 2);
    expect(values(ticks)).toEqual([t0, t0 + 5, t0 + 10]);
    expect(labels(ticks)).toEqual(['10:00:00', ':05', ':10']);
    expect(labels(ticksFor('time', [t0 + 50, t0 + 70], 4))).toEqual(['10:00:50', ':55', '10:01', ':05', ':10']);
    expect(labels(ticksFor('time', [t0, t0 + 0.5], 2))).toEqual(['10:00:00', '.2', '.4']);
  });

  it('labels a days span with dates at local midnight', () => {
    expect(labels(ticksFor('time', [t0, t0 + 3 * 86400], 3))).toEqual(['Jan 6', 'Jan 7', 'Jan 8']);
    expect(labels(ticksFor('time', [t0, t0 + 2 * 86400], 4))).toEqual(['12:00', 'Jan 6', '12:00', 'Jan 7']);
  });

  it('falls on round times in UTC, and on the local hour in a zone with a half-hour offset', () => {
    vi.stubEnv('TZ', 'UTC');
    expect(values(ticksFor('time', [10, 3610], 4))).toEqual([900, 1800, 2700, 3600]);
    vi.stubEnv('TZ', 'Asia/Kolkata');
    const ticks = ticksFor('time', [0, 6 * 3600], 4);
    expect(ticks.length).toBeGreaterThan(3);
    // UTC+5:30: local hours fall at UTC xx:30.
    for (const t of values(ticks)) expect((t + 330 * 60) % 3600).toBe(0);
    expect(ticks[0]!.label).toBe('06:00');
  });
});

describe('ticksFor, durations', () => {
  it('ticks round durations from zero, values in the axis unit', () => {
    const ticks = ticksFor('linear', [0, 1], 4, { values: 'duration', secondsPerUnit: 3600 });
    expect(values(ticks)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(labels(ticks)).toEqual(['0', '15m', '30m', '45m', '1h']);
    expect(labels(ticksFor('linear', [0, 100_000], 5, { values: 'duration' }))).toEqual(['0', '6h', '12h', '18h', '1d']);
  });
});

describe('tickCount', () => {
  it('asks for one tick per 50 px of a vertical axis and per 80 px of a horizontal one, at least 2', () => {
    expect([0, 100, 300, 600].map((px) => tickCount(px, 'vertical'))).toEqual([2, 2, 6, 12]);
    expect([0, 100, 300, 600].map((px) => tickCount(px, 'horizontal'))).toEqual([2, 2, 4, 8]);
  });
});

describe('axisTicks', () => {
  it('places each tick on the scale, its count from the axis length', () => {
    const ticks = axisTicks(createScale('linear', [0, 1], [250, 10]));
    expect(values(ticks)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    [250, 202, 154, 106, 58, 10].forEach((px, i) => expect(ticks[i]!.px).toBeCloseTo(px, 9));
    expect(values(axisTicks(createScale('linear', [0, 1], [0, 600])))).toHaveLength(11);
  });

  it('thins a horizontal axis until the blank between two labels is as wide as the narrower one', () => {
    const steps = createScale('linear', [0, 1000], [0, 400]);
    expect(labels(axisTicks(steps, { values: 'integer' }))).toEqual(['0', '100', '200', '300', '400', '500', '600', '700', '800', '900', '1000']);
    const width = (label: string) => label.length * 7;
    const ticks = axisTicks(steps, { values: 'integer', labelWidth: width });
    expect(labels(ticks)).toEqual(['0', '200', '400', '600', '800', '1000']);
    for (let i = 1; i < ticks.length; i++) {
      const [a, b] = [width(ticks[i - 1]!.label), width(ticks[i]!.label)];
      expect(ticks[i]!.px - ticks[i - 1]!.px).toBeGreaterThanOrEqual((a + b) / 2 + Math.min(a, b));
    }
    expect(labels(axisTicks(steps, { values: 'integer', labelWidth: (label) => label.length * 20 }))).toEqual(['0', '500', '1000']);
  });

  it('fits short seconds labels after a full first one', () => {
    const t0 = new Date(2026, 0, 5, 10, 0, 0).getTime() / 1000;
    const ticks = axisTicks(createScale('time', [t0, t0 + 5], [0, 300]), { labelWidth: (label) => label.length * 7 });
    expect(labels(ticks)).toEqual(['10:00:00', ':01', ':02', ':03', ':04', ':05']);
  });

  it('ticks a log axis, a duration axis and a step axis', () => {
    expect(labels(axisTicks(createScale('log', [1e-3, 10], [200, 0])))).toEqual(['0.001', '0.01', '0.1', '1', '10']);
    expect(labels(axisTicks(createScale('linear', [0, 2], [0, 240]), { values: 'duration', secondsPerUnit: 3600 }))).toEqual(['0', '30m', '1h', '1h30m', '2h']);
    expect(labels(axisTicks(createScale('linear', [0, 3], [0, 600]), { values: 'integer' }))).toEqual(['0', '1', '2', '3']);
  });
});

import { describe, expect, it } from 'vitest';
import { clampSmoothing, DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY } from './settings.js';
import { loadStored, saveStored, type StorageLike } from '@tb/ui';

function memory(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('parseSettings', () => {
  it('defaults to TensorBoard\'s 0.6 EMA on steps', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.smoothing).toBe(0.6);
  });

  it('keeps valid fields and replaces invalid ones', () => {
    expect(parseSettings({ smoothing: 2, method: 'sma', xAxis: 'bogus', logY: true, ignoreOutliers: 'yes' })).toEqual({
      ...DEFAULT_SETTINGS,
      smoothing: 0.999,
      method: 'sma',
      logY: true,
    });
  });

  it('keeps a card width and a tooltip run count, and defaults anything else', () => {
    expect(parseSettings({ cardWidth: 'small', tooltipRuns: 3 })).toMatchObject({ cardWidth: 'small', tooltipRuns: 3 });
    expect(parseSettings({ cardWidth: 'huge', tooltipRuns: -1 })).toMatchObject({ cardWidth: 'medium', tooltipRuns: 0 });
    expect(parseSettings({ tooltipRuns: 2.5 }).tooltipRuns).toBe(0);
    expect(parseSettings({ tooltipRuns: '3' }).tooltipRuns).toBe(0);
  });

  it('clamps smoothing', () => {
    expect(clampSmoothing(-1)).toBe(0);
    expect(clampSmoothing(NaN)).toBe(0.6);
  });
});

describe('storage', () => {
  it('round-trips through JSON under the prefix', () => {
    const s = memory();
    saveStored(SETTINGS_KEY, { ...DEFAULT_SETTINGS, xAxis: 'wall' }, s);
    expect([...s.data.keys()]).toEqual(['tb-core.scalars.settings']);
    expect(loadStored(SETTINGS_KEY, parseSettings, s).xAxis).toBe('wall');
  });

  it('falls back on junk and on a failing storage', () => {
    const s = memory();
    s.data.set('tb-core.scalars.settings', '{not json');
    expect(loadStored(SETTINGS_KEY, parseSettings, s)).toEqual(DEFAULT_SETTINGS);
    const broken: StorageLike = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadStored(SETTINGS_KEY, parseSettings, broken)).toEqual(DEFAULT_SETTINGS);
    expect(() => saveStored(SETTINGS_KEY, 1, broken)).not.toThrow();
    expect(loadStored(SETTINGS_KEY, parseSettings, null)).toEqual(DEFAULT_SETTINGS);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, STATUSES, toggled } from './settings.js';

describe('settings', () => {
  it('reads what was stored and defaults the rest', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ hidden: ['hparam:x'], logAxes: ['hparam:lr'], colorBy: 'metric:loss', statuses: ['STATUS_FAILURE', 'NOPE'] })).toEqual({
      hidden: ['hparam:x'],
      logAxes: ['hparam:lr'],
      colorBy: 'metric:loss',
      statuses: ['STATUS_FAILURE'],
    });
    expect(parseSettings({ hidden: 'x', logAxes: [1], colorBy: 3 })).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.statuses).toEqual(STATUSES);
  });

  it('toggles an item in a list', () => {
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggled(['b'], 'a', true)).toEqual(['b', 'a']);
    expect(toggled(['a'], 'a', true)).toEqual(['a']);
  });
});

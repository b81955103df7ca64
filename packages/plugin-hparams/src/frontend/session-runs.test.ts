import { runColor } from '@tb/ui';
import { describe, expect, it } from 'vitest';
import { GROUPS } from './fixtures.js';
import { metricRun, runsOfGroups, sessionColor } from './session-runs.js';

describe('session runs', () => {
  it('finds the run of a metric: the session, or its group under it', () => {
    expect(metricRun('tuning/run-00', { group: '', tag: 'loss' })).toBe('tuning/run-00');
    expect(metricRun('tuning/run-00', { group: 'validation', tag: 'loss' })).toBe('tuning/run-00/validation');
    expect(metricRun('.', { group: 'validation', tag: 'loss' })).toBe('validation');
  });

  it("lists a group's runs and those under them, in the shell's order, not a prefix look-alike", () => {
    const all = ['tuning', 'tuning/run-00', 'tuning/run-00/train', 'tuning/run-00/validation', 'tuning/run-000', 'tuning/run-01'];
    expect(runsOfGroups([GROUPS[0]!], all)).toEqual(['tuning/run-00', 'tuning/run-00/train', 'tuning/run-00/validation']);
    expect(runsOfGroups([GROUPS[1]!, GROUPS[0]!], all)).toEqual(['tuning/run-00', 'tuning/run-00/train', 'tuning/run-00/validation', 'tuning/run-01']);
    // A session the shell does not list is still named.
    expect(runsOfGroups([GROUPS[2]!], all)).toEqual(['tuning/run-02']);
  });

  it("colours a session with its run's colour, else a run under it's, else the palette's", () => {
    expect(sessionColor('a', { a: '#111111', 'a/x': '#222222' })).toBe('#111111');
    expect(sessionColor('a', { 'a/x': '#222222', ab: '#333333' })).toBe('#222222');
    expect(sessionColor('a', { ab: '#333333' })).toBe(runColor('a'));
  });
});

import { describe, expect, it } from 'vitest';
import { dirname, longestSessionPath, metricGroup, metricRun } from './run-paths.js';

describe('metricRun (os.path.join, trailing slash dropped)', () => {
  it.each([
    ['sweep/trial-1', '', 'sweep/trial-1'],
    ['sweep/trial-1', 'validation', 'sweep/trial-1/validation'],
    ['sweep/trial-1', 'eval/a', 'sweep/trial-1/eval/a'],
    ['sweep/trial-1', '/abs', '/abs'],
    ['sweep/', 'x', 'sweep/x'],
  ])('%s + %s -> %s', (session, group, run) => expect(metricRun(session, group)).toBe(run));
});

describe('dirname (posixpath)', () => {
  it.each([
    ['a/b/c', 'a/b'],
    ['a', ''],
    ['/a', '/'],
    ['a//b', 'a'],
    ['', ''],
  ])('%s -> %s', (p, d) => expect(dirname(p)).toBe(d));
});

describe('the session a scalar run belongs to', () => {
  const sessions = new Set(['exp/session1', 'exp/session2', 'exp/session2/inner']);
  it.each([
    ['exp/session1', 'exp/session1'],
    ['exp/session2/eval', 'exp/session2'],
    ['exp/session2/inner/x', 'exp/session2/inner'],
    ['exp/no-session', null],
    ['other', null],
  ])('%s -> %s', (run, session) => expect(longestSessionPath(sessions, run)).toBe(session));

  it('names the group by the path below the session, "" for the session itself', () => {
    expect(metricGroup('exp/session2/eval', 'exp/session2')).toBe('eval');
    expect(metricGroup('exp/session2/a/b', 'exp/session2')).toBe('a/b');
    expect(metricGroup('exp/session1', 'exp/session1')).toBe('');
    // TensorBoard keeps '.' for a run whose name ends with '.'.
    expect(metricGroup('.', '.')).toBe('.');
  });
});

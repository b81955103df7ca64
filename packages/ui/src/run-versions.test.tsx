// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { useRunVersions } from './run-versions.js';

describe('useRunVersions', () => {
  it('bumps the changed runs on a new reload signal, every run when unknown', () => {
    let versionOf: (run: string) => number = () => -1;
    const Probe = (p: { signal: number; changed: string[] }) => {
      versionOf = useRunVersions({ reloadSignal: p.signal, changedRuns: p.changed, runs: [{ name: 'a', startTime: 0 }, { name: 'b', startTime: 0 }] });
      return null;
    };
    const root = document.createElement('div');
    render(<Probe signal={0} changed={[]} />, root);
    expect([versionOf('a'), versionOf('b')]).toEqual([0, 0]);
    render(<Probe signal={1} changed={['b']} />, root);
    expect([versionOf('a'), versionOf('b')]).toEqual([0, 1]);
    render(<Probe signal={1} changed={['b']} />, root);
    expect(versionOf('b')).toBe(1);
    render(<Probe signal={2} changed={[]} />, root);
    expect([versionOf('a'), versionOf('b')]).toEqual([1, 2]);
  });
});

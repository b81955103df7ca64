import { describe, expect, it } from 'vitest';
import { readRawEvent } from '../events/raw-event.js';
import { encodeTestEvent, type TestEvent } from '../testing/event-files.js';
import { OrphanDetector, parseFileVersion, type OrphanPurge } from './orphan-purge.js';

/** What the detector says for each event, in order. */
function purges(events: TestEvent[]): OrphanPurge[] {
  const d = new OrphanDetector();
  return events.map((e) => d.next(readRawEvent(encodeTestEvent(e))));
}

const none = { kind: 'none' };
const version = (v: string): TestEvent => ({ wallTime: 1, fileVersion: v });
const start = (step: number): TestEvent => ({ wallTime: 1, step, sessionLogStatus: 1 });
const scalar = (step: number, ...tags: string[]): TestEvent => ({
  wallTime: 1,
  step,
  scalars: Object.fromEntries(tags.map((t) => [t, step])),
});

describe('parseFileVersion', () => {
  it('reads the number after brain.Event: as Python float() would', () => {
    expect(parseFileVersion('brain.Event:2')).toBe(2);
    expect(parseFileVersion('brain.Event:1')).toBe(1);
    expect(parseFileVersion('brain.Event:2.5')).toBe(2.5);
    expect(parseFileVersion('brain.Event: 3 ')).toBe(3);
    expect(parseFileVersion('brain.Event:1_0')).toBe(10);
    expect(parseFileVersion('brain.Event:1e1')).toBe(10);
    expect(parseFileVersion('brain.Event:.5')).toBe(0.5);
    expect(parseFileVersion('brain.Event:inf')).toBe(Infinity);
    expect(parseFileVersion('brain.Event:-Infinity')).toBe(-Infinity);
    expect(parseFileVersion('brain.Event:nan')).toBeNaN();
    expect(parseFileVersion('4')).toBe(4);
    expect(parseFileVersion('brain.Event:1brain.Event:2')).toBe(2);
  });

  it('answers -1 for what is not a number', () => {
    for (const bad of ['tensorflow.Event:2', 'brain.Event:', 'brain.Event:two', 'brain.Event:2_', 'brain.Event:0x2', '']) {
      expect(parseFileVersion(bad), bad).toBe(-1);
    }
  });
});

describe('OrphanDetector: version 2 runs', () => {
  it('purges nothing on a step going back, in the same file or a new one', () => {
    expect(purges([version('brain.Event:2'), scalar(0, 'a'), scalar(9, 'a'), scalar(3, 'a'), version('brain.Event:2'), scalar(0, 'a')])).toEqual(
      Array(6).fill(none),
    );
  });

  it('takes the first SessionLog.START as the start, and purges every tag from each later one', () => {
    expect(purges([version('brain.Event:2'), start(0), scalar(0, 'a'), scalar(9, 'a'), start(5), start(7)])).toEqual([
      none,
      none,
      none,
      none,
      { kind: 'all', step: 5 },
      { kind: 'all', step: 7 },
    ]);
  });

  it('keeps the last version seen for later files that have none', () => {
    expect(purges([version('brain.Event:2'), scalar(5, 'a'), scalar(0, 'a')])).toEqual([none, none, none]);
  });
});

describe('OrphanDetector: older runs', () => {
  for (const [what, first] of [
    ['no version', []],
    ['brain.Event:1', [version('brain.Event:1')]],
    ['an unreadable version', [version('tensorflow.Event:2')]],
    ['version 0', [version('brain.Event:0')]],
  ] as const) {
    it(`${what}: a summary going back in steps purges its own tags from its step`, () => {
      const got = purges([...first, scalar(0, 'a', 'b'), scalar(10, 'a', 'b'), scalar(4, 'a')]);
      expect(got.slice(first.length)).toEqual([none, none, { kind: 'tags', step: 4, tags: ['a'] }]);
    });
  }

  it('compares with the previous summary step, even when that went back itself', () => {
    expect(purges([scalar(10, 'a'), scalar(4, 'a'), scalar(6, 'a'), scalar(5, 'b')])).toEqual([
      none,
      { kind: 'tags', step: 4, tags: ['a'] },
      none,
      { kind: 'tags', step: 5, tags: ['b'] },
    ]);
  });

  it('ignores events without a summary, and SessionLog.START', () => {
    expect(purges([scalar(10, 'a'), { wallTime: 1, step: 2 }, start(0), start(1), scalar(10, 'a')])).toEqual(Array(5).fill(none));
  });

  it('switches to the version 2 rule once a version 2 file appears, with no START seen yet', () => {
    expect(purges([scalar(10, 'a'), start(3), version('brain.Event:2'), scalar(0, 'a'), start(5), start(6)])).toEqual([
      none,
      none,
      none,
      none,
      none,
      { kind: 'all', step: 6 },
    ]);
  });
});

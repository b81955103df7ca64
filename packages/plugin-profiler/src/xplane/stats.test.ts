import { describe, expect, it } from 'vitest';
import { StatFinder, statName, statValue, statsRecord } from './stats.js';
import type { XEvent, XPlane } from './types.js';

const plane: XPlane = {
  id: 1,
  name: '/device:GPU:0',
  lines: [],
  eventMetadata: new Map([[1, { id: 1, name: 'fusion.3', displayName: '', metadata: new Uint8Array(), stats: [{ metadataId: 1, refValue: 9 }, { metadataId: 2, doubleValue: 0.5 }], childId: [] }]]),
  statMetadata: new Map([
    [1, { id: 1, name: 'hlo_category', description: '' }],
    [2, { id: 2, name: 'ratio', description: '' }],
    [3, { id: 3, name: 'blob', description: '' }],
    [9, { id: 9, name: 'loop fusion', description: '' }],
  ]),
  stats: [],
};

describe('stats', () => {
  it('resolves names and values of every kind', () => {
    expect(statName(plane, { metadataId: 2 })).toBe('ratio');
    expect(statName(plane, { metadataId: 77 })).toBe('stat#77');
    expect(statValue(plane, { metadataId: 1, refValue: 9 })).toBe('loop fusion');
    expect(statValue(plane, { metadataId: 1, refValue: 99 })).toBe('ref#99');
    expect(statValue(plane, { metadataId: 3, bytesValue: new Uint8Array(4) })).toBe('<4 bytes>');
    expect(statValue(plane, { metadataId: 2, int64Value: -3 })).toBe(-3);
    expect(statValue(plane, { metadataId: 2, uint64Value: 0 })).toBe(0);
    expect(statValue(plane, { metadataId: 2 })).toBeNull();
  });

  it('lets event stats override metadata stats', () => {
    const event: XEvent = { metadataId: 1, offsetPs: 0, numOccurrences: 0, durationPs: 1, stats: [{ metadataId: 2, doubleValue: 0.75 }] };
    const meta = plane.eventMetadata.get(1)!;
    expect(statsRecord(plane, event.stats, statsRecord(plane, meta.stats))).toEqual({ hlo_category: 'loop fusion', ratio: 0.75 });
    const finder = new StatFinder(plane);
    expect(finder.get(event, 'ratio')).toBe(0.75);
    expect(finder.get(event, 'hlo_category')).toBe('loop fusion');
    expect(finder.get(event, 'missing')).toBeNull();
    expect(finder.first(event, ['category', 'hlo_category'])).toBe('loop fusion');
  });
});

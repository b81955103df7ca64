import { describe, expect, it } from 'vitest';
import { edgePath } from './edge-path.js';

describe('edgePath', () => {
  it('is a straight line for two points', () => {
    expect(edgePath([{ x: 0, y: 0 }, { x: 10, y: 20 }])).toBe('M0,0L10,20');
  });
  it('is a curve that starts and ends on the first and last points', () => {
    const d = edgePath([{ x: 0, y: 0 }, { x: 30, y: 30 }, { x: 0, y: 60 }]);
    expect(d.startsWith('M0,0')).toBe(true);
    expect(d.endsWith('L0,60')).toBe(true);
    expect(d.match(/C/g)).toHaveLength(2);
  });
  it('draws nothing without points', () => {
    expect(edgePath([])).toBe('');
  });
});

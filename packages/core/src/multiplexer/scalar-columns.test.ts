import { describe, expect, it } from 'vitest';
import { ScalarColumns } from './scalar-columns.js';

const cols = (n: number, from = 0) => {
  const step = Float64Array.from({ length: n }, (_, i) => from + i);
  return { step, wallTime: step.map((s) => 1000 + s), value: step.map((s) => s / 3) };
};
const plain = (c: ScalarColumns) => {
  const v = c.view();
  return { step: Array.from(v.step), wallTime: Array.from(v.wallTime), value: Array.from(v.value) };
};

describe('ScalarColumns.append', () => {
  it.each([0, 7])('keeps what pushing one by one keeps (capacity %i), across growth', (capacity) => {
    const a = new ScalarColumns(capacity, 42);
    const b = new ScalarColumns(capacity, 42);
    for (const [n, from] of [[5, 0], [3000, 5], [1, 3005], [0, 3006], [700, 3006]] as const) {
      const c = cols(n, from);
      a.append(c.step, c.wallTime, c.value);
      for (let i = 0; i < n; i++) b.push(c.step[i]!, c.wallTime[i]!, c.value[i]!);
    }
    expect(plain(a)).toEqual(plain(b));
    expect(a.length).toBe(capacity === 0 ? 3706 : capacity);
  });

  it('keeps sampling the same after a purge, appended or pushed', () => {
    const a = new ScalarColumns(0);
    const c = cols(100);
    a.append(c.step, c.wallTime, c.value);
    expect(a.purgeFrom(50)).toBe(50);
    const d = cols(10, 50);
    a.append(d.step, d.wallTime, d.value);
    expect(plain(a).step).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });
});

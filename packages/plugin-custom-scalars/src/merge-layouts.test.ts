import { describe, expect, it } from 'vitest';
import type { Chart, Layout } from './layout-proto.js';
import { mergeLayouts } from './merge-layouts.js';

const line = (title: string, ...tag: string[]): Chart => ({ title, multiline: { tag } });
const layout = (...category: { title: string; chart: Chart[] }[]): Layout => ({ version: 0, category: category.map((c) => ({ ...c, closed: false })) });

describe('mergeLayouts', () => {
  it('is null without layouts and the layout itself for one', () => {
    expect(mergeLayouts([])).toBeNull();
    const one = layout({ title: 'a', chart: [line('x', 'x'), line('x', 'x')] });
    expect(mergeLayouts([one])).toEqual(one);
  });

  it('appends the charts a seen category lacks and new categories at the end', () => {
    const merged = mergeLayouts([
      layout({ title: 'a', chart: [line('x', 'x')] }),
      layout({ title: 'b', chart: [line('y', 'y')] }, { title: 'a', chart: [line('x', 'x'), line('z', 'z')] }),
    ]);
    expect(merged).toEqual(layout({ title: 'a', chart: [line('x', 'x'), line('z', 'z')] }, { title: 'b', chart: [line('y', 'y')] }));
  });

  it("drops charts added to a category first seen in a later layout, as TensorBoard's merge does", () => {
    const merged = mergeLayouts([layout(), layout({ title: 'b', chart: [line('y', 'y')] }), layout({ title: 'b', chart: [line('w', 'w')] })]);
    expect(merged).toEqual(layout({ title: 'b', chart: [line('y', 'y')] }));
  });
});

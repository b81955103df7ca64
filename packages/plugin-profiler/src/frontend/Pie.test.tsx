// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { PieData } from './api.js';
import { referenceAnswer } from './fixtures.js';
import { formatUs } from './format.js';
import { Pie, pieSlices } from './Pie.js';

const kernels = (referenceAnswer('kernel?run=resnet50_num_workers_0&worker=worker0&span=1&group_by=Kernel') as { total: PieData }).total.rows;

describe('Pie', () => {
  it('keeps the largest slices and sums the rest as Other, losing no time', () => {
    const slices = pieSlices(kernels.map(([label, value]) => ({ label, value })), 11);
    expect(kernels.length).toBeGreaterThan(11);
    expect(slices).toHaveLength(11);
    expect(slices.at(-1)!.label).toBe('Other');
    const total = kernels.reduce((t, [, v]) => t + v, 0);
    expect(slices.reduce((t, s) => t + s.value, 0)).toBeCloseTo(total, 6);
    const largest = Math.max(...kernels.map(([, v]) => v));
    expect(slices[0]!.value).toBe(largest);
  });

  it('drops empty and invalid slices and draws one path per slice', () => {
    const slices = [
      { label: 'Using Tensor Cores', value: 0 },
      { label: 'Not Using Tensor Cores', value: 1 },
      { label: 'bad', value: Number.NaN },
    ];
    expect(pieSlices(slices, 10).map((s) => s.label)).toEqual(['Not Using Tensor Cores']);
    const el = document.createElement('div');
    render(<Pie slices={kernels.slice(0, 3).map(([label, value]) => ({ label, value }))} format={formatUs} />, el);
    expect(el.querySelectorAll('path.tb-prof-pie__slice')).toHaveLength(3);
    const pct = [...el.querySelectorAll('.tb-prof-legend__value')].map((v) => Number.parseFloat(v.textContent!));
    expect(pct.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 1);
    render(null, el);
  });
});

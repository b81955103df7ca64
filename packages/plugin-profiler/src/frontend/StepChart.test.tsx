// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from './api.js';
import { figuresFromOverview, referenceAnswer, type TorchOverview } from './fixtures.js';
import { StepChart, stackStep } from './StepChart.js';

const figures = figuresFromOverview(referenceAnswer('overview?run=resnet50_num_workers_4&worker=worker0&span=1') as TorchOverview);

describe('StepChart', () => {
  it('stacks every category of a step bottom up to its total', () => {
    for (const step of figures.steps) {
      const segs = stackStep(step);
      expect(segs.map((s) => s[0])).toEqual([...CATEGORIES]);
      expect(segs[0]![1]).toBe(0);
      for (let i = 1; i < segs.length; i++) expect(segs[i]![1]).toBe(segs[i - 1]![2]);
      expect(segs.at(-1)![2]).toBe(step.total);
    }
  });

  it('counts a negative or missing time as zero', () => {
    const segs = stackStep({ ...figures.steps[0]!, memset: -5, other: Number.NaN });
    expect(segs.find((s) => s[0] === 'memset')!.slice(1)).toEqual([segs[2]![1], segs[2]![1]]);
    expect(segs.at(-1)![2]).toBe(segs.at(-1)![1]);
  });

  it('draws taller bars for longer steps', () => {
    const el = document.createElement('div');
    render(<StepChart steps={figures.steps} testId="c" />, el);
    const heights = [...el.querySelectorAll<SVGGElement>('.tb-prof-chart__step')].map((g) => [...g.querySelectorAll('rect')].reduce((t, r) => t + Number(r.getAttribute('height')), 0));
    expect(heights).toHaveLength(figures.steps.length);
    const longest = figures.steps.reduce((m, s, i) => (s.total > figures.steps[m]!.total ? i : m), 0);
    expect(heights.indexOf(Math.max(...heights))).toBe(longest);
    render(null, el);
  });

  it('hovering a segment tells its step, time and share', async () => {
    const el = document.createElement('div');
    document.body.append(el);
    render(<StepChart steps={figures.steps} testId="c" />, el);
    const step = figures.steps[1]!;
    const group = [...el.querySelectorAll<SVGGElement>('.tb-prof-chart__step')].find((g) => g.getAttribute('data-step') === step.step)!;
    const rect = [...group.querySelectorAll('rect')].find((r) => r.getAttribute('data-category') === 'kernel')!;
    await act(async () => {
      rect.dispatchEvent(new MouseEvent('mousemove', { clientX: 100, clientY: 80, bubbles: true }));
    });
    const tip = el.querySelector('[data-testid="c-tooltip"]')!.textContent!;
    expect(tip).toContain(`Step ${step.step}`);
    expect(tip).toContain(`Kernel: ${step.kernel.toLocaleString('en-US')} µs`);
    expect(tip).toContain(`(${((step.kernel / step.total) * 100).toFixed(2)} %)`);
    render(null, el);
    el.remove();
  });
});

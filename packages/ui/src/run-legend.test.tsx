// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { RunLegend } from './run-legend.js';
import { runColor } from './run-color.js';

describe('RunLegend', () => {
  it('lists each run with its colour swatch', () => {
    const container = document.createElement('div');
    act(() => render(<RunLegend runs={['adam', 'sgd']} colors={{ adam: 'rgb(1, 2, 3)' }} />, container));
    const rows = [...container.querySelectorAll('li')];
    expect(rows.map((r) => r.textContent)).toEqual(['adam', 'sgd']);
    const swatches = rows.map((r) => r.querySelector<HTMLElement>('.tb-swatch')!.style.background);
    expect(swatches[0]).toBe('rgb(1, 2, 3)');
    expect(swatches[1]).not.toBe('');
    expect(runColor('sgd')).toMatch(/^#/);
  });

  it('draws long names elided in the middle: the shared start apart from the part that differs, full name on hover', () => {
    const container = document.createElement('div');
    const runs = ['TheCodeheadMT-TensorBoard-Tutorial/MNIST-extra-metrics1690486849/train', 'TheCodeheadMT-TensorBoard-Tutorial/MNIST-extra-metrics1690486849/validation'];
    act(() => render(<RunLegend runs={runs} colors={{}} />, container));
    const names = [...container.querySelectorAll<HTMLElement>('.tb-run-legend__name')];
    expect(names.map((n) => n.title)).toEqual(runs);
    expect(names.map((n) => n.querySelector('.tb-run-name__start')!.textContent)).toEqual([
      'TheCodeheadMT-TensorBoard-Tutorial/MNIST-extra-metrics1690486849/',
      'TheCodeheadMT-TensorBoard-Tutorial/MNIST-extra-metrics1690486849/',
    ]);
    expect(names.map((n) => n.querySelector('.tb-run-name__distinct')!.textContent)).toEqual(['train', 'validation']);
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { RunName, splitRunNames, type RunNameParts } from './run-name.js';

const tutorial = (i: number, split: string) => `TheCodeheadMT-TensorBoard-Tutorial/MNIST-extra-metrics16904868${40 + i}/${split}`;
const parts = (start: string, distinct: string, end = ''): RunNameParts => ({ start, distinct, end });

describe('splitRunNames', () => {
  it('sets apart the shared start of runs of one experiment, even beside unrelated runs', () => {
    const runs = [0, 1, 2, 3, 4].flatMap((i) => [tutorial(i, 'train'), tutorial(i, 'validation')]);
    const split = splitRunNames([...runs, 'notes']);
    expect(split.get(tutorial(0, 'train'))).toEqual(parts('TheCodeheadMT-TensorBoard-Tutorial/MNIST-extra-metrics', '1690486840/train'));
    expect(split.get(tutorial(4, 'validation'))).toEqual(parts('TheCodeheadMT-TensorBoard-Tutorial/MNIST-extra-metrics', '1690486844/validation'));
    expect(split.get('notes')).toEqual(parts('', 'notes'));
  });

  it('sets apart a shared end, so the part that differs stays in view', () => {
    const split = splitRunNames(['exp1/some/long/common/path/train', 'exp2/some/long/common/path/train']);
    expect(split.get('exp1/some/long/common/path/train')).toEqual(parts('exp', '1', '/some/long/common/path/train'));
    expect(splitRunNames(['adam/train', 'sgd/train']).get('sgd/train')).toEqual(parts('', 'sgd', '/train'));
  });

  it('keeps TensorBoard-style names readable: the run directory, then what differs', () => {
    const split = splitRunNames(['adam/train', 'adam/validation', 'hparam_tuning/run-04', 'hparam_tuning/run-07', '.']);
    expect(split.get('adam/validation')).toEqual(parts('adam/', 'validation'));
    expect(split.get('hparam_tuning/run-07')).toEqual(parts('hparam_tuning/run-', '07'));
    expect(split.get('.')).toEqual(parts('', '.'));
  });

  it('gives a name on its own its last path segment as the distinguishing part', () => {
    expect(splitRunNames([tutorial(0, 'train')]).get(tutorial(0, 'train'))).toEqual(
      parts('TheCodeheadMT-TensorBoard-Tutorial/MNIST-extra-metrics1690486840/', 'train'),
    );
    expect(splitRunNames(['logs/']).get('logs/')).toEqual(parts('', 'logs/'));
  });

  it('never leaves the distinguishing part empty, even for a name that is the start of another', () => {
    const split = splitRunNames(['exp/a', 'exp/a/b', 'exp/a']);
    expect(split.size).toBe(2);
    for (const [name, p] of split) {
      expect(p.start + p.distinct + p.end).toBe(name);
      expect(p.distinct).not.toBe('');
    }
  });
});

describe('RunName', () => {
  it('renders the parts in order, so the text is the full name, with the full name as its title', () => {
    const container = document.createElement('div');
    const name = tutorial(0, 'train');
    const split = splitRunNames([name, tutorial(1, 'train')]);
    act(() => render(<RunName name={name} parts={split.get(name)} class="x" />, container));
    const root = container.firstElementChild as HTMLElement;
    expect(root.className).toBe('tb-run-name x');
    expect(root.title).toBe(name);
    expect(root.textContent).toBe(name);
    expect([...root.children].map((c) => [c.className, c.textContent])).toEqual([
      ['tb-run-name__start', 'TheCodeheadMT-TensorBoard-Tutorial/MNIST-extra-metrics'],
      ['tb-run-name__distinct', '1690486840'],
      ['tb-run-name__end', '/train'],
    ]);
    // On its own: the last path segment is the distinguishing part; short parts do not shrink.
    act(() => render(<RunName name="a/b" />, container));
    expect([...container.firstElementChild!.children].map((c) => [c.className, c.textContent])).toEqual([
      ['tb-run-name__start tb-run-name__part--short', 'a/'],
      ['tb-run-name__distinct', 'b'],
    ]);
  });
});

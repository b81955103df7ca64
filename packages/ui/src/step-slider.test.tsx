// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { StepSlider, stepIndex } from './step-slider.js';

const STEPS = [0, 100, 200, 1500];
let container: HTMLElement;
let current = -1;

function Harness({ initial }: { initial: number }) {
  const [step, setStep] = useState(initial);
  current = step;
  return <StepSlider steps={STEPS} wallTimes={[1, 2, 3, 4]} value={step} onChange={setStep} testId="slider" />;
}

function mount(initial: number): HTMLInputElement {
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(<Harness initial={initial} />, container));
  return container.querySelector('input')!;
}

function press(input: HTMLInputElement, key: string): void {
  act(() => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

const shownStep = () => container.querySelector('[data-testid="slider-step"]')!.textContent;

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('StepSlider', () => {
  it('shows the step and its time', () => {
    mount(200);
    expect(shownStep()).toBe('Step 200');
    expect(container.querySelector('.tb-step-slider__time')!.textContent).toBe(new Date(3000).toLocaleString());
  });

  it('moves one sample per arrow key and stops at the ends', () => {
    const input = mount(100);
    press(input, 'ArrowRight');
    expect(current).toBe(200);
    press(input, 'ArrowUp');
    expect(current).toBe(1500);
    expect(shownStep()).toBe('Step 1,500');
    press(input, 'ArrowRight');
    expect(current).toBe(1500);
    press(input, 'ArrowLeft');
    press(input, 'ArrowDown');
    expect(current).toBe(100);
    press(input, 'Home');
    expect(current).toBe(0);
    press(input, 'End');
    expect(current).toBe(1500);
  });

  it('follows the range input', () => {
    const input = mount(0);
    act(() => {
      input.value = '2';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(current).toBe(200);
  });

  it('maps a step between samples to the sample before it', () => {
    expect(stepIndex(STEPS, 150)).toBe(1);
    expect(stepIndex(STEPS, -5)).toBe(0);
    expect(stepIndex(STEPS, 99999)).toBe(3);
    expect(stepIndex([], 3)).toBe(0);
  });
});

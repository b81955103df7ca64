// @vitest-environment happy-dom
import { PluginHttpError, type DashboardProps } from '@tb/ui';
import { dashboardProps, jsonFetch, mountDashboard, settle } from '@tb/ui/testing';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dashboard from './Dashboard.js';

/** run -> the steps it has images at; `digits` of sgd/train holds 3 samples a step. */
let steps: Record<string, number[]>;
/** run -> its image tags, when not just `digits`. */
let tagsOf: Record<string, string[]>;
/** run -> the HTTP status its images route fails with (the tag index still lists it). */
let failing: Record<string, number>;
let routes: string[];

/** The plugin's routes as the fake server answers them. */
async function answer(route: string): Promise<unknown> {
  routes.push(route);
  const info = (run: string) => ({ displayName: '', description: '', samples: run === 'sgd/train' ? 3 : 1 });
  if (route === 'tags') {
    return Object.fromEntries(Object.keys(steps).map((run) => [run, Object.fromEntries((tagsOf[run] ?? ['digits']).map((tag) => [tag, info(run)]))]));
  }
  const q = new URLSearchParams(route.slice(route.indexOf('?') + 1));
  const run = q.get('run')!;
  const tag = q.get('tag')!;
  if (failing[run]) throw new PluginHttpError(failing[run], `images of ${run} failed`);
  if (!(tagsOf[run] ?? ['digits']).includes(tag)) throw new PluginHttpError(404, `no images for run "${run}", tag "${tag}"`);
  return steps[run]!.map((step) => ({ wall_time: 1000 + step, step, width: 28, height: 28, query: `blob_key=${run}:${step}:${q.get('sample')}` }));
}

const fakeFetch = jsonFetch('images', answer);

let container: HTMLElement;

const props = (overrides: Partial<DashboardProps> = {}): DashboardProps =>
  dashboardProps({ pluginId: 'images', runs: Object.keys(steps), runColors: { 'adam/train': '#0077bb', 'sgd/train': '#ff7043' }, fetch: fakeFetch }, overrides);
const mount = (p: DashboardProps) => mountDashboard(Dashboard, p, container);

const $ = <T extends Element = HTMLElement>(testId: string) => container.querySelector<T>(`[data-testid="${testId}"]`);
const shownStep = (testId: string) => $(testId)?.getAttribute('data-step');

async function key(el: Element, k: string): Promise<void> {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  });
}

async function input(el: HTMLInputElement, value: string, type = 'input'): Promise<void> {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event(type, { bubbles: true }));
  });
  await settle();
}

beforeEach(() => {
  steps = { 'adam/train': [0, 10, 20], 'sgd/train': [0, 10, 20] };
  tagsOf = {};
  failing = {};
  routes = [];
  localStorage.clear();
  // Without an IntersectionObserver every card counts as in view.
  vi.stubGlobal('IntersectionObserver', undefined);
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.unstubAllGlobals();
});

describe('Images dashboard', () => {
  it('shows a card per tag and selected run at its newest step, with the step, time and relative time', async () => {
    await mount(props({ selectedRuns: ['adam/train'] }));
    expect($('card-adam/train-digits')).not.toBeNull();
    expect($('card-sgd/train-digits')).toBeNull();
    expect(shownStep('image-adam/train-digits')).toBe('20');
    expect($<HTMLImageElement>('image-adam/train-digits')!.getAttribute('src')).toBe('/data/plugin/images/individualImage?blob_key=adam/train:20:0');
    expect($('slider-adam/train-digits-step')!.textContent).toBe('Step 20');
    expect($('slider-adam/train-digits-relative')!.textContent).toBe('relative 20 s');
  });

  it('steps with the arrow keys on the focused card, and shows another sample when asked', async () => {
    await mount(props());
    const card = $('card-sgd/train-digits')!;
    await key(card, 'ArrowLeft');
    expect(shownStep('image-sgd/train-digits')).toBe('10');
    await key(card, 'Home');
    expect(shownStep('image-sgd/train-digits')).toBe('0');
    expect(shownStep('image-adam/train-digits')).toBe('20');
    expect($('sample-adam/train-digits')).toBeNull();
    expect($('sample-sgd/train-digits')!.textContent).toBe('Sample 1 of 3');
    await input(card.querySelector<HTMLInputElement>('input[aria-label="Sample"]')!, '2');
    expect(routes).toContain('images?run=sgd%2Ftrain&tag=digits&sample=2');
    expect($<HTMLImageElement>('image-sgd/train-digits')!.getAttribute('src')).toBe('/data/plugin/images/individualImage?blob_key=sgd/train:0:2');
  });

  it('follows new steps only while a card shows the newest', async () => {
    const p = props();
    await mount(p);
    await key($('card-sgd/train-digits')!, 'ArrowLeft');
    steps['adam/train']!.push(30);
    steps['sgd/train']!.push(30);
    await mount({ ...p, reloadSignal: 1 });
    expect(shownStep('image-adam/train-digits')).toBe('30');
    expect(shownStep('image-sgd/train-digits')).toBe('10');
  });

  it('applies brightness to every image and remembers it; Reset undoes it', async () => {
    await mount(props());
    await input($<HTMLInputElement>('brightness')!, '150');
    expect($<HTMLImageElement>('image-sgd/train-digits')!.style.filter).toBe('brightness(150%) contrast(100%)');
    expect(JSON.parse(localStorage.getItem('tb-core.images.settings')!)).toMatchObject({ brightness: 150 });
    await act(async () => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Reset')!.click());
    expect($<HTMLImageElement>('image-sgd/train-digits')!.style.filter).toBe('none');
  });

  it('enlarges on click and closes on Escape', async () => {
    await mount(props());
    await act(async () => $('image-adam/train-digits')!.click());
    expect($('lightbox')!.textContent).toContain('digits · adam/train · step 20 · 28×28');
    await key(window.document.body, 'Escape');
    expect($('lightbox')).toBeNull();
  });

  it('compares two runs at the same step, with one slider for both', async () => {
    steps['sgd/train'] = [0, 20, 40];
    await mount(props());
    await act(async () => $<HTMLInputElement>('compare')!.click());
    await settle();
    expect(shownStep('compare-image-digits-0')).toBeUndefined();
    expect($('compare-digits-0')!.textContent).toContain('No image at step 40');
    expect(shownStep('compare-image-digits-1')).toBe('40');
    await key($('compare-card-digits')!, 'ArrowLeft');
    expect(shownStep('compare-image-digits-0')).toBe('20');
    expect(shownStep('compare-image-digits-1')).toBe('20');
    expect($('compare-sample-digits')!.textContent).toBe('Sample 1 of 3');
  });

  it('compares, per tag, the first two selected runs that have it, and offers only runs that have it', async () => {
    steps = { 'adam/train': [0, 10, 20], 'adam/validation': [20], 'sgd/train': [0, 10, 20], 'rms/train': [0, 10, 20] };
    tagsOf = { 'adam/validation': ['confusion'] };
    await mount(props({ selectedRuns: ['adam/train', 'adam/validation', 'sgd/train', 'rms/train'] }));
    await act(async () => $<HTMLInputElement>('compare')!.click());
    await settle();
    expect($<HTMLSelectElement>('compare-run-digits-0')!.value).toBe('adam/train');
    expect($<HTMLSelectElement>('compare-run-digits-1')!.value).toBe('sgd/train');
    expect([...$<HTMLSelectElement>('compare-run-digits-1')!.options].map((o) => o.value)).toEqual(['adam/train', 'sgd/train', 'rms/train']);
    expect(shownStep('compare-image-digits-0')).toBe('20');
    expect(shownStep('compare-image-digits-1')).toBe('20');
    expect(routes.filter((r) => r.includes('adam%2Fvalidation') && r.includes('tag=digits'))).toEqual([]);
    expect($('compare-card-digits')!.querySelector('[role="status"]')).toBeNull();
    // The tag only adam/validation has: its card says there is no second run.
    expect($<HTMLSelectElement>('compare-run-confusion-0')!.value).toBe('adam/validation');
    expect($('compare-missing-confusion-1')!.textContent).toContain('No other run has');
  });

  it('starts from the selected runs that have the tag, filling in with others that have it', async () => {
    steps = { 'adam/train': [0, 10, 20], 'adam/validation': [20], 'sgd/train': [0, 10, 20], 'rms/train': [0, 10, 20] };
    tagsOf = { 'adam/validation': ['confusion'] };
    await mount(props({ selectedRuns: ['adam/validation', 'rms/train'] }));
    await act(async () => $<HTMLInputElement>('compare')!.click());
    await settle();
    expect([$<HTMLSelectElement>('compare-run-digits-0')!.value, $<HTMLSelectElement>('compare-run-digits-1')!.value]).toEqual(['rms/train', 'adam/train']);
  });

  it('lets each side pick another run with the tag; picking the other side\'s run swaps them', async () => {
    steps = { 'adam/train': [0, 10, 20], 'sgd/train': [0, 10, 20], 'rms/train': [0, 10, 20] };
    await mount(props());
    await act(async () => $<HTMLInputElement>('compare')!.click());
    await settle();
    await input($<HTMLInputElement>('compare-run-digits-1')!, 'rms/train', 'change');
    expect([$<HTMLSelectElement>('compare-run-digits-0')!.value, $<HTMLSelectElement>('compare-run-digits-1')!.value]).toEqual(['adam/train', 'rms/train']);
    expect(routes).toContain('images?run=rms%2Ftrain&tag=digits&sample=0');
    expect($<HTMLImageElement>('compare-image-digits-1')!.getAttribute('src')).toBe('/data/plugin/images/individualImage?blob_key=rms/train:20:0');
    await input($<HTMLInputElement>('compare-run-digits-0')!, 'rms/train', 'change');
    expect([$<HTMLSelectElement>('compare-run-digits-0')!.value, $<HTMLSelectElement>('compare-run-digits-1')!.value]).toEqual(['rms/train', 'adam/train']);
  });

  it('a side without an image at the step says so and offers its nearest steps', async () => {
    steps = { 'adam/train': [0, 10, 20], 'sgd/train': [0, 15, 40] };
    await mount(props());
    await act(async () => $<HTMLInputElement>('compare')!.click());
    await settle();
    expect($('compare-missing-digits-0')!.textContent).toBe('No image at step 40. Nearest: step 20');
    await key($('compare-card-digits')!, 'ArrowLeft');
    expect(shownStep('compare-image-digits-0')).toBe('20');
    expect($('compare-missing-digits-1')!.textContent).toBe('No image at step 20. Nearest: step 15, step 40');
    await act(async () => $('compare-nearest-digits-1-15')!.click());
    expect(shownStep('compare-image-digits-1')).toBe('15');
    expect($('compare-missing-digits-0')!.textContent).toBe('No image at step 15. Nearest: step 10, step 20');
  });

  it('a side whose run has lost the tag (404) says so, and another failure is an error with Retry, never a spinner', async () => {
    failing = { 'sgd/train': 404 };
    await mount(props());
    await act(async () => $<HTMLInputElement>('compare')!.click());
    await settle();
    expect(shownStep('compare-image-digits-0')).toBe('20');
    expect($('compare-missing-digits-1')!.textContent).toBe('No image at step 20: sgd/train has no “digits” images.');
    expect($('compare-card-digits')!.querySelector('[role="status"]')).toBeNull();

    failing = { 'sgd/train': 500 };
    await act(async () => $<HTMLInputElement>('compare')!.click());
    await act(async () => $<HTMLInputElement>('compare')!.click());
    await settle();
    expect($('compare-error-digits-1')!.textContent).toContain('images of sgd/train failed');
    expect($('compare-card-digits')!.querySelector('[role="status"]')).toBeNull();
    failing = {};
    await act(async () => [...$('compare-error-digits-1')!.querySelectorAll('button')].find((b) => b.textContent === 'Retry')!.click());
    await settle();
    expect(shownStep('compare-image-digits-1')).toBe('20');
  });

  it('says so when an image cannot be loaded, and shows the next one', async () => {
    await mount(props());
    await act(async () => {
      $('image-adam/train-digits')!.dispatchEvent(new Event('error'));
    });
    expect($('image-adam/train-digits-error')!.textContent).toContain('Could not load the image of step 20');
    await key($('card-adam/train-digits')!, 'ArrowLeft');
    expect(shownStep('image-adam/train-digits')).toBe('10');
  });

  it('says when no run has images', async () => {
    steps = {};
    await mount(props());
    expect($('images-empty')).not.toBeNull();
  });
});

// @vitest-environment happy-dom
import { PluginHttpError, type DashboardProps } from '@tb/ui';
import { dashboardProps, jsonFetch, mountDashboard, settle } from '@tb/ui/testing';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dashboard from './Dashboard.js';

/** run -> the steps it has clips at; sgd/train holds 2 clips a step, labelled. */
let steps: Record<string, number[]>;
/** run -> the HTTP status its audio route fails with (the tag index still lists it). */
let failing: Record<string, number>;
let tagsFail: boolean;
let routes: string[];

/** The plugin's routes as the fake server answers them. */
async function answer(route: string): Promise<unknown> {
  routes.push(route);
  if (route === 'tags') {
    if (tagsFail) throw new PluginHttpError(500, 'the log root is gone');
    const info = (run: string) => ({ displayName: '', description: run === 'sgd/train' ? '<p>Two <em>tones</em></p>' : '', samples: run === 'sgd/train' ? 2 : 1 });
    return Object.fromEntries(Object.keys(steps).map((run) => [run, { 'audio/tone': info(run) }]));
  }
  const q = new URLSearchParams(route.slice(route.indexOf('?') + 1));
  const run = q.get('run')!;
  const sample = Number(q.get('sample'));
  if (failing[run]) throw new PluginHttpError(failing[run], `audio of ${run} failed`);
  const label = run === 'sgd/train' && q.get('labels') === 'true' ? `<p><strong>${(sample + 1) * 110}</strong> Hz</p>` : '';
  return steps[run]!.map((step) => ({ wall_time: 1000 + step, label, step, contentType: 'audio/wav', query: `blob_key=${run}:${step}:${sample}&content_type=audio%2Fwav` }));
}

const fakeFetch = jsonFetch('audio', answer);

let container: HTMLElement;

const props = (overrides: Partial<DashboardProps> = {}): DashboardProps =>
  dashboardProps({ pluginId: 'audio', runs: Object.keys(steps), runColors: { 'adam/train': '#0077bb', 'sgd/train': '#ff7043' }, fetch: fakeFetch }, overrides);
const mount = (p: DashboardProps) => mountDashboard(Dashboard, p, container);

const $ = <T extends Element = HTMLElement>(testId: string) => container.querySelector<T>(`[data-testid="${testId}"]`);
const src = (testId: string) => $<HTMLAudioElement>(testId)?.getAttribute('src');

beforeEach(() => {
  steps = { 'adam/train': [0, 10, 20], 'sgd/train': [0, 10] };
  failing = {};
  tagsFail = false;
  routes = [];
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

describe('Audio dashboard', () => {
  it('shows a card per selected run at its newest step: a player and a download link', async () => {
    await mount(props({ selectedRuns: ['adam/train'] }));
    expect($('card-adam/train-audio/tone')).not.toBeNull();
    expect($('card-sgd/train-audio/tone')).toBeNull();
    const audio = $<HTMLAudioElement>('clip-adam/train-audio/tone-0-audio')!;
    expect(audio.tagName).toBe('AUDIO');
    expect(audio.hasAttribute('controls')).toBe(true);
    expect(src('clip-adam/train-audio/tone-0-audio')).toBe('/data/plugin/audio/individualAudio?blob_key=adam/train:20:0&content_type=audio%2Fwav');
    const link = $<HTMLAnchorElement>('clip-adam/train-audio/tone-0-download')!;
    expect(link.getAttribute('href')).toBe(audio.getAttribute('src'));
    expect(link.getAttribute('download')).toBe('audio_tone-adam_train-step20.wav');
    expect($('slider-adam/train-audio/tone-step')!.textContent).toBe('Step 20');
    expect($('clip-adam/train-audio/tone-0-label')).toBeNull();
    expect(routes).toEqual(['tags', 'audio?run=adam%2Ftrain&tag=audio%2Ftone&labels=true&sample=0']);
  });

  it('shows every clip of a step with its label as HTML, and the tag description', async () => {
    await mount(props());
    expect($('clip-sgd/train-audio/tone-0-label')!.innerHTML).toBe('<p><strong>110</strong> Hz</p>');
    expect($('clip-sgd/train-audio/tone-1-label')!.textContent).toBe('220 Hz');
    expect(src('clip-sgd/train-audio/tone-1-audio')).toBe('/data/plugin/audio/individualAudio?blob_key=sgd/train:10:1&content_type=audio%2Fwav');
    expect($('clip-sgd/train-audio/tone-1-download')!.getAttribute('download')).toBe('audio_tone-sgd_train-step10-sample2.wav');
    expect($('card-sgd/train-audio/tone')!.querySelector('.tb-audio__description')!.innerHTML).toBe('<p>Two <em>tones</em></p>');
    expect($('card-adam/train-audio/tone')!.querySelector('.tb-audio__description')).toBeNull();
  });

  it('the step slider changes the clips of its own card only', async () => {
    await mount(props());
    const slider = $('slider-adam/train-audio/tone')!.querySelector<HTMLInputElement>('input[type=range]')!;
    await act(async () => {
      slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    });
    expect(src('clip-adam/train-audio/tone-0-audio')).toBe('/data/plugin/audio/individualAudio?blob_key=adam/train:0:0&content_type=audio%2Fwav');
    expect($('slider-adam/train-audio/tone-step')!.textContent).toBe('Step 0');
    expect(src('clip-sgd/train-audio/tone-0-audio')).toContain('sgd/train:10:0');
  });

  it('follows new steps while at the newest, and refetches only the runs that changed', async () => {
    await mount(props());
    steps['adam/train']!.push(30);
    steps['sgd/train']!.push(20);
    routes = [];
    await mount(props({ reloadSignal: 1, changedRuns: ['adam/train'] }));
    expect(src('clip-adam/train-audio/tone-0-audio')).toContain('adam/train:30:0');
    expect(src('clip-sgd/train-audio/tone-0-audio')).toContain('sgd/train:10:0');
    expect(routes.filter((r) => r.startsWith('audio?'))).toEqual(['audio?run=adam%2Ftrain&tag=audio%2Ftone&labels=true&sample=0']);
  });

  it('says so when there is no audio, none for the selected runs, or the tags fail', async () => {
    steps = {};
    await mount(props());
    expect($('audio-empty')!.textContent).toContain('No audio data');
    render(null, container);
    steps = { 'adam/train': [0] };
    await mount(props({ selectedRuns: [] }));
    expect($('audio-no-tags')).not.toBeNull();
    render(null, container);
    tagsFail = true;
    await mount(props());
    expect($('audio-error')!.textContent).toContain('the log root is gone');
  });

  it('shows a failing card as an error with a retry, the others still play', async () => {
    failing = { 'sgd/train': 500 };
    await mount(props());
    expect($('card-sgd/train-audio/tone')!.textContent).toContain('Could not load the audio');
    expect(src('clip-adam/train-audio/tone-0-audio')).toContain('adam/train:20:0');
  });
});

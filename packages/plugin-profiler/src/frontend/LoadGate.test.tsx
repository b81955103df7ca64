// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonFetch, settle } from '@tb/ui/testing';
import { LoadGate, progressLabel, type LoadProgress } from './LoadGate.js';
import { formatBytes } from './format.js';

const profile = { run: 'r', worker: 'w', span: '1' };
let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

async function mount(answers: LoadProgress[]): Promise<{ asked: () => number }> {
  let n = 0;
  const fetch = jsonFetch('profile', (route) => {
    expect(route).toBe('progress?run=r&worker=w&span=1');
    return answers[Math.min(n++, answers.length - 1)];
  });
  container = document.createElement('div');
  document.body.append(container);
  await act(() => render(<LoadGate fetch={fetch} profile={profile}><p data-testid="view">the view</p></LoadGate>, container));
  await settle();
  return { asked: () => n };
}

describe('LoadGate', () => {
  it('shows how much of the trace is read, then the view once it is loaded', async () => {
    const { asked } = await mount([
      { state: 'loading', file: 'r/w.1.pt.trace.json.gz', bytes: 500_000, total: 2_000_000 },
      { state: 'loaded', file: 'r/w.1.pt.trace.json.gz', bytes: 2_000_000, total: 2_000_000 },
    ]);
    expect(container.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')).toBe('25');
    expect(container.textContent).toContain('Reading w.1.pt.trace.json.gz: 500.0 kB of 2.0 MB');
    expect(container.querySelector('[data-testid="view"]')).toBeNull();
    await act(() => new Promise((r) => setTimeout(r, 450)));
    await settle();
    expect(asked()).toBe(2);
    expect(container.querySelector('[data-testid="view"]')!.textContent).toBe('the view');
  });

  it('says why a profile could not load', async () => {
    await mount([{ state: 'failed', file: 'x/plugins/profile/s/host0.xplane.pb', bytes: 0, total: 9, error: 'not a readable XSpace' }]);
    expect(container.textContent).toContain('Could not load x/plugins/profile/s/host0.xplane.pb');
    expect(container.textContent).toContain('not a readable XSpace');
  });

  it('words the stages', () => {
    expect(progressLabel({ state: 'loading', file: 'a/b.json', bytes: 2_000_000, total: 2_000_000 })).toBe('Analysing b.json…');
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(35_200_000)).toBe('35.2 MB');
  });
});

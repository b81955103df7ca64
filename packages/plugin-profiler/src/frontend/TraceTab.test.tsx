// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, mount, openView, props, RUN0, setUp, settle, tearDown } from './harness.js';

vi.mock('./trace/TraceView.js', () => ({
  default: (p: { run: string; worker: string; span: string; darkMode: boolean }) => (
    <div data-testid="mock-trace" data-profile={`${p.run}/${p.worker}/${p.span}`} data-dark={String(p.darkMode)} />
  ),
}));

beforeEach(setUp);
afterEach(tearDown);

describe('Trace view', () => {
  it('renders the trace viewer for the selected profile, in the shell theme', async () => {
    await mount(props({ settings: { darkMode: true, reloadIntervalSec: 0 } }));
    await openView('Trace');
    await settle(4);
    expect($('mock-trace')!.dataset.profile).toBe(`${RUN0}/worker0/1`);
    expect($('mock-trace')!.dataset.dark).toBe('true');
  });
});

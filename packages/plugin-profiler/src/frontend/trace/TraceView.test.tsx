// @vitest-environment happy-dom
import { packDetails } from '../../timeline/details.js';
import type { PluginFetch } from '@tb/ui';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeTimeline, sliceDetail } from '../../timeline/codec.js';
import { makeTimeline } from './test-timeline.js';
import TraceView from './TraceView.js';

const timeline = makeTimeline(
  [{ name: 'python (pid 1)', sortIndex: 1 }],
  [{ process: 0, name: 'thread 1', sortIndex: 1, depthCount: 2 }],
  [
    [0, 0, 100, 0, 'ProfilerStep#1'],
    [0, 10, 20, 1, 'aten::conv2d'],
    [0, 40, 20, 1, 'aten::relu'],
    [0, 70, 20, 1, 'aten::conv2d'],
  ],
);

let routes: string[];
let rawAnswer: () => Response;
const fakeFetch: PluginFetch = {
  json: async <T,>(route: string) => {
    routes.push(route);
    const slice = Number(new URLSearchParams(route.slice(route.indexOf('?') + 1)).get('slice'));
    return { ...sliceDetail({ ...timeline, details: packDetails(Array.from({ length: 4 }, () => '{"External id":7}')) }, slice) } as T;
  },
  raw: async (route: string) => {
    routes.push(route);
    return rawAnswer();
  },
  url: (route) => route,
};

let container: HTMLElement;
beforeEach(() => {
  routes = [];
  rawAnswer = () => new Response(encodeTimeline(timeline));
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) await act(() => new Promise((r) => setTimeout(r, 20)));
}

async function mount(): Promise<void> {
  await act(() => {
    render(<TraceView fetch={fakeFetch} run="run 1" worker="worker0" span="1" darkMode={false} />, container);
  });
  await settle();
}

describe('TraceView', () => {
  it('fetches the binary timeline of the profile and shows the viewer', async () => {
    await mount();
    expect(routes[0]).toBe('timeline?run=run%201&worker=worker0&span=1');
    expect(container.querySelector('canvas')).not.toBeNull();
    expect(container.querySelector('input[type=search]')).not.toBeNull();
  });

  it('shows the server\'s error message', async () => {
    rawAnswer = () => new Response(JSON.stringify({ error: { status: 404, plugin: 'profile', message: 'no profile run 1/worker0/1' } }), { status: 404 });
    await mount();
    expect(container.textContent).toContain('no profile run 1/worker0/1');
    expect(container.querySelector('canvas')).toBeNull();
  });

  it('steps through search matches and shows the details of the current one', async () => {
    await mount();
    const input = container.querySelector<HTMLInputElement>('input[type=search]')!;
    await act(() => {
      input.value = 'CONV';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(container.querySelector('.tb-trace-count')!.textContent).toBe('2 matches');
    const enter = (shiftKey: boolean): KeyboardEvent => new KeyboardEvent('keydown', { key: 'Enter', shiftKey, bubbles: true });
    await act(() => {
      input.dispatchEvent(enter(false));
    });
    await settle();
    expect(container.querySelector('.tb-trace-count')!.textContent).toBe('1 of 2');
    expect(routes).toContain('timeline/detail?run=run%201&worker=worker0&span=1&slice=1');
    expect(container.querySelector('.tb-trace-details h3')!.textContent).toBe('aten::conv2d');
    expect(container.querySelector('.tb-trace-details')!.textContent).toContain('External id');
    await act(() => {
      input.dispatchEvent(enter(true));
    });
    await settle();
    expect(container.querySelector('.tb-trace-count')!.textContent).toBe('2 of 2'); // wrapped back
    expect(routes).toContain('timeline/detail?run=run%201&worker=worker0&span=1&slice=3');
  });
});

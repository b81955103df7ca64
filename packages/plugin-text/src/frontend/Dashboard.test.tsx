// @vitest-environment happy-dom
import { PluginHttpError, type DashboardProps } from '@tb/ui';
import { dashboardProps, jsonFetch, mountDashboard, settle } from '@tb/ui/testing';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dashboard from './Dashboard.js';

/** run -> tag -> the steps it has text at. */
let data: Record<string, Record<string, number[]>>;
/** HTML the fake server answers for a step, by markdown on or off. */
let html: (run: string, tag: string, step: number, markdown: boolean) => string;
let failing: Record<string, number>;
let routes: string[];

async function answer(route: string): Promise<unknown> {
  routes.push(route);
  if (route === 'tags') return Object.fromEntries(Object.entries(data).map(([run, tags]) => [run, Object.keys(tags)]));
  const q = new URLSearchParams(route.slice(route.indexOf('?') + 1));
  const run = q.get('run')!;
  const tag = q.get('tag')!;
  if (failing[run]) throw new PluginHttpError(failing[run], `text of ${run} failed`);
  const markdown = q.get('markdown') !== 'false';
  return (data[run]?.[tag] ?? []).map((step) => ({ wall_time: 1000 + step, step, text: html(run, tag, step, markdown) }));
}

const fakeFetch = jsonFetch('text', answer);

let container: HTMLElement;

const props = (overrides: Partial<DashboardProps> = {}): DashboardProps =>
  dashboardProps({ pluginId: 'text', runs: Object.keys(data), runColors: { '.': '#999999', 'adam/train': '#0077bb', 'sgd/train': '#ff7043' }, fetch: fakeFetch }, overrides);
const mount = (p: DashboardProps) => mountDashboard(Dashboard, p, container);

const $ = <T extends Element = HTMLElement>(testId: string) => container.querySelector<T>(`[data-testid="${testId}"]`);

async function key(el: Element, k: string): Promise<void> {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  });
}

beforeEach(() => {
  data = { '.': { 'demo/about': [0] }, 'adam/train': { notes: [0, 1, 2] }, 'sgd/train': { notes: [0, 1, 2] } };
  html = (run, tag, step, markdown) => (markdown ? `<h3>${tag} of ${run}</h3>\n<p>step <strong>${step}</strong></p>` : `### ${tag} of ${run}\nstep **${step}**`);
  failing = {};
  routes = [];
  localStorage.clear();
  vi.stubGlobal('IntersectionObserver', undefined);
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.unstubAllGlobals();
});

describe('Text dashboard', () => {
  it('shows a card per tag and selected run, grouped by prefix, at the newest step', async () => {
    await mount(props({ selectedRuns: ['.', 'adam/train'] }));
    expect($('tag-group-demo')).not.toBeNull();
    expect($('card-.-demo/about')).not.toBeNull();
    expect($('card-adam/train-notes')).not.toBeNull();
    expect($('card-sgd/train-notes')).toBeNull();
    const text = $('text-adam/train-notes')!;
    expect(text.getAttribute('data-step')).toBe('2');
    expect(text.innerHTML).toBe('<h3>notes of adam/train</h3>\n<p>step <strong>2</strong></p>');
    expect($('slider-adam/train-notes-step')!.textContent).toBe('Step 2');
    expect($('text-.-demo/about')!.querySelector('h3')!.textContent).toBe('demo/about of .');
  });

  it('the slider and the arrow keys change the step shown', async () => {
    await mount(props());
    const range = $('slider-sgd/train-notes')!.querySelector<HTMLInputElement>('input[type=range]')!;
    await act(async () => {
      range.value = '0';
      range.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect($('text-sgd/train-notes')!.getAttribute('data-step')).toBe('0');
    expect($('text-sgd/train-notes')!.textContent).toContain('step 0');
    const card = $('card-sgd/train-notes')!;
    await key(card, 'ArrowRight');
    expect($('text-sgd/train-notes')!.getAttribute('data-step')).toBe('1');
    await key(card, 'End');
    expect($('text-sgd/train-notes')!.getAttribute('data-step')).toBe('2');
    expect($('text-adam/train-notes')!.getAttribute('data-step')).toBe('2');
  });

  it('follows new steps only while a card shows the newest', async () => {
    const p = props();
    await mount(p);
    await key($('card-sgd/train-notes')!, 'Home');
    data['adam/train']!.notes!.push(3);
    data['sgd/train']!.notes!.push(3);
    await mount({ ...p, reloadSignal: 1 });
    expect($('text-adam/train-notes')!.getAttribute('data-step')).toBe('3');
    expect($('text-sgd/train-notes')!.getAttribute('data-step')).toBe('0');
  });

  it('markdown off asks for the text as written, shows it plain, and remembers the choice', async () => {
    await mount(props());
    await act(async () => $<HTMLInputElement>('markdown')!.click());
    await settle();
    expect(routes).toContain('text?run=adam%2Ftrain&tag=notes&markdown=false');
    const text = $('text-adam/train-notes')!;
    expect(text.textContent).toBe('### notes of adam/train\nstep **2**');
    expect(text.classList.contains('tb-text__html--plain')).toBe(true);
    expect(JSON.parse(localStorage.getItem('tb-core.text.settings')!)).toEqual({ markdown: false });
  });

  it('holds what reaches the page to the allow-list, even if the server sent more', async () => {
    html = () =>
      '<p onclick="steal()">hi <a href="javascript:alert(1)">bad</a> <a href="https://example.org" title="t">good</a></p>' +
      '<script>window.ran = true</script><img src="x" onerror="window.ran = true"><iframe src="https://evil.example"></iframe><!-- c --><table><tbody><tr><td style="color:red">1</td></tr></tbody></table>';
    await mount(props({ selectedRuns: ['adam/train'] }));
    const text = $('text-adam/train-notes')!;
    expect(text.querySelector('script, iframe, [onclick], [onerror], [style]')).toBeNull();
    expect(text.querySelector('p')!.getAttributeNames()).toEqual([]);
    const [bad, good] = [...text.querySelectorAll('a')];
    expect(bad!.hasAttribute('href')).toBe(false);
    expect(good!.getAttribute('href')).toBe('https://example.org');
    expect(good!.getAttribute('target')).toBe('_blank');
    expect(good!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(text.querySelector('img')!.getAttribute('src')).toBe('x');
    expect(text.querySelector('td')!.textContent).toBe('1');
    expect(text.innerHTML).not.toContain('<!--');
    expect((window as unknown as { ran?: boolean }).ran).toBeUndefined();
  });

  it('a card whose text fails says so with Retry; no run with text says how to log some', async () => {
    failing = { 'sgd/train': 500 };
    await mount(props());
    expect($('card-sgd/train-notes')!.textContent).toContain('text of sgd/train failed');
    failing = {};
    await act(async () => [...$('card-sgd/train-notes')!.querySelectorAll('button')].find((b) => b.textContent === 'Retry')!.click());
    await settle();
    expect($('text-sgd/train-notes')!.getAttribute('data-step')).toBe('2');

    render(null, container);
    data = {};
    await mount(props());
    expect($('text-empty')!.textContent).toContain('add_text');
  });

  it('says so when no selected run has text', async () => {
    await mount(props({ selectedRuns: [] }));
    expect($('text-no-tags')).not.toBeNull();
  });
});

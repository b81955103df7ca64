// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { TagGroups } from './tag-groups.js';

const TAGS = ['train/loss', 'train/acc', 'eval/loss'];
let container: HTMLElement;

function mount(tags = TAGS): void {
  container = document.createElement('div');
  document.body.append(container);
  act(() => {
    render(<TagGroups tags={tags} renderTag={(tag) => <div class="item">{tag}</div>} />, container);
  });
}

function typeFilter(value: string): void {
  const input = container.querySelector<HTMLInputElement>('[data-testid="tag-filter"]')!;
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const items = () => [...container.querySelectorAll('.item')].map((e) => e.textContent);
const headers = () => [...container.querySelectorAll('.tb-tag-group__header')].map((e) => e.textContent);

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('TagGroups', () => {
  it('groups tags by the prefix before the first slash, with counts', () => {
    mount();
    expect(headers()).toEqual(['▾train(2)', '▾eval(1)']);
    expect(container.querySelector('[data-testid="tag-group-train"]')!.textContent).toContain('train/acc');
    expect(items()).toEqual(TAGS);
  });

  it('filters by a case-insensitive regex and shows partial counts', () => {
    mount();
    typeFilter('LOSS$');
    expect(items()).toEqual(['train/loss', 'eval/loss']);
    expect(headers()).toEqual(['▾train(1 of 2)', '▾eval(1)']);
    typeFilter('^eval');
    expect(items()).toEqual(['eval/loss']);
  });

  it('reports an invalid regex instead of throwing, and keeps every tag', () => {
    mount();
    typeFilter('loss(');
    const error = container.querySelector('[role="alert"]');
    expect(error?.textContent).toMatch(/Invalid regular expression/);
    expect(container.querySelector('[data-testid="tag-filter"]')!.getAttribute('aria-invalid')).toBe('true');
    expect(items()).toEqual(TAGS);
  });

  it('says so when nothing matches', () => {
    mount();
    typeFilter('nothing-like-this');
    expect(items()).toEqual([]);
    expect(container.textContent).toContain('No matching tags');
  });

  it('collapses and reopens a group', () => {
    mount();
    const header = container.querySelector<HTMLButtonElement>('[data-testid="tag-group-train"] button')!;
    act(() => header.click());
    expect(header.getAttribute('aria-expanded')).toBe('false');
    expect(items()).toEqual(['eval/loss']);
    act(() => header.click());
    expect(items()).toEqual(TAGS);
  });

  it('shows an empty state without tags', () => {
    mount([]);
    expect(container.textContent).toContain('No tags');
  });
});

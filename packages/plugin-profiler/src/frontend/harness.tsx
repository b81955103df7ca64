/**
 * Test harness (tests only): mounts the Profile dashboard on a fake server answering
 * with torch-tb-profiler's recorded answers (see fixtures.ts), and the DOM helpers the
 * dashboard's tests share.
 */
import type { DashboardProps } from '@tb/ui';
import { dashboardProps, jsonFetch, mountDashboard, settle } from '@tb/ui/testing';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect } from 'vitest';
import type { OverviewAnswer } from './api.js';
import Dashboard from './Dashboard.js';
import { referenceAnswer, type TorchOverview } from './fixtures.js';

/** The run recorded with DataLoader num_workers=0. */
export const RUN0 = 'resnet50_num_workers_0';
/** The run recorded with DataLoader num_workers=4. */
export const RUN4 = 'resnet50_num_workers_4';
/** The profile query of `run`'s only worker and span. */
export const q = (run: string) => `run=${run}&worker=worker0&span=1`;

/** The fake server: every route asked, and per-path answers replacing the recorded ones. */
export const server = {
  routes: [] as string[],
  overrides: {} as Record<string, (route: string) => unknown>,
  runs: [RUN0, RUN4] as string[],
};

function answer(route: string): unknown {
  server.routes.push(route);
  const o = server.overrides[route.split('?')[0]!];
  return o ? o(route) : referenceAnswer(route);
}

let container: HTMLElement;

/** Resets the server and makes a fresh container. */
export function setUp(): void {
  server.routes = [];
  server.overrides = {};
  server.runs = [RUN0, RUN4];
  sessionStorage.clear();
  container = document.createElement('div');
  document.body.append(container);
}

/** Unmounts and removes the container. */
export function tearDown(): void {
  render(null, container);
  container.remove();
}

/** The dashboard's props over the fake server. */
export const props = (o: Partial<DashboardProps> = {}) => dashboardProps({ pluginId: 'profile', runs: server.runs, fetch: jsonFetch('profile', answer) }, o);

/** Mounts and waits for the chain runs → views, workers → spans → the view's own fetches. */
export async function mount(p: DashboardProps = props()): Promise<void> {
  await mountDashboard(Dashboard, p, container);
  await settle(8);
}

/** Unmounts (as leaving the dashboard does). */
export const unmount = () => render(null, container);

/** The element with `data-testid`. */
export const $ = <T extends Element = HTMLElement>(id: string) => container.querySelector<T>(`[data-testid="${id}"]`);
/** All elements matching `sel`. */
export const $$ = (sel: string) => [...container.querySelectorAll<HTMLElement>(sel)];

/** Clicks `el` (which must exist) and lets fetches answer. */
export async function click(el: Element | null | undefined): Promise<void> {
  expect(el).toBeTruthy();
  await act(async () => (el as HTMLElement).click());
  await settle(6);
}

/** Opens the view tab `name`. */
export const openView = (name: string) => click(container.querySelector(`[role=tab][data-view="${name}"]`));

/** Chooses `value` in the select with `testId`. */
export async function choose(testId: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(testId)!;
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle(8);
}

/** Types `text` into `el`. */
export async function type(el: HTMLInputElement, text: string): Promise<void> {
  await act(async () => {
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Presses `key` on `el`. */
export async function press(el: Element, key: string): Promise<void> {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
}

/** The data rows of the DataTable with `testId` (expansion rows left out). */
export const tableRows = (testId: string) => $$(`[data-testid="${testId}"] tbody tr:not(.tb-prof-table__expansion)`);

/** The header sort button of column `key` in table `testId`. */
export const header = (testId: string, key: string) => container.querySelector(`[data-testid="${testId}"] th button[data-key="${key}"]`);

/** torch's recorded overview of `run`. */
export const overviewOf = (run: string) => referenceAnswer(`overview?${q(run)}`) as TorchOverview & OverviewAnswer;

export { referenceAnswer, settle };

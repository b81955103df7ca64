/**
 * `@tb/ui/testing`: what a dashboard's own tests need to mount it as the shell would, in
 * happy-dom: props with sensible defaults, a fetch that answers from a function, and a
 * wait until effects ran and fetches answered.
 *
 * @example
 * const fetch = jsonFetch('images', (route) => answers(route));
 * await mountDashboard(Dashboard, dashboardProps({ pluginId: 'images', runs: ['a'], fetch }), container);
 */
import type { ComponentType } from 'preact';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { DashboardProps, PluginFetch } from './dashboard.js';

/** A PluginFetch whose `json` answers from `answer(route)`; `raw` is refused unless given. */
export function jsonFetch(pluginId: string, answer: (route: string, init?: RequestInit) => unknown, raw?: PluginFetch['raw']): PluginFetch {
  return {
    json: <T,>(route: string, init?: RequestInit) => Promise.resolve().then(() => answer(route, init)) as Promise<T>,
    raw: raw ?? (() => Promise.reject(new Error(`the ${pluginId} dashboard never fetches raw`))),
    url: (route) => `/data/plugin/${pluginId}/${route}`,
  };
}

/** DashboardProps for a test: every run selected, no reload, light theme, unless overridden. */
export function dashboardProps(
  base: { pluginId: string; runs: readonly string[]; fetch: PluginFetch; runColors?: Readonly<Record<string, string>> },
  overrides: Partial<DashboardProps> = {},
): DashboardProps {
  return {
    pluginId: base.pluginId,
    runs: base.runs.map((name) => ({ name, startTime: null })),
    selectedRuns: [...base.runs],
    runColors: base.runColors ?? {},
    fetch: base.fetch,
    settings: { darkMode: false, reloadIntervalSec: 0 },
    reloadSignal: 0,
    changedRuns: [],
    selectRuns: () => undefined,
    ...overrides,
  };
}

/** Lets observers report, effects run and fetches answer (`rounds` x 20 ms). */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });
  }
}

/** Renders `Dashboard` with `props` into `container`, then {@link settle}s. */
export async function mountDashboard(Dashboard: ComponentType<DashboardProps>, props: DashboardProps, container: HTMLElement): Promise<void> {
  await act(async () => {
    render(<Dashboard {...props} />, container);
  });
  await settle();
}

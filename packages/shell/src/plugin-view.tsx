/**
 * One plugin's tab: loads its federated dashboard, mounts it with the shell's props, and
 * turns any failure (manifest not found, remote throws, component throws) into an error
 * card naming the plugin, with a retry. Other tabs are not affected.
 */
import { ErrorState, LoadingState, type DashboardProps } from '@tb/ui';
import { Component, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PluginInfo } from './api.js';
import { ErrorBoundary } from './error-boundary.js';
import type { DashboardComponent, DashboardLoader } from './federation.js';

/** Props of {@link PluginView}. */
export interface PluginViewProps {
  readonly plugin: PluginInfo;
  /**
   * Whether its tab is shown. A hidden dashboard stays mounted (it keeps its state); a
   * hidden error card does not (one `plugin-error` in the page, the shown tab's).
   */
  readonly active: boolean;
  readonly load: DashboardLoader;
  readonly dashboardProps: DashboardProps;
}

type LoadState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly component: DashboardComponent }
  | { readonly kind: 'failed'; readonly error: unknown };

/** The error card of a plugin that failed, with `data-testid="plugin-error"`. */
export function PluginError(props: { plugin: PluginInfo; error: unknown; what: string; onRetry: () => void }) {
  const { plugin } = props;
  return (
    <div class="tb-plugin-error">
      <ErrorState
        testId="plugin-error"
        title={`The ${plugin.title} plugin (${plugin.id}${plugin.version ? ` ${plugin.version}` : ''}) ${props.what}`}
        error={props.error}
        onRetry={props.onRetry}
      />
    </div>
  );
}

/** Loads and shows one plugin's dashboard. */
export function PluginView({ plugin, active, load, dashboardProps }: PluginViewProps) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    load(plugin, attempt > 0).then(
      (component) => live && setState({ kind: 'ready', component }),
      (error: unknown) => live && setState({ kind: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [plugin.id, plugin.frontend?.manifestUrl, attempt]);

  if (!plugin.frontend) {
    if (!active) return null;
    return (
      <PluginError
        plugin={plugin}
        what="has no frontend the shell can load"
        error={`Its loading mechanism is ${plugin.mechanism}; tb-core loads MODULE_FEDERATION remotes.`}
        onRetry={() => setAttempt(attempt + 1)}
      />
    );
  }
  if (state.kind === 'loading') return <LoadingState label={`Loading the ${plugin.title} dashboard…`} />;
  if (state.kind === 'failed') {
    if (!active) return null;
    return <PluginError plugin={plugin} what="could not be loaded" error={state.error} onRetry={() => setAttempt(attempt + 1)} />;
  }
  const Dashboard = state.component;
  return (
    <ErrorBoundary
      key={attempt}
      fallback={(error) => active && <PluginError plugin={plugin} what="failed while rendering" error={error} onRetry={() => setAttempt(attempt + 1)} />}
    >
      <Dashboard {...dashboardProps} />
    </ErrorBoundary>
  );
}

/**
 * Keeps a hidden tab as it was: while `active` stays false its children are not
 * re-rendered (no refetching in the background); on showing it again they get the
 * current props, reload signal included, and catch up.
 */
export class Freeze extends Component<{ active: boolean; children?: ComponentChildren }> {
  override shouldComponentUpdate(next: { active: boolean }): boolean {
    return next.active || this.props.active;
  }

  override render() {
    return this.props.children;
  }
}

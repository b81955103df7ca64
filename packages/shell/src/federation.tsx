/**
 * Loading dashboards at run time with module federation. The shell is built knowing no
 * plugin: it registers each remote from the manifest URL in the plugin listing, then
 * loads its `./Dashboard`. preact, preact/hooks, preact/jsx-runtime and @tb/ui are
 * shared singletons, given from the shell's own bundle, so a dashboard's hooks and
 * components run on the shell's instances (remotes are built with `import: false`).
 */
import { init, loadRemote, registerRemotes } from '@module-federation/runtime';
import * as tbUi from '@tb/ui';
import type { DashboardProps } from '@tb/ui';
import type { ComponentType } from 'preact';
import * as preact from 'preact';
import * as preactHooks from 'preact/hooks';
import * as preactJsxRuntime from 'preact/jsx-runtime';
import type { PluginFrontendInfo, PluginInfo } from './api.js';
import { serverUrl, type ShellConfig } from './config.js';

/** Versions of the shared packages, filled in by scripts/build.mjs (DefinePlugin). */
declare const __TB_SHARED_VERSIONS__: { readonly preact: string; readonly '@tb/ui': string };

/** The federation host's name; remotes see it as their host. */
export const SHELL_NAME = 'tb_shell';

/** A federated dashboard component. */
export type DashboardComponent = ComponentType<DashboardProps>;

/** Loads a plugin's dashboard component; `retry` forgets an earlier failed attempt. */
export type DashboardLoader = (plugin: PluginInfo, retry: boolean) => Promise<DashboardComponent>;

/** Starts the federation runtime with the shared singletons. Call once, before loading. */
export function initFederation(): void {
  const versions = __TB_SHARED_VERSIONS__;
  const share = (version: string, lib: () => object) => ({
    version,
    lib,
    shareConfig: { singleton: true, requiredVersion: `^${version}` },
  });
  init({
    name: SHELL_NAME,
    remotes: [],
    shared: {
      preact: share(versions.preact, () => preact),
      'preact/hooks': share(versions.preact, () => preactHooks),
      'preact/jsx-runtime': share(versions.preact, () => preactJsxRuntime),
      '@tb/ui': share(versions['@tb/ui'], () => tbUi),
    },
  });
}

/** The manifest's absolute URL: the listing's path, under the page's path prefix. */
export function manifestUrl(config: ShellConfig, frontend: PluginFrontendInfo, base: string = location.href): string {
  return new URL(serverUrl(config, frontend.manifestUrl), base).href;
}

/** The `loadRemote` id of an expose: `tb_plugin_scalars` + `./Dashboard` → `tb_plugin_scalars/Dashboard`. */
export function remoteModuleId(frontend: PluginFrontendInfo): string {
  return `${frontend.remoteName}/${frontend.expose.replace(/^\.\//, '')}`;
}

/** Picks the component out of a loaded module: its default export (or `Dashboard`). */
export function dashboardFrom(mod: unknown, moduleId: string): DashboardComponent {
  if (typeof mod === 'function') return mod as DashboardComponent;
  if (mod && typeof mod === 'object') {
    const m = mod as { default?: unknown; Dashboard?: unknown };
    const candidate = m.default ?? m.Dashboard;
    if (typeof candidate === 'function') return candidate as DashboardComponent;
  }
  const found = mod && typeof mod === 'object' ? `a module with exports [${Object.keys(mod).join(', ')}]` : String(mod);
  throw new Error(`${moduleId} should export a Preact component as its default export; found ${found}`);
}

/** A {@link DashboardLoader} that uses the federation runtime. */
export function federatedLoader(config: ShellConfig): DashboardLoader {
  const registered = new Map<string, string>();
  return async (plugin, retry) => {
    const frontend = plugin.frontend;
    if (!frontend) {
      throw new Error(`plugin '${plugin.id}' has no frontend to load (loading mechanism ${plugin.mechanism})`);
    }
    const entry = manifestUrl(config, frontend);
    if (registered.get(frontend.remoteName) !== entry || retry) {
      registerRemotes([{ name: frontend.remoteName, entry }], { force: registered.has(frontend.remoteName) });
      registered.set(frontend.remoteName, entry);
    }
    const id = remoteModuleId(frontend);
    let mod: unknown;
    try {
      mod = await loadRemote<unknown>(id);
    } catch (error) {
      throw (await manifestProblem(entry)) ?? error;
    }
    if (mod == null) throw (await manifestProblem(entry)) ?? new Error(`${id} could not be loaded from ${entry}`);
    return dashboardFrom(mod, id);
  };
}

/**
 * After a failed load, says plainly when the manifest itself is the problem (a 404, a
 * server error, not JSON), instead of the runtime's "not a valid manifest". Null when the
 * manifest looks fine, so the runtime's own error stands.
 */
export async function manifestProblem(entry: string): Promise<Error | null> {
  let res: Response;
  try {
    res = await fetch(entry, { cache: 'no-store' });
  } catch (e) {
    return new Error(`its manifest ${entry} could not be fetched: ${e instanceof Error ? e.message : String(e)}`);
  }
  const body = await res.text().catch(() => '');
  if (!res.ok) {
    let detail = '';
    try {
      const parsed = JSON.parse(body) as { error?: { message?: unknown } };
      if (typeof parsed.error?.message === 'string') detail = `: ${parsed.error.message}`;
    } catch {
      // Not a JSON error body.
    }
    return new Error(`its manifest ${entry} answered ${res.status} ${res.statusText}${detail}. Was the plugin's frontend built?`);
  }
  try {
    JSON.parse(body);
    return null;
  } catch {
    return new Error(`its manifest ${entry} is not JSON (starts with ${JSON.stringify(body.slice(0, 40))})`);
  }
}

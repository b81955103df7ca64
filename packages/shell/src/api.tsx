/**
 * The core routes the shell reads (see packages/core/http-api.md), and the typed fetch
 * each dashboard gets for its own routes. Every URL goes through the path prefix.
 */
import { PluginHttpError, type PluginFetch } from '@tb/ui';
import { serverUrl, type ShellConfig } from './config.js';

/** A plugin's frontend, from its listing entry's `MODULE_FEDERATION` loading mechanism. */
export interface PluginFrontendInfo {
  readonly manifestUrl: string;
  readonly remoteName: string;
  readonly expose: string;
}

/** One entry of `/data/plugins_listing`, as the shell uses it. */
export interface PluginInfo {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  /** The plugin's `isActive`: false means no data for it yet. */
  readonly enabled: boolean;
  /** TensorBoard's `disable_reload`: only the reload button refreshes it. */
  readonly disableReload: boolean;
  /** TensorBoard's `remove_dom`: unmount it when another tab is shown. */
  readonly removeDom: boolean;
  /** False for a tab that picks its own runs: the run selector is hidden while it shows. */
  readonly usesRunSelector: boolean;
  /** null: the plugin has no frontend (`{"type": "NONE"}`) or one the shell cannot load. */
  readonly frontend: PluginFrontendInfo | null;
  /** The loading mechanism's type, to explain a null `frontend`. */
  readonly mechanism: string;
  /** The plugin names whose tags it reads; null when the listing does not say. */
  readonly pluginNames: readonly string[] | null;
}

/** `/data/environment`, the fields the shell shows. */
export interface EnvironmentInfo {
  readonly version: string;
  readonly dataLocation: string;
  readonly windowTitle: string;
  readonly computeBackend: string;
}

/** A loading-progress snapshot: `/data/status` and the SSE `status` event. */
export interface LoadStatus {
  readonly state: 'loading' | 'idle';
  readonly bytesRead: number;
  readonly bytesTotal: number;
  readonly runsLoaded: number;
  readonly runsTotal: number;
  readonly problemCount: number;
  /** Requests to the log root's store (object storage) waiting to be tried again now. */
  readonly storageRetrying: number;
  /** Whether the store's latest request failed for good (access denied, retries spent). */
  readonly storageFailing: boolean;
  /** The store's latest failure, said in full, or null. */
  readonly storageError: string | null;
  /** Runs with bytes still to read, most left first. */
  readonly loadingRuns: readonly { readonly run: string; readonly bytesRead: number; readonly bytesTotal: number }[];
}

/** A non-2xx answer from a core route, with the server's message. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The server's `{"error": {"message"}}` text of a failed response, else its status line. */
async function errorText(res: Response, url: string): Promise<string> {
  const body = await res.text().catch(() => '');
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    if (typeof parsed.error?.message === 'string') return parsed.error.message;
  } catch {
    // Not JSON: fall through to the status line.
  }
  return `${res.status} ${res.statusText || 'error'} for ${url}${body && body.length < 200 ? `: ${body}` : ''}`;
}

/** GETs (or with `init`, any method) a core route and parses JSON; rejects with {@link HttpError}. */
export async function fetchJson<T>(config: ShellConfig, path: string, init?: RequestInit): Promise<T> {
  const url = serverUrl(config, path);
  const res = await fetch(url, init);
  if (!res.ok) throw new HttpError(res.status, await errorText(res, url));
  return (await res.json()) as T;
}

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

/** Turns the raw listing object into plugins, in its (tab) order. */
export function parseListing(raw: unknown): PluginInfo[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(`/data/plugins_listing: expected an object keyed by plugin id, found ${JSON.stringify(raw)?.slice(0, 80)}`);
  }
  return Object.entries(raw as Record<string, Record<string, unknown> | null>).map(([id, entry]) => {
    const e = entry ?? {};
    const lm = (e['loading_mechanism'] ?? {}) as Record<string, unknown>;
    const mechanism = str(lm['type'], 'NONE');
    const frontend =
      mechanism === 'MODULE_FEDERATION' && typeof lm['manifest_url'] === 'string' && typeof lm['remote_name'] === 'string'
        ? { manifestUrl: lm['manifest_url'], remoteName: lm['remote_name'], expose: str(lm['expose'], './Dashboard') }
        : null;
    const names = e['plugin_names'];
    return {
      id,
      title: str(e['tab_name'], id),
      version: str(e['version']),
      enabled: e['enabled'] !== false,
      disableReload: e['disable_reload'] === true,
      removeDom: e['remove_dom'] === true,
      usesRunSelector: e['uses_run_selector'] !== false,
      frontend,
      mechanism,
      pluginNames: Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : null,
    };
  });
}

export async function fetchPlugins(config: ShellConfig): Promise<PluginInfo[]> {
  return parseListing(await fetchJson<unknown>(config, '/data/plugins_listing'));
}

/**
 * `/data/runs`: every run, or with `pluginNames`, the runs that have a tag of one of
 * those plugin names (`?plugin_name=...`).
 */
export async function fetchRuns(config: ShellConfig, pluginNames?: readonly string[]): Promise<string[]> {
  const query = pluginNames?.length ? `?${pluginNames.map((n) => `plugin_name=${encodeURIComponent(n)}`).join('&')}` : '';
  const runs = await fetchJson<unknown>(config, `/data/runs${query}`);
  if (!Array.isArray(runs)) throw new Error(`/data/runs: expected an array of run names, found ${typeof runs}`);
  return runs.filter((r): r is string => typeof r === 'string');
}

/** `/data/plugin_names`: each plugin name the log root has data of, with its number of runs. */
export async function fetchPluginNames(config: ShellConfig): Promise<Record<string, number>> {
  const raw = await fetchJson<unknown>(config, '/data/plugin_names');
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(`/data/plugin_names: expected an object of plugin name -> run count, found ${JSON.stringify(raw)?.slice(0, 80)}`);
  }
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

export async function fetchEnvironment(config: ShellConfig): Promise<EnvironmentInfo> {
  const env = await fetchJson<Record<string, unknown>>(config, '/data/environment');
  return {
    version: str(env['version']),
    dataLocation: str(env['data_location']),
    windowTitle: str(env['window_title']),
    computeBackend: str(env['compute_backend']),
  };
}

/** POSTs /data/reload: the server re-scans the log directory now. */
export async function postReload(config: ShellConfig): Promise<void> {
  await fetchJson<unknown>(config, '/data/reload', { method: 'POST' });
}

/** Reads a status object leniently (missing numbers are 0). */
export function parseStatus(raw: unknown): LoadStatus {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const num = (k: string) => (typeof s[k] === 'number' && Number.isFinite(s[k]) ? (s[k] as number) : 0);
  return {
    state: s['state'] === 'loading' ? 'loading' : 'idle',
    bytesRead: num('bytesRead'),
    bytesTotal: num('bytesTotal'),
    runsLoaded: num('runsLoaded'),
    runsTotal: num('runsTotal'),
    problemCount: num('problemCount'),
    ...parseStorage(s['storage']),
    loadingRuns: parseLoadingRuns(s['loadingRuns']),
  };
}

function parseLoadingRuns(raw: unknown): LoadStatus['loadingRuns'] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r: unknown) => {
    const o = (r && typeof r === 'object' ? r : {}) as Record<string, unknown>;
    const { run, bytesRead, bytesTotal } = o;
    return typeof run === 'string' && typeof bytesRead === 'number' && typeof bytesTotal === 'number' ? [{ run, bytesRead, bytesTotal }] : [];
  });
}

function parseStorage(raw: unknown): { storageRetrying: number; storageFailing: boolean; storageError: string | null } {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const last = (s['lastError'] && typeof s['lastError'] === 'object' ? s['lastError'] : {}) as Record<string, unknown>;
  const retrying = s['retrying'];
  return {
    storageRetrying: typeof retrying === 'number' && Number.isFinite(retrying) ? retrying : 0,
    storageFailing: s['failing'] === true,
    storageError: typeof last['message'] === 'string' ? last['message'] : null,
  };
}

/** The typed fetch a dashboard gets: routes relative to `/data/plugin/<id>/`. */
export function createPluginFetch(config: ShellConfig, pluginId: string): PluginFetch {
  const base = serverUrl(config, `/data/plugin/${encodeURIComponent(pluginId)}/`);
  const url = (route: string) => base + route.replace(/^\/+/, '');
  return {
    url,
    raw: (route, init) => fetch(url(route), init),
    async json<T>(route: string, init?: RequestInit): Promise<T> {
      const target = url(route);
      const res = await fetch(target, init);
      if (!res.ok) throw new PluginHttpError(res.status, await errorText(res, target));
      return (await res.json()) as T;
    },
  };
}

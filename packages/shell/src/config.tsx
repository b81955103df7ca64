/**
 * The page's configuration, injected by the server: it replaces the `<!--TB_CONFIG-->`
 * comment in index.html with `<script>window.__TB_CONFIG__ = {...}</script>`. Read with
 * defaults, so the page also works from a plain static server.
 */

/** What the server tells the page. */
export interface ShellConfig {
  /** `--path_prefix`, without a trailing slash: `''` or `/tb`. Prefixes every request. */
  readonly pathPrefix: string;
  /** `--window_title`; empty for the default. */
  readonly windowTitle: string;
}

declare global {
  interface Window {
    __TB_CONFIG__?: Partial<ShellConfig>;
  }
}

/** Normalizes a path prefix: a leading slash, no trailing one; `''` for none. */
export function normalizePrefix(prefix: unknown): string {
  if (typeof prefix !== 'string') return '';
  const trimmed = prefix.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** Reads `window.__TB_CONFIG__`, filling in defaults for what is absent or malformed. */
export function readConfig(raw: unknown = typeof window === 'undefined' ? undefined : window.__TB_CONFIG__): ShellConfig {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    pathPrefix: normalizePrefix(obj['pathPrefix']),
    windowTitle: typeof obj['windowTitle'] === 'string' ? obj['windowTitle'] : '',
  };
}

/**
 * The URL of a server path under the prefix. Absolute URLs are returned unchanged, and a
 * path that already starts with the prefix is not prefixed twice.
 *
 * @example serverUrl({ pathPrefix: '/tb', windowTitle: '' }, '/data/runs') // '/tb/data/runs'
 */
export function serverUrl(config: ShellConfig, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  const p = path.startsWith('/') ? path : `/${path}`;
  const prefix = config.pathPrefix;
  if (prefix && (p === prefix || p.startsWith(`${prefix}/`))) return p;
  return prefix + p;
}

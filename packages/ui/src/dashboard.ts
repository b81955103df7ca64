/**
 * The contract between the shell and a dashboard: the props every federated
 * `./Dashboard` component receives. A plugin's frontend imports these types from
 * @tb/ui; the shell builds the values.
 */

/** One run as the shell knows it. */
export interface RunDescriptor {
  /** Path relative to the log root, `/`-separated; `.` for the root. */
  readonly name: string;
  /** Wall time (seconds) of its first event; null before any. */
  readonly startTime: number | null;
}

/** Settings the user chose in the shell, shared by all dashboards. */
export interface GlobalSettings {
  readonly darkMode: boolean;
  /** Seconds between automatic reloads; 0 when auto-reload is off. */
  readonly reloadIntervalSec: number;
}

/** Fetches from the plugin's own routes, under `/data/plugin/<id>/`. */
export interface PluginFetch {
  /**
   * GETs (or with `init`, any method) `route` (relative, e.g. `scalars?run=a&tag=loss`)
   * and parses JSON. Rejects with a {@link PluginHttpError} for a non-2xx answer.
   */
  json<T>(route: string, init?: RequestInit): Promise<T>;
  /** The raw response, for blobs (images, audio, CSV). Does not reject on 4xx/5xx. */
  raw(route: string, init?: RequestInit): Promise<Response>;
  /** The absolute URL of `route`, for `<img src>` and download links. */
  url(route: string): string;
}

/** A non-2xx answer from a plugin route, with the server's JSON error message. */
export class PluginHttpError extends Error {
  override readonly name = 'PluginHttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What the shell gives each dashboard. */
export interface DashboardProps {
  /** The plugin's id (`scalars`). */
  readonly pluginId: string;
  /** Every run, in TensorBoard's order (start time, then name). */
  readonly runs: readonly RunDescriptor[];
  /** The runs the user selected in the shell's run selector, in run order. */
  readonly selectedRuns: readonly string[];
  /** A stable colour (CSS colour string) per run, for every run. */
  readonly runColors: Readonly<Record<string, string>>;
  readonly fetch: PluginFetch;
  readonly settings: GlobalSettings;
  /**
   * Increments whenever data may have changed (new data on disk, the reload button, an
   * auto-reload). Dashboards refetch when it changes.
   */
  readonly reloadSignal: number;
  /** The runs that got new data since the last signal (empty when unknown: refetch all). */
  readonly changedRuns: readonly string[];
  /**
   * Makes `runs` the selected runs of every tab, as if the user had checked exactly those,
   * and with `openTab` (a plugin id) switches to that tab: "show these sessions in
   * Scalars". Runs the log root does not have are ignored.
   */
  readonly selectRuns: (runs: readonly string[], openTab?: string) => void;
}

/**
 * The dashboard's remembered choices (localStorage `tb-core.hparams.settings`): hidden
 * columns, log axes, the metric that colours lines, and the session statuses shown.
 * Filters and brushes last for the page only.
 */
import type { Status } from '../api-types.js';

/** Every session status, in the order the toolbar lists them. */
export const STATUSES: readonly Status[] = ['STATUS_SUCCESS', 'STATUS_FAILURE', 'STATUS_RUNNING', 'STATUS_UNKNOWN'];

/** What the dashboard remembers. */
export interface HParamsSettings {
  /** Ids of the hidden columns. */
  readonly hidden: readonly string[];
  /** Ids of the numeric columns drawn on log axes. */
  readonly logAxes: readonly string[];
  /** The metric column colouring lines and points; null: the first metric. */
  readonly colorBy: string | null;
  /** The statuses of the sessions shown. */
  readonly statuses: readonly Status[];
}

/** The localStorage key (under `tb-core.`). */
export const SETTINGS_KEY = 'hparams.settings';

/** Every column shown, linear axes, coloured by the first metric, every status. */
export const DEFAULT_SETTINGS: HParamsSettings = { hidden: [], logAxes: [], colorBy: null, statuses: STATUSES };

const strings = (v: unknown): string[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null);

/** Stored settings, with defaults for anything absent or malformed. */
export function parseSettings(raw: unknown): HParamsSettings {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const r = raw as Record<string, unknown>;
  const statuses = strings(r['statuses'])?.filter((s): s is Status => (STATUSES as readonly string[]).includes(s));
  return {
    hidden: strings(r['hidden']) ?? DEFAULT_SETTINGS.hidden,
    logAxes: strings(r['logAxes']) ?? DEFAULT_SETTINGS.logAxes,
    colorBy: typeof r['colorBy'] === 'string' ? r['colorBy'] : null,
    statuses: statuses ?? DEFAULT_SETTINGS.statuses,
  };
}

/** `list` with `item` added when `on`, removed when not. */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  const without = list.filter((x) => x !== item);
  return on ? [...without, item] : without;
}

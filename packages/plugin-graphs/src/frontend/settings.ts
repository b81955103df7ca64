/** The dashboard's preferences, kept in localStorage like the other dashboards keep theirs. */
import { loadStored, saveStored } from '@tb/ui';
import { COLOR_MODES, type ColorBy } from './colors.js';

/** What the user chose, remembered across page loads. */
export interface GraphSettings {
  readonly colorBy: ColorBy;
  /** Shapes (or tensor counts) written on the edges. */
  readonly edgeLabels: boolean;
}

/** Structure colours and edge labels on. */
export const DEFAULT_SETTINGS: GraphSettings = { colorBy: 'structure', edgeLabels: true };
/** Stored under `tb-core.graphs.settings`. */
export const SETTINGS_KEY = 'graphs.settings';

/** Settings from stored JSON; anything unknown falls back to the default. */
export function parseSettings(raw: unknown): GraphSettings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    colorBy: COLOR_MODES.includes(o.colorBy as ColorBy) ? (o.colorBy as ColorBy) : DEFAULT_SETTINGS.colorBy,
    edgeLabels: typeof o.edgeLabels === 'boolean' ? o.edgeLabels : DEFAULT_SETTINGS.edgeLabels,
  };
}

/** The stored settings, or the defaults. */
export function loadSettings(): GraphSettings {
  return loadStored(SETTINGS_KEY, parseSettings);
}

/** Remembers the settings for the next page load. */
export function saveSettings(s: GraphSettings): void {
  saveStored(SETTINGS_KEY, s);
}

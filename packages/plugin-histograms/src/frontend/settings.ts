/** The dashboard's settings, kept in localStorage like TensorBoard keeps them per user. */
import { loadStored, saveStored, type XAxisType } from '@tb/ui';

/** What a tab shows: the Histograms tab, or the Distributions tab (same package, own tab). */
export type View = 'histograms' | 'distributions';
export type HistogramMode = 'offset' | 'overlay';
/** Step, relative or wall time, as @tb/ui defines them for every dashboard. */
export type XAxis = XAxisType;

/** What the user chose, remembered: the histogram mode and the distributions' x axis. */
export interface HistogramSettings {
  readonly mode: HistogramMode;
  readonly xAxis: XAxis;
}

/** What a card draws: the settings and the tab's view. */
export interface CardSettings extends HistogramSettings {
  readonly view: View;
}

/** The view of the tab with this plugin id: `distributions` for the Distributions tab. */
export function viewOf(pluginId: string): View {
  return pluginId === 'distributions' ? 'distributions' : 'histograms';
}

export const DEFAULT_SETTINGS: HistogramSettings = { mode: 'offset', xAxis: 'step' };
export const SETTINGS_KEY = 'histograms.settings';

/** Settings from stored JSON; anything unknown falls back to the default. */
export function parseSettings(raw: unknown): HistogramSettings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const pick = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);
  return {
    mode: pick(o.mode, ['offset', 'overlay'], DEFAULT_SETTINGS.mode),
    xAxis: pick(o.xAxis, ['step', 'relative', 'wall'], DEFAULT_SETTINGS.xAxis),
  };
}

export function loadSettings(): HistogramSettings {
  return loadStored(SETTINGS_KEY, parseSettings);
}

export function saveSettings(s: HistogramSettings): void {
  saveStored(SETTINGS_KEY, s);
}

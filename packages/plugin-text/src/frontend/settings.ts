/** The dashboard's settings, kept in localStorage: whether markdown is rendered. */
import { loadStored, saveStored } from '@tb/ui';

export interface TextSettings {
  /** Render markdown (TensorBoard's default); off shows the text as written. */
  readonly markdown: boolean;
}

export const DEFAULT_SETTINGS: TextSettings = { markdown: true };
export const SETTINGS_KEY = 'text.settings';

export function parseSettings(raw: unknown): TextSettings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return { markdown: typeof o.markdown === 'boolean' ? o.markdown : DEFAULT_SETTINGS.markdown };
}

export function loadSettings(): TextSettings {
  return loadStored(SETTINGS_KEY, parseSettings);
}

export function saveSettings(s: TextSettings): void {
  saveStored(SETTINGS_KEY, s);
}

/** The dashboard's display settings, kept in localStorage: brightness, contrast, actual size. */
import { loadStored, saveStored } from '@tb/ui';

export interface ImageSettings {
  /** Percent; 100 is unchanged. */
  readonly brightness: number;
  readonly contrast: number;
  /** Show images at their own pixel size instead of fitted to the card. */
  readonly actualSize: boolean;
}

export const DEFAULT_SETTINGS: ImageSettings = { brightness: 100, contrast: 100, actualSize: false };
export const SETTINGS_KEY = 'images.settings';

const percent = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(300, Math.max(0, Math.round(v))) : fallback);

export function parseSettings(raw: unknown): ImageSettings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    brightness: percent(o.brightness, DEFAULT_SETTINGS.brightness),
    contrast: percent(o.contrast, DEFAULT_SETTINGS.contrast),
    actualSize: typeof o.actualSize === 'boolean' ? o.actualSize : DEFAULT_SETTINGS.actualSize,
  };
}

/** The CSS filter for the settings ('none' when unchanged). */
export function cssFilter(s: ImageSettings): string {
  if (s.brightness === 100 && s.contrast === 100) return 'none';
  return `brightness(${s.brightness}%) contrast(${s.contrast}%)`;
}

export function loadSettings(): ImageSettings {
  return loadStored(SETTINGS_KEY, parseSettings);
}

export function saveSettings(s: ImageSettings): void {
  saveStored(SETTINGS_KEY, s);
}

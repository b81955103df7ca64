/**
 * The user's global settings (dark mode, auto-reload and its period), remembered in
 * localStorage, and the dialog that edits them.
 */
import { prefersDark, type GlobalSettings } from '@tb/ui';
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadJson, saveJson } from './storage.js';

/** Settings as stored; dashboards see them as {@link GlobalSettings}. */
export interface ShellSettings {
  readonly darkMode: boolean;
  readonly autoReload: boolean;
  /** Seconds between automatic reloads, at least {@link MIN_RELOAD_SEC}. */
  readonly reloadIntervalSec: number;
}

export const MIN_RELOAD_SEC = 5;
const KEY = 'settings';

function isStored(v: unknown): v is Partial<ShellSettings> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The stored settings, with defaults: the system's colour scheme, auto-reload every 30 s. */
export function loadSettings(): ShellSettings {
  const stored = loadJson<Partial<ShellSettings>>(KEY, {}, isStored);
  const interval = Number(stored.reloadIntervalSec);
  return {
    darkMode: typeof stored.darkMode === 'boolean' ? stored.darkMode : prefersDark(),
    autoReload: typeof stored.autoReload === 'boolean' ? stored.autoReload : true,
    reloadIntervalSec: Number.isFinite(interval) && interval >= MIN_RELOAD_SEC ? Math.round(interval) : 30,
  };
}

export function saveSettings(settings: ShellSettings): void {
  saveJson(KEY, settings);
}

/** What dashboards receive. */
export function globalSettings(s: ShellSettings): GlobalSettings {
  return { darkMode: s.darkMode, reloadIntervalSec: s.autoReload ? s.reloadIntervalSec : 0 };
}

/** Props of {@link SettingsDialog}. */
export interface SettingsDialogProps {
  readonly settings: ShellSettings;
  readonly onChange: (next: ShellSettings) => void;
  readonly onClose: () => void;
}

/** A modal dialog: dark mode, auto-reload and the reload period. Escape or the backdrop closes it. */
export function SettingsDialog({ settings, onChange, onClose }: SettingsDialogProps) {
  const [intervalText, setIntervalText] = useState(String(settings.reloadIntervalSec));
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('input')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  const parsed = Number(intervalText);
  const intervalError =
    Number.isFinite(parsed) && parsed >= MIN_RELOAD_SEC && intervalText.trim() !== ''
      ? null
      : `Enter a number of seconds, at least ${MIN_RELOAD_SEC}.`;
  return (
    <div class="tb-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div class="tb-dialog" role="dialog" aria-modal="true" aria-labelledby="tb-settings-title" ref={panel} data-testid="settings-dialog">
        <h2 id="tb-settings-title" class="tb-dialog__title">
          Settings
        </h2>
        <label class="tb-dialog__row">
          <input
            type="checkbox"
            checked={settings.darkMode}
            data-testid="setting-dark-mode"
            onChange={(e) => onChange({ ...settings, darkMode: e.currentTarget.checked })}
          />
          Dark mode
        </label>
        <label class="tb-dialog__row">
          <input
            type="checkbox"
            checked={settings.autoReload}
            data-testid="setting-auto-reload"
            onChange={(e) => onChange({ ...settings, autoReload: e.currentTarget.checked })}
          />
          Reload data automatically
        </label>
        <label class="tb-dialog__field">
          <span>Reload period (seconds)</span>
          <input
            class={intervalError ? 'tb-input tb-input--invalid' : 'tb-input'}
            type="number"
            min={MIN_RELOAD_SEC}
            step={1}
            value={intervalText}
            data-testid="setting-reload-interval"
            onInput={(e) => {
              const text = e.currentTarget.value;
              setIntervalText(text);
              const n = Number(text);
              if (text.trim() !== '' && Number.isFinite(n) && n >= MIN_RELOAD_SEC) onChange({ ...settings, reloadIntervalSec: Math.round(n) });
            }}
          />
          {intervalError && <span class="tb-filter__error">{intervalError}</span>}
        </label>
        <div class="tb-dialog__actions">
          <button type="button" class="tb-button tb-button--primary" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </div>
  );
}

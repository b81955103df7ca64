/**
 * The settings every chart shares: smoothing (slider, exact value, EMA or simple
 * moving average), the x axis, log y and outlier-robust y ranges; and the export of
 * everything shown as one CSV.
 */
import { DownloadMenu, type DownloadItem } from '@tb/ui';
import { MAX_SMOOTHING, clampSmoothing, type ScalarSettings } from './settings.js';
import { smaWindow } from './smoothing.js';
import type { XAxisType } from './x-axis.js';

/** Props of {@link Toolbar}. */
export interface ToolbarProps {
  readonly settings: ScalarSettings;
  readonly onChange: (next: ScalarSettings) => void;
  /** The dashboard-wide downloads (export of the selected runs). */
  readonly downloads: readonly DownloadItem[];
}

const X_AXES: readonly { readonly type: XAxisType; readonly label: string; readonly title: string }[] = [
  { type: 'step', label: 'Step', title: 'The training step of each point' },
  { type: 'relative', label: 'Relative', title: "Time since the run's first point" },
  { type: 'wall', label: 'Wall', title: 'Wall-clock time' },
];

/** The dashboard's toolbar. */
export function Toolbar({ settings, onChange, downloads }: ToolbarProps) {
  const set = (patch: Partial<ScalarSettings>) => onChange({ ...settings, ...patch });
  const smoothing = settings.smoothing;
  return (
    <div class="tb-scalars__toolbar" role="toolbar" aria-label="Chart settings">
      <div class="tb-scalars__group tb-scalars__smoothing">
        <label class="tb-scalars__label" for="tb-scalars-smoothing">
          Smoothing
        </label>
        <input
          id="tb-scalars-smoothing"
          class="tb-scalars__slider"
          type="range"
          min={0}
          max={MAX_SMOOTHING}
          step={0.001}
          value={smoothing}
          data-testid="smoothing"
          aria-valuetext={smoothing.toFixed(3)}
          onInput={(e) => set({ smoothing: clampSmoothing(Number(e.currentTarget.value)) })}
        />
        <input
          class="tb-input tb-scalars__number"
          type="number"
          min={0}
          max={MAX_SMOOTHING}
          step={0.001}
          value={smoothing.toFixed(3)}
          aria-label="Smoothing weight"
          data-testid="smoothing-value"
          onChange={(e) => set({ smoothing: clampSmoothing(Number(e.currentTarget.value)) })}
        />
        <select
          class="tb-input tb-scalars__select"
          value={settings.method}
          aria-label="Smoothing method"
          data-testid="smoothing-method"
          onChange={(e) => set({ method: e.currentTarget.value === 'sma' ? 'sma' : 'ema' })}
        >
          <option value="ema">Exponential (debiased)</option>
          <option value="sma">Moving average ({smaWindow(smoothing)} pts)</option>
        </select>
      </div>

      <div class="tb-scalars__group" role="radiogroup" aria-label="X axis">
        <span class="tb-scalars__label">X axis</span>
        <div class="tb-scalars__segments">
          {X_AXES.map((a) => (
            <button
              key={a.type}
              type="button"
              role="radio"
              aria-checked={settings.xAxis === a.type}
              class="tb-scalars__segment"
              title={a.title}
              data-testid={`x-axis-${a.type}`}
              onClick={() => set({ xAxis: a.type })}
            >
              {a.label}
            </button>
          ))}
        </div>
      </div>

      <div class="tb-scalars__group">
        <label class="tb-scalars__check">
          <input type="checkbox" checked={settings.logY} data-testid="log-y" onChange={(e) => set({ logY: e.currentTarget.checked })} />
          Log y
        </label>
        <label class="tb-scalars__check" title="Fit the y axis to the 5th-95th percentile of the values">
          <input
            type="checkbox"
            checked={settings.ignoreOutliers}
            data-testid="ignore-outliers"
            onChange={(e) => set({ ignoreOutliers: e.currentTarget.checked })}
          />
          Ignore outliers
        </label>
      </div>

      <div class="tb-scalars__spacer" />
      {downloads.length > 0 && <DownloadMenu items={downloads} label="Export the shown scalars" testId="scalars-export" />}
    </div>
  );
}

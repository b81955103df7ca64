/**
 * The settings every chart shares: smoothing (slider, exact value, EMA or simple
 * moving average), the x axis, log y and outlier-robust y ranges, the card width and
 * which runs the tooltip lists; and the export of everything shown as one CSV.
 */
import { DownloadMenu, type DownloadItem } from '@tb/ui';
import { CARD_SIZES, CARD_WIDTHS, type CardWidth } from './card-width.js';
import { Segmented, type SegmentedOption } from './Segmented.js';
import { MAX_SMOOTHING, TOOLTIP_RUN_CHOICES, clampSmoothing, type ScalarSettings } from './settings.js';
import { smaWindow } from './smoothing.js';
import type { XAxisType } from './x-axis.js';

/** Props of {@link Toolbar}. */
export interface ToolbarProps {
  readonly settings: ScalarSettings;
  readonly onChange: (next: ScalarSettings) => void;
  /** The dashboard-wide downloads (export of the selected runs). */
  readonly downloads: readonly DownloadItem[];
}

const WIDTH_NAMES = { small: 'Small cards', medium: 'Medium cards', large: 'Large cards' } as const;

const WIDTHS: readonly SegmentedOption<CardWidth>[] = CARD_WIDTHS.map((w) => ({
  value: w,
  label: CARD_SIZES[w].label,
  title: `${WIDTH_NAMES[w]} (columns at least ${CARD_SIZES[w].minWidth} px wide)`,
  ariaLabel: WIDTH_NAMES[w],
  testId: `card-width-${w}`,
}));

/** The label of a tooltip choice: 0 is every run. */
function tooltipChoice(n: number): string {
  if (n === 0) return 'All runs';
  return n === 1 ? 'Nearest run' : `Nearest ${n} runs`;
}

const X_AXES: readonly SegmentedOption<XAxisType>[] = [
  { value: 'step', label: 'Step', title: 'The training step of each point', testId: 'x-axis-step' },
  { value: 'relative', label: 'Relative', title: "Time since the run's first point", testId: 'x-axis-relative' },
  { value: 'wall', label: 'Wall', title: 'Wall-clock time', testId: 'x-axis-wall' },
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

      <Segmented label="X axis" options={X_AXES} value={settings.xAxis} onSelect={(xAxis) => set({ xAxis })} />

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

      <Segmented label="Card width" options={WIDTHS} value={settings.cardWidth} onSelect={(cardWidth) => set({ cardWidth })} />

      <div class="tb-scalars__group">
        <label class="tb-scalars__label" for="tb-scalars-tooltip">
          Tooltip
        </label>
        <select
          id="tb-scalars-tooltip"
          class="tb-input tb-scalars__select"
          value={String(settings.tooltipRuns)}
          data-testid="tooltip-runs"
          title="Which runs the tooltip lists, nearest to the mouse first"
          onChange={(e) => set({ tooltipRuns: Number(e.currentTarget.value) })}
        >
          {(TOOLTIP_RUN_CHOICES.includes(settings.tooltipRuns) ? TOOLTIP_RUN_CHOICES : [...TOOLTIP_RUN_CHOICES, settings.tooltipRuns]).map((n) => (
            <option key={n} value={String(n)}>
              {tooltipChoice(n)}
            </option>
          ))}
        </select>
      </div>

      <div class="tb-scalars__spacer" />
      {downloads.length > 0 && <DownloadMenu items={downloads} label="Export the shown scalars" testId="scalars-export" />}
    </div>
  );
}

/**
 * The settings every card shares (smoothing, x axis, log y, outliers, card width, which
 * runs the tooltip lists), as the toolbar edits them and localStorage remembers them.
 */
import { isCardWidth, type CardWidth } from './card-width.js';
import type { SmoothingMethod } from './smoothing.js';
import { X_AXIS_TYPES, type XAxisType } from './x-axis.js';

/** The settings of all charts. */
export interface ScalarSettings {
  /** Slider weight in [0, MAX_SMOOTHING]. */
  readonly smoothing: number;
  readonly method: SmoothingMethod;
  readonly xAxis: XAxisType;
  readonly logY: boolean;
  readonly ignoreOutliers: boolean;
  readonly cardWidth: CardWidth;
  /** How many runs the tooltip lists, nearest to the mouse first; 0 lists them all. */
  readonly tooltipRuns: number;
}

/** The slider's top: a weight of 1 would freeze the average at its first value. */
export const MAX_SMOOTHING = 0.999;

export const DEFAULT_SETTINGS: ScalarSettings = {
  smoothing: 0.6,
  method: 'ema',
  xAxis: 'step',
  logY: false,
  ignoreOutliers: false,
  cardWidth: 'medium',
  tooltipRuns: 0,
};

/** The tooltip choices the toolbar offers: all runs, or only the nearest 1, 3 or 5. */
export const TOOLTIP_RUN_CHOICES: readonly number[] = [0, 1, 3, 5];

/** The most runs a "nearest N" tooltip setting may name. */
const MAX_TOOLTIP_RUNS = 100;

/** The localStorage key (under storage.ts's prefix). */
export const SETTINGS_KEY = 'scalars.settings';

/** A smoothing weight clamped to [0, MAX_SMOOTHING]; NaN gives the default. */
export function clampSmoothing(w: number): number {
  if (!Number.isFinite(w)) return DEFAULT_SETTINGS.smoothing;
  return Math.min(MAX_SMOOTHING, Math.max(0, w));
}

/** Whether `v` is a tooltip setting: 0 (all runs) or a run count up to 100. */
function validTooltipRuns(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_TOOLTIP_RUNS;
}

/**
 * Settings from a stored value: each valid field is kept, anything else is the default.
 *
 * @example parseSettings({ smoothing: 2, xAxis: 'bogus' }) // smoothing 0.999, xAxis 'step'
 */
export function parseSettings(raw: unknown): ScalarSettings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const r = raw as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  return {
    smoothing: typeof r['smoothing'] === 'number' ? clampSmoothing(r['smoothing']) : d.smoothing,
    method: r['method'] === 'sma' || r['method'] === 'ema' ? r['method'] : d.method,
    xAxis: X_AXIS_TYPES.includes(r['xAxis'] as XAxisType) ? (r['xAxis'] as XAxisType) : d.xAxis,
    logY: typeof r['logY'] === 'boolean' ? r['logY'] : d.logY,
    ignoreOutliers: typeof r['ignoreOutliers'] === 'boolean' ? r['ignoreOutliers'] : d.ignoreOutliers,
    cardWidth: isCardWidth(r['cardWidth']) ? r['cardWidth'] : d.cardWidth,
    tooltipRuns: validTooltipRuns(r['tooltipRuns']) ? r['tooltipRuns'] : d.tooltipRuns,
  };
}
